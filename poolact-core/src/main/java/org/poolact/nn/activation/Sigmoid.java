package org.poolact.nn.activation;

import org.poolact.nn.Module;
import org.poolact.nn.functional.Activations;
import org.poolact.tensor.Tensor;

/** {@code torch.nn.Sigmoid}: 1 / (1 + exp(-x)), see {@link Activations#sigmoid}. */
public class Sigmoid extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return Activations.sigmoid(input);
    }
}
