package org.poolact.optim.lr;

import java.util.Map;

import org.poolact.optim.Optimizer;

/**
 * {@code CosineAnnealingLR(optimizer, T_max, eta_min=0)}: follows
 * {@code eta_min + (initial_lr - eta_min) * (1 + cos(pi * epoch / T_max)) / 2}, computed with PyTorch's
 * recursive form (so it also keeps going, periodically, past T_max, and composes with manual lr changes):
 * <pre>
 * lr_t = (1 + cos(pi t / T)) / (1 + cos(pi (t - 1) / T)) * (lr_{t-1} - eta_min) + eta_min
 * lr_t = lr_{t-1} + (initial_lr - eta_min) * (1 - cos(pi / T)) / 2    when (t - 1 - T) mod 2T == 0
 * </pre>
 */
public final class CosineAnnealingLR extends LRScheduler {
    private int tMax;
    private double etaMin;

    /** {@code CosineAnnealingLR(optimizer, T_max)} with eta_min 0. */
    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0.0);
    }

    /**
     * {@code CosineAnnealingLR(optimizer, T_max, eta_min)}.
     *
     * @throws IllegalArgumentException if T_max is not positive
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        super(optimizer);
        this.tMax = positive("CosineAnnealingLR", "T_max", tMax);
        this.etaMin = etaMin;
        initialStep();
    }

    @Override
    protected double nextLr(double currentLr, double baseLr, int epoch) {
        if (epoch == 0) {
            return currentLr;
        }
        if (Math.floorMod(epoch - 1 - tMax, 2 * tMax) == 0) {
            return currentLr + (baseLr - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
        }
        return (1 + Math.cos(Math.PI * epoch / tMax)) / (1 + Math.cos(Math.PI * (epoch - 1) / tMax))
                * (currentLr - etaMin) + etaMin;
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        return entries("T_max", tMax, "eta_min", etaMin);
    }

    @Override
    protected void loadHyperParameters(Map<String, Object> values) {
        int i = positive("CosineAnnealingLR", "T_max", integer("CosineAnnealingLR", values, "T_max"));
        etaMin = number("CosineAnnealingLR", values, "eta_min");
        tMax = i;
    }
}
