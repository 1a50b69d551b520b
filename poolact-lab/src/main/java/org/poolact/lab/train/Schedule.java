package org.poolact.lab.train;

/** The learning-rate schedule, stepped once per epoch. */
public enum Schedule implements CliNamed {
    /** Constant learning rate. */
    NONE("none"),
    /** {@code StepLR(step_size, gamma)}. */
    STEP("step"),
    /** {@code CosineAnnealingLR(T_max = epochs)}. */
    COSINE("cosine");

    private final String cliName;

    Schedule(String cliName) {
        this.cliName = cliName;
    }

    @Override
    public String cliName() {
        return cliName;
    }

    /** Reads {@code none}, {@code step} or {@code cosine}. */
    public static Schedule parse(String s) {
        return CliNamed.parse(Schedule.class, "lr-schedule", s);
    }

    @Override
    public String toString() {
        return cliName;
    }
}
