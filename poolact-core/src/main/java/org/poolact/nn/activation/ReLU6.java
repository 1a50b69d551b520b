package org.poolact.nn.activation;

import org.poolact.nn.Module;
import org.poolact.nn.functional.Activations;
import org.poolact.tensor.Tensor;

/** {@code torch.nn.ReLU6}: min(max(x, 0), 6), see {@link Activations#relu6}. */
public class ReLU6 extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return Activations.relu6(input);
    }
}
