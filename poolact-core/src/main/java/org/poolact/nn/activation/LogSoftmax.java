package org.poolact.nn.activation;

import org.poolact.nn.Module;
import org.poolact.tensor.Tensor;

/**
 * {@code torch.nn.LogSoftmax(dim)}: {@code F.log_softmax(input, dim)} as a module, see
 * {@link org.poolact.nn.functional.Softmax#logSoftmax(Tensor, int)}. PyTorch also accepts {@code dim=None}
 * (a deprecated implicit choice); here the dim is required.
 */
public class LogSoftmax extends Module {
    private final int dim;

    /** {@code LogSoftmax(dim)}. */
    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    /** {@code dim}. */
    public int dim() {
        return dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return org.poolact.nn.functional.Softmax.logSoftmax(input, dim);
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim;
    }
}
