package org.poolact.optim;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.poolact.autograd.GradMode;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;

/**
 * Base of the optimisers ({@code torch.optim.Optimizer}) over one group of parameter tensors. All
 * per-parameter state (momentum buffers, moments, step counts) lives here, keyed by parameter
 * identity, never in the layers. {@link #step()} runs under no-grad and updates parameters in
 * place; parameters whose {@code .grad} is null are skipped, as in PyTorch.
 * <p>
 * Updates follow PyTorch's single-tensor ({@code foreach=False}, the CPU default) code op by op; each
 * tensor op's result is rounded to the parameter's dtype, and Python-float scalars are rounded to
 * the dtype before use, as PyTorch's CPU kernels do for float32.
 */
public abstract class Optimizer {
    private final List<Tensor> params;
    private final Map<Tensor, Map<String, Tensor>> state = new IdentityHashMap<>();
    private double lr;
    private Double initialLr;

    protected Optimizer(List<Tensor> params, double lr) {
        if (params.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": optimizer got an empty parameter list");
        }
        if (!(lr >= 0)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": Invalid learning rate: " + lr);
        }
        for (Tensor p : params) {
            if (!p.isLeaf()) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ": can't optimize a non-leaf Tensor");
            }
        }
        this.params = new ArrayList<>(params);
        this.lr = lr;
    }

    /** The parameters, in the given order. */
    public List<Tensor> params() {
        return new ArrayList<>(params);
    }

    /** The current learning rate ({@code param_groups[0]['lr']}). */
    public double lr() {
        return lr;
    }

    /** Sets the learning rate (what schedulers do). */
    public void setLr(double lr) {
        this.lr = lr;
    }

    /** {@code param_groups[0]['initial_lr']}, set by the first scheduler, or null. */
    public Double initialLr() {
        return initialLr;
    }

    /** Sets {@code initial_lr} if absent ({@code group.setdefault('initial_lr', group['lr'])}) and returns it. */
    public double initialLrSetDefault() {
        if (initialLr == null) {
            initialLr = lr;
        }
        return initialLr;
    }

    /** {@code optimizer.zero_grad()} with PyTorch 2.x's default {@code set_to_none=True}. */
    public void zeroGrad() {
        for (Tensor p : params) {
            p.setGrad(null);
        }
    }

    /** {@code optimizer.step()}: one update of every parameter that has a gradient. */
    public void step() {
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            for (Tensor p : params) {
                Tensor g = p.grad();
                if (g == null) {
                    continue;
                }
                update(p, g, state.computeIfAbsent(p, k -> new LinkedHashMap<>()));
            }
        }
    }

    /** The state of one parameter (e.g. {@code momentum_buffer}, {@code exp_avg}), a read-only view; empty before its first step. */
    public Map<String, Tensor> state(Tensor param) {
        return java.util.Collections.unmodifiableMap(state.getOrDefault(param, Map.of()));
    }

    /**
     * Replaces the state of one parameter with copies of {@code values} (what {@code load_state_dict}
     * does for one entry of {@code state}), e.g. to resume training from a checkpoint.
     *
     * @throws IllegalArgumentException if {@code param} is not one of this optimiser's parameters
     */
    public void loadState(Tensor param, Map<String, Tensor> values) {
        boolean known = false;
        for (Tensor p : params) {
            known |= p == param;
        }
        if (!known) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + ": loadState: the tensor is not a parameter of this optimizer");
        }
        Map<String, Tensor> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, v.detach().clone()));
        state.put(param, copy);
    }

    /** Updates {@code param} in place from {@code grad}; {@code st} is this parameter's mutable state. */
    protected abstract void update(Tensor param, Tensor grad, Map<String, Tensor> st);

    /** Rounds a value to the dtype: an op's stored result. */
    protected static double round(DType dtype, double v) {
        return dtype == DType.FLOAT32 ? (float) v : v;
    }

    static void checkNonNegative(String op, String what, double v) {
        if (!(v >= 0)) {
            throw new IllegalArgumentException(op + ": Invalid " + what + " value: " + v);
        }
    }
}
