package org.poolact.cli.options;

import java.util.List;

import org.poolact.lab.order.PoolType;

/** {@code --pool max|avg|both} of {@code demo}. */
public enum PoolChoice {
    MAX(List.of(PoolType.MAX)),
    AVG(List.of(PoolType.AVG)),
    BOTH(List.of(PoolType.MAX, PoolType.AVG));

    private final List<PoolType> types;

    PoolChoice(List<PoolType> types) {
        this.types = types;
    }

    /** The poolings to run, in order. */
    public List<PoolType> types() {
        return types;
    }
}
