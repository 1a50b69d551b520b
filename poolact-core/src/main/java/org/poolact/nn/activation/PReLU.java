package org.poolact.nn.activation;

import org.poolact.nn.Module;
import org.poolact.nn.functional.Activations;
import org.poolact.tensor.Tensor;

/**
 * {@code torch.nn.PReLU(num_parameters=1, init=0.25)}: x if x > 0 else weight * x, with a learnable
 * {@code weight} of {@code numParameters} elements (1, or the channel count of dim 1), all set to
 * {@code init}. See {@link Activations#prelu}.
 */
public class PReLU extends Module {
    private final int numParameters;
    private final Tensor weight;

    /** {@code PReLU()}: one shared weight of 0.25. */
    public PReLU() {
        this(1, Activations.PRELU_INIT);
    }

    /**
     * {@code PReLU(num_parameters, init)}.
     *
     * @throws IllegalArgumentException if numParameters < 1 or init is not finite
     */
    public PReLU(int numParameters, double init) {
        if (numParameters < 1) {
            throw new IllegalArgumentException("PReLU: num_parameters must be at least 1, got " + numParameters);
        }
        if (!Double.isFinite(init)) {
            throw new IllegalArgumentException("PReLU: init must be a finite number, got " + init);
        }
        this.numParameters = numParameters;
        this.weight = registerParameter("weight", Tensor.full(init, numParameters));
    }

    /** {@code num_parameters}. */
    public int numParameters() {
        return numParameters;
    }

    /** The learnable {@code weight} parameter, shape [numParameters]. */
    public Tensor weight() {
        return weight;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Activations.prelu(input, weight);
    }

    @Override
    public String extraRepr() {
        return "num_parameters=" + numParameters;
    }
}
