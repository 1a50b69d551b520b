package org.poolact.optim.lr;

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
        this.stepSize = positive("StepLR", "step_size", stepSize);
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
        return entries("step_size", stepSize, "gamma", gamma);
    }

    @Override
    protected void loadHyperParameters(Map<String, Object> values) {
        int i = positive("StepLR", "step_size", integer("StepLR", values, "step_size"));
        gamma = number("StepLR", values, "gamma");
        stepSize = i;
    }
}
