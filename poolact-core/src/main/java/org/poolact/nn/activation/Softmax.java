package org.poolact.nn.activation;

import org.poolact.nn.Module;
import org.poolact.tensor.Tensor;

/**
 * {@code torch.nn.Softmax(dim)}: {@code F.softmax(input, dim)} as a module, see
 * {@link org.poolact.nn.functional.Softmax#softmax(Tensor, int)}. PyTorch also accepts {@code dim=None}
 * (a deprecated implicit choice); here the dim is required.
 */
public class Softmax extends Module {
    private final int dim;

    /** {@code Softmax(dim)}. */
    public Softmax(int dim) {
        this.dim = dim;
    }

    /** {@code dim}. */
    public int dim() {
        return dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return org.poolact.nn.functional.Softmax.softmax(input, dim);
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim;
    }
}
