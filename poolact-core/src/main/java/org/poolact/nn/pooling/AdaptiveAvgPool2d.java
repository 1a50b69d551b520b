package org.poolact.nn.pooling;

import org.poolact.nn.Module;
import org.poolact.nn.functional.Pooling;
import org.poolact.nn.functional.Size2;
import org.poolact.tensor.Tensor;

/** {@code nn.AdaptiveAvgPool2d}; repr {@code AdaptiveAvgPool2d(output_size=(2, 3))}. */
public class AdaptiveAvgPool2d extends Module {
    private final Size2 outputSize;

    /** {@code nn.AdaptiveAvgPool2d(outputSize)}: a square output. */
    public AdaptiveAvgPool2d(int outputSize) {
        this(Size2.of(outputSize));
    }

    /** {@code nn.AdaptiveAvgPool2d((outH, outW))}. */
    public AdaptiveAvgPool2d(int outH, int outW) {
        this(Size2.of(outH, outW));
    }

    public AdaptiveAvgPool2d(Size2 outputSize) {
        this.outputSize = outputSize;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Pooling.adaptiveAvgPool2d(input, outputSize);
    }

    @Override
    public String extraRepr() {
        return "output_size=" + outputSize;
    }
}
