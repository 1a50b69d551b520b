package org.poolact.lab.train;

/** The learning-rate schedule, stepped once per epoch. */
public enum Schedule {
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

    public String cliName() {
        return cliName;
    }

    /** Reads {@code none}, {@code step} or {@code cosine}. */
    public static Schedule parse(String s) {
        for (Schedule k : values()) {
            if (k.cliName.equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("lr-schedule: expected one of none, step, cosine but got '" + s + "'");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
