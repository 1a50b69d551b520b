package org.poolact.nn.activation;

import org.poolact.nn.Module;
import org.poolact.nn.functional.Activations;
import org.poolact.tensor.Tensor;

/** {@code torch.nn.Hardsigmoid}: relu6(x + 3) / 6, see {@link Activations#hardsigmoid}. */
public class Hardsigmoid extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return Activations.hardsigmoid(input);
    }
}
