package org.poolact.nn.activation;

import org.poolact.nn.Module;
import org.poolact.nn.functional.Activations;
import org.poolact.tensor.Tensor;

/** {@code torch.nn.SiLU}: x * sigmoid(x), see {@link Activations#silu}. */
public class SiLU extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return Activations.silu(input);
    }
}
