package org.poolact.nn.linear;

import org.poolact.nn.Module;
import org.poolact.nn.functional.Dense;
import org.poolact.nn.init.Init;
import org.poolact.random.Generator;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;

/**
 * {@code torch.nn.Linear(in_features, out_features, bias=True)}: y = x W^T + b through
 * {@link Dense#linear}. Parameters "weight" [out, in] and "bias" [out], initialised as PyTorch's
 * {@code reset_parameters}: kaiming_uniform_(weight, a=sqrt(5)), then bias ~ U(-1/sqrt(in), 1/sqrt(in)),
 * drawn from the given generator (weight first).
 */
public class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;
    private final Tensor weight;
    private final Tensor bias;

    /** {@code nn.Linear(in, out)} on the default generator. */
    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true, Generator.defaultGenerator());
    }

    /** {@code nn.Linear(in, out, bias)} on the default generator. */
    public Linear(int inFeatures, int outFeatures, boolean bias) {
        this(inFeatures, outFeatures, bias, Generator.defaultGenerator());
    }

    /** {@code nn.Linear(in, out)} drawing from {@code generator}. */
    public Linear(int inFeatures, int outFeatures, Generator generator) {
        this(inFeatures, outFeatures, true, generator);
    }

    /** {@code nn.Linear(in, out, bias)} drawing from {@code generator}. */
    public Linear(int inFeatures, int outFeatures, boolean bias, Generator generator) {
        this(inFeatures, outFeatures, bias, generator, DType.FLOAT32);
    }

    /** {@code nn.Linear(in, out, bias, dtype=dtype)} drawing from {@code generator}. */
    public Linear(int inFeatures, int outFeatures, boolean bias, Generator generator, DType dtype) {
        if (inFeatures < 0 || outFeatures < 0) {
            throw new IllegalArgumentException("Linear: in_features and out_features must be non-negative, got in_features="
                    + inFeatures + ", out_features=" + outFeatures);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.weight = registerParameter("weight", Tensor.empty(dtype, outFeatures, inFeatures));
        this.bias = registerParameter("bias", bias ? Tensor.empty(dtype, outFeatures) : null);
        resetParameters(generator);
    }

    /** Re-draws the parameters as PyTorch's {@code Linear.reset_parameters} does. */
    public final void resetParameters(Generator g) {
        // NOTE: the bias is drawn even when fan_in == 0 (bound 0), unlike Conv2d; PyTorch does the same.
        Init.kaimingUniform_(weight, Math.sqrt(5), g);
        if (bias != null) {
            int fanIn = Init.fanInAndFanOut(weight)[0];
            double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
            Init.uniform_(bias, -bound, bound, g);
        }
    }

    @Override
    public Tensor forward(Tensor input) {
        return Dense.linear(input, weight, bias);
    }

    public Tensor weight() {
        return weight;
    }

    /** The bias, or null. */
    public Tensor bias() {
        return bias;
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return outFeatures;
    }

    @Override
    public String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + (bias != null ? "True" : "False");
    }
}
