package org.poolact.lab.train;

/** Where the activation sits relative to the pooling in each conv block: the question of the post. */
public enum BlockOrder implements CliNamed {
    /** conv -> activation -> pool (order A of the post). */
    ACT_POOL("act-pool"),
    /** conv -> pool -> activation (order B of the post). */
    POOL_ACT("pool-act");

    private final String cliName;

    BlockOrder(String cliName) {
        this.cliName = cliName;
    }

    /** The spelling on the command line and in results: {@code act-pool} or {@code pool-act}. */
    @Override
    public String cliName() {
        return cliName;
    }

    /**
     * Reads {@code act-pool} or {@code pool-act}.
     *
     * @throws IllegalArgumentException naming the valid values
     */
    public static BlockOrder parse(String s) {
        return CliNamed.parse(BlockOrder.class, "order", s);
    }

    @Override
    public String toString() {
        return cliName;
    }
}
