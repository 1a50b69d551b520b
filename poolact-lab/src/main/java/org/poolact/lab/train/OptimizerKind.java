package org.poolact.lab.train;

/** The optimiser of a training run. */
public enum OptimizerKind implements CliNamed {
    /** {@code torch.optim.SGD} with momentum. */
    SGD("sgd"),
    /** {@code torch.optim.Adam}. */
    ADAM("adam");

    private final String cliName;

    OptimizerKind(String cliName) {
        this.cliName = cliName;
    }

    @Override
    public String cliName() {
        return cliName;
    }

    /** Reads {@code sgd} or {@code adam}. */
    public static OptimizerKind parse(String s) {
        return CliNamed.parse(OptimizerKind.class, "optimizer", s);
    }

    @Override
    public String toString() {
        return cliName;
    }
}
