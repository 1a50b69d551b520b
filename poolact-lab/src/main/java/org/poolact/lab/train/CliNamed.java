package org.poolact.lab.train;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
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
        return parse(what, s, Arrays.asList(type.getEnumConstants()), CliNamed::cliName);
    }

    /**
     * The one of {@code choices} whose {@code name} is exactly {@code s}, for a value a command accepts
     * only some of (e.g. the poolings training can build).
     *
     * @param what the option's name for the message, e.g. {@code pool}
     * @throws IllegalArgumentException {@code what: expected one of a, b but got 's'}
     */
    static <E> E parse(String what, String s, List<E> choices, Function<? super E, String> name) {
        for (E e : choices) {
            if (name.apply(e).equals(s)) {
                return e;
            }
        }
        throw new IllegalArgumentException(what + ": expected one of " + choices.stream().map(name)
                .collect(Collectors.joining(", ")) + " but got '" + s + "'");
    }
}
