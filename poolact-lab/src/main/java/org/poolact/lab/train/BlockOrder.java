package org.poolact.lab.train;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where the activation sits relative to the pooling in each conv block: the question of the post. */
public enum BlockOrder {
    /** conv -> activation -> pool (order A of the post). */
    ACT_POOL("act-pool"),
    /** conv -> pool -> activation (order B of the post). */
    POOL_ACT("pool-act");

    private final String cliName;

    BlockOrder(String cliName) {
        this.cliName = cliName;
    }

    /** The spelling on the command line and in results: {@code act-pool} or {@code pool-act}. */
    public String cliName() {
        return cliName;
    }

    /**
     * Reads {@code act-pool} or {@code pool-act}.
     *
     * @throws IllegalArgumentException naming the valid values
     */
    public static BlockOrder parse(String s) {
        for (BlockOrder o : values()) {
            if (o.cliName.equals(s)) {
                return o;
            }
        }
        throw new IllegalArgumentException("order: expected one of "
                + Arrays.stream(values()).map(BlockOrder::cliName).collect(Collectors.joining(", "))
                + " but got '" + s + "'");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
