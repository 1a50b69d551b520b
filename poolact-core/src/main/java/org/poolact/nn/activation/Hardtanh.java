package org.poolact.nn.activation;

import org.poolact.nn.Module;
import org.poolact.nn.PyFormat;
import org.poolact.nn.functional.Activations;
import org.poolact.tensor.Tensor;

/** {@code torch.nn.Hardtanh(min_val=-1.0, max_val=1.0)}, see {@link Activations#hardtanh(Tensor, double, double)}. */
public class Hardtanh extends Module {
    private final double minVal;
    private final double maxVal;

    /** {@code Hardtanh()}: bounds -1.0 and 1.0. */
    public Hardtanh() {
        this(Activations.HARDTANH_MIN, Activations.HARDTANH_MAX);
    }

    /**
     * {@code Hardtanh(min_val, max_val)}.
     *
     * @throws IllegalArgumentException unless minVal < maxVal (PyTorch's module asserts max_val > min_val)
     */
    public Hardtanh(double minVal, double maxVal) {
        if (!(maxVal > minVal)) {
            throw new IllegalArgumentException("Hardtanh: expected max_val > min_val, got min_val="
                    + PyFormat.pyFloat(minVal) + ", max_val=" + PyFormat.pyFloat(maxVal));
        }
        this.minVal = minVal;
        this.maxVal = maxVal;
    }

    /** {@code min_val}. */
    public double minVal() {
        return minVal;
    }

    /** {@code max_val}. */
    public double maxVal() {
        return maxVal;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Activations.hardtanh(input, minVal, maxVal);
    }

    @Override
    public String extraRepr() {
        return "min_val=" + PyFormat.pyFloat(minVal) + ", max_val=" + PyFormat.pyFloat(maxVal);
    }
}
