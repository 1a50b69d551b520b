package org.poolact.nn.activation;

import org.poolact.nn.Module;
import org.poolact.nn.functional.Activations;
import org.poolact.tensor.Tensor;

/** {@code torch.nn.SELU}: scaled ELU, see {@link Activations#selu}. */
public class SELU extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return Activations.selu(input);
    }
}
