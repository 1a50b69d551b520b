package org.poolact.lab.train;

/** The optimiser of a training run. */
public enum OptimizerKind {
    /** {@code torch.optim.SGD} with momentum. */
    SGD("sgd"),
    /** {@code torch.optim.Adam}. */
    ADAM("adam");

    private final String cliName;

    OptimizerKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Reads {@code sgd} or {@code adam}. */
    public static OptimizerKind parse(String s) {
        for (OptimizerKind k : values()) {
            if (k.cliName.equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("optimizer: expected one of sgd, adam but got '" + s + "'");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
