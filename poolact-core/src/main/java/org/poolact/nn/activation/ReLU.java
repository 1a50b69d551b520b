package org.poolact.nn.activation;

import org.poolact.nn.Module;
import org.poolact.nn.functional.Activations;
import org.poolact.tensor.Tensor;

/** {@code torch.nn.ReLU}: max(x, 0), see {@link Activations#relu}. */
public class ReLU extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return Activations.relu(input);
    }
}
