package org.poolact.lab.train;

/** The pooling of the conv blocks: {@code nn.MaxPool2d(k)} or {@code nn.AvgPool2d(k)} (stride = kernel, no padding). */
public enum PoolKind implements CliNamed {
    MAX("max"),
    AVG("avg");

    private final String cliName;

    PoolKind(String cliName) {
        this.cliName = cliName;
    }

    /** {@code max} or {@code avg}. */
    @Override
    public String cliName() {
        return cliName;
    }

    /**
     * Reads {@code max} or {@code avg}.
     *
     * @throws IllegalArgumentException naming the valid values
     */
    public static PoolKind parse(String s) {
        return CliNamed.parse(PoolKind.class, "pool", s);
    }

    @Override
    public String toString() {
        return cliName;
    }
}
