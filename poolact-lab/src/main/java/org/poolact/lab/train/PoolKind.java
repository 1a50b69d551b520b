package org.poolact.lab.train;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The pooling of the conv blocks: {@code nn.MaxPool2d(k)} or {@code nn.AvgPool2d(k)} (stride = kernel, no padding). */
public enum PoolKind {
    MAX("max"),
    AVG("avg");

    private final String cliName;

    PoolKind(String cliName) {
        this.cliName = cliName;
    }

    /** {@code max} or {@code avg}. */
    public String cliName() {
        return cliName;
    }

    /**
     * Reads {@code max} or {@code avg}.
     *
     * @throws IllegalArgumentException naming the valid values
     */
    public static PoolKind parse(String s) {
        for (PoolKind p : values()) {
            if (p.cliName.equals(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException("pool: expected one of "
                + Arrays.stream(values()).map(PoolKind::cliName).collect(Collectors.joining(", "))
                + " but got '" + s + "'");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
