package org.poolact.nn.activation;

import org.poolact.nn.Module;
import org.poolact.nn.functional.Activations;
import org.poolact.tensor.Tensor;

/** {@code torch.nn.Hardswish}: x * relu6(x + 3) / 6, see {@link Activations#hardswish}. */
public class Hardswish extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return Activations.hardswish(input);
    }
}
