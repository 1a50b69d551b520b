package org.poolact.cli.order;

/** The two poolings of the post. */
public enum PoolKind {
    MAX("max"),
    AVG("avg");

    private final String label;

    PoolKind(String label) {
        this.label = label;
    }

    /** {@code max} or {@code avg}, as the command line and the JSON write it. */
    public String label() {
        return label;
    }
}
