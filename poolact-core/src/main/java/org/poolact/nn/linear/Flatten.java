package org.poolact.nn.linear;

import org.poolact.nn.Module;
import org.poolact.nn.functional.Dense;
import org.poolact.tensor.Tensor;

/** {@code torch.nn.Flatten(start_dim=1, end_dim=-1)}: {@link Dense#flatten(Tensor, int, int)}. */
public class Flatten extends Module {
    private final int startDim;
    private final int endDim;

    /** {@code nn.Flatten()}: keeps the batch dim. */
    public Flatten() {
        this(1, -1);
    }

    /** {@code nn.Flatten(start_dim, end_dim)}. */
    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Dense.flatten(input, startDim, endDim);
    }

    @Override
    public String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
