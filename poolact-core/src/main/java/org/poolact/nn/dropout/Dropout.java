package org.poolact.nn.dropout;

import org.poolact.nn.Module;
import org.poolact.nn.PyFormat;
import org.poolact.nn.functional.Dropouts;
import org.poolact.random.Generator;
import org.poolact.tensor.Tensor;

/**
 * {@code nn.Dropout(p=0.5)}: {@link Dropouts#dropout} in training mode, identity in eval mode. The
 * mask is drawn from the generator given at construction (PyTorch's default generator if none).
 */
public final class Dropout extends Module {
    private final double p;
    private final Generator generator;

    /** {@code nn.Dropout()}: p = 0.5, default generator. */
    public Dropout() {
        this(Dropouts.DEFAULT_P);
    }

    /** {@code nn.Dropout(p)} on the default generator. */
    public Dropout(double p) {
        this(p, Generator.defaultGenerator());
    }

    /**
     * {@code nn.Dropout(p)} drawing its masks from {@code generator}.
     *
     * @throws IllegalArgumentException if p is outside [0, 1]
     */
    public Dropout(double p, Generator generator) {
        Dropouts.checkP(p);
        this.p = p;
        this.generator = generator;
    }

    /** {@code p}, the probability of zeroing an element. */
    public double p() {
        return p;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Dropouts.dropout(input, p, isTraining(), generator);
    }

    @Override
    public String extraRepr() {
        return "p=" + PyFormat.pyFloat(p) + ", inplace=False";
    }
}
