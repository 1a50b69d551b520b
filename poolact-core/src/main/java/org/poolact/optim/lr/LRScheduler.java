package org.poolact.optim.lr;

import org.poolact.optim.Optimizer;

/**
 * Base of the learning-rate schedulers ({@code torch.optim.lr_scheduler.LRScheduler}). Construction
 * records {@code initial_lr} on the optimiser and performs PyTorch's initial step (epoch 0);
 * each {@link #step()} advances one epoch and sets the optimiser's lr with the scheduler's
 * recursive ("chainable") rule, as PyTorch's {@code get_lr()} does. Call it after {@code optimizer.step()}.
 */
public abstract class LRScheduler {
    private final Optimizer optimizer;
    private final double baseLr;
    private int lastEpoch = -1;

    protected LRScheduler(Optimizer optimizer) {
        this.optimizer = optimizer;
        this.baseLr = optimizer.initialLrSetDefault();
    }

    /** PyTorch's {@code _initial_step()}; subclasses call it last in their constructor. */
    protected final void initialStep() {
        step();
    }

    /** Advances one epoch and updates the optimiser's learning rate. */
    public void step() {
        lastEpoch++;
        optimizer.setLr(nextLr(optimizer.lr(), lastEpoch));
    }

    /** The learning rate for {@code epoch} given the current one (PyTorch's {@code get_lr()}). */
    protected abstract double nextLr(double currentLr, int epoch);

    /** {@code base_lrs[0]}: the optimiser's {@code initial_lr}. */
    public double baseLr() {
        return baseLr;
    }

    /** {@code last_epoch}. */
    public int lastEpoch() {
        return lastEpoch;
    }

    /** {@code get_last_lr()[0]}. */
    public double lastLr() {
        return optimizer.lr();
    }
}
