package org.poolact.nn.linear;

import org.poolact.nn.Module;
import org.poolact.tensor.Tensor;

/** {@code torch.nn.Identity()}: returns its input itself (no copy, no grad_fn). */
public class Identity extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input;
    }
}
