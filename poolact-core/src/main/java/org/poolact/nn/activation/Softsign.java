package org.poolact.nn.activation;

import org.poolact.nn.Module;
import org.poolact.nn.functional.Activations;
import org.poolact.tensor.Tensor;

/** {@code torch.nn.Softsign}: x / (1 + |x|), see {@link Activations#softsign}. */
public class Softsign extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return Activations.softsign(input);
    }
}
