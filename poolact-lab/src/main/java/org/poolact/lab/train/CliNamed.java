package org.poolact.lab.train;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum constant with a command-line spelling ({@code act-pool}, {@code max}, {@code sgd}, ...). */
public interface CliNamed {
    /** The spelling on the command line and in results. */
    String cliName();

    /**
     * The constant of {@code type} spelled {@code s}.
     *
     * @param what the option's name for the message, e.g. {@code order}
     * @throws IllegalArgumentException naming the valid spellings and what came
     */
    static <E extends Enum<E> & CliNamed> E parse(Class<E> type, String what, String s) {
        for (E e : type.getEnumConstants()) {
            if (e.cliName().equals(s)) {
                return e;
            }
        }
        throw new IllegalArgumentException(what + ": expected one of " + Arrays.stream(type.getEnumConstants())
                .map(CliNamed::cliName).collect(Collectors.joining(", ")) + " but got '" + s + "'");
    }
}
