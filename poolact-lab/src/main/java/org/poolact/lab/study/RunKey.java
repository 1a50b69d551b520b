package org.poolact.lab.study;

import org.poolact.lab.train.BlockOrder;
import org.poolact.lab.train.PoolKind;

/**
 * One run of a study grid.
 *
 * @param act   canonical activation spec, e.g. {@code relu}
 * @param pool  pooling
 * @param order block order
 * @param seed  the seed shared by the two orders of a pair
 */
public record RunKey(String act, PoolKind pool, BlockOrder order, long seed) {
    /** A stable id, e.g. {@code relu_max_act-pool_s0}, usable as a file name (':' of specs become '='). */
    public String id() {
        return act.replace(':', '=') + "_" + pool.cliName() + "_" + order.cliName() + "_s" + seed;
    }

    @Override
    public String toString() {
        return "act=" + act + " pool=" + pool + " order=" + order + " seed=" + seed;
    }
}
