package org.poolact.lab.study;

import org.poolact.lab.order.PoolType;
import org.poolact.lab.train.BlockOrder;

/**
 * One run of a study grid.
 *
 * @param act   canonical activation spec, e.g. {@code relu}
 * @param pool  pooling, one of {@link org.poolact.lab.train.CnnBuilder#POOLS}
 * @param order block order
 * @param seed  the seed shared by the two orders of a pair
 */
public record RunKey(String act, PoolType pool, BlockOrder order, long seed) {
    /** A stable id, e.g. {@code relu_max_act-pool_s0}, usable as a file name (':' of specs become '='). */
    public String id() {
        return act.replace(':', '=') + "_" + pool.label() + "_" + order.cliName() + "_s" + seed;
    }

    @Override
    public String toString() {
        return "act=" + act + " pool=" + pool.label() + " order=" + order + " seed=" + seed;
    }
}
