package org.poolact.optim.lr;

import java.util.LinkedHashMap;
import java.util.Map;

import org.poolact.optim.Optimizer;

/**
 * {@code StepLR(optimizer, step_size, gamma=0.1)}: the lr is multiplied by gamma every
 * {@code step_size} epochs ({@code lr_epoch = initial_lr * gamma^floor(epoch / step_size)}, computed
 * recursively as PyTorch does).
 */
public final class StepLR extends LRScheduler {
    private int stepSize;
    private double gamma;

    /** {@code StepLR(optimizer, step_size)} with gamma 0.1. */
    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    /**
     * {@code StepLR(optimizer, step_size, gamma)}.
     *
     * @throws IllegalArgumentException if step_size is not positive
     */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super(optimizer);
        if (stepSize <= 0) {
            throw new IllegalArgumentException("StepLR: step_size must be greater than zero, but got " + stepSize);
        }
        this.stepSize = stepSize;
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double nextLr(double currentLr, double baseLr, int epoch) {
        if (epoch == 0 || epoch % stepSize != 0) {
            return currentLr;
        }
        return currentLr * gamma;
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step_size", stepSize);
        m.put("gamma", gamma);
        return m;
    }

    @Override
    protected void loadHyperParameters(Map<String, Object> values) {
        int s = integer("StepLR", values, "step_size");
        double g = number("StepLR", values, "gamma");
        if (s <= 0) {
            throw new IllegalArgumentException("StepLR: step_size must be greater than zero, but got " + s);
        }
        stepSize = s;
        gamma = g;
    }
}
