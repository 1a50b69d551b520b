package org.poolact.cli.options;

import java.util.List;

import org.poolact.cli.order.PoolKind;

/** {@code --pool max|avg|both}. */
public enum PoolChoice {
    MAX(List.of(PoolKind.MAX)),
    AVG(List.of(PoolKind.AVG)),
    BOTH(List.of(PoolKind.MAX, PoolKind.AVG));

    private final List<PoolKind> kinds;

    PoolChoice(List<PoolKind> kinds) {
        this.kinds = kinds;
    }

    /** The poolings to run, in order. */
    public List<PoolKind> kinds() {
        return kinds;
    }
}
