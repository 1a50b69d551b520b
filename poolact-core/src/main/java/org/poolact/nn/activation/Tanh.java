package org.poolact.nn.activation;

import org.poolact.nn.Module;
import org.poolact.nn.functional.Activations;
import org.poolact.tensor.Tensor;

/** {@code torch.nn.Tanh}: see {@link Activations#tanh}. */
public class Tanh extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return Activations.tanh(input);
    }
}
