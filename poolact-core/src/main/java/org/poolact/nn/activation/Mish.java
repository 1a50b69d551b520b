package org.poolact.nn.activation;

import org.poolact.nn.Module;
import org.poolact.nn.functional.Activations;
import org.poolact.tensor.Tensor;

/** {@code torch.nn.Mish}: x * tanh(softplus(x)), see {@link Activations#mish}. */
public class Mish extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return Activations.mish(input);
    }
}
