package org.poolact.nn.activation;

import org.poolact.nn.Module;
import org.poolact.nn.functional.Activations;
import org.poolact.tensor.Tensor;

/** {@code torch.nn.Identity}: returns its input unchanged, see {@link Activations#identity}. */
public class Identity extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return Activations.identity(input);
    }
}
