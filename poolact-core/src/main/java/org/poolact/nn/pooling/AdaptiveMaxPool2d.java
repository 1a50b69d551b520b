package org.poolact.nn.pooling;

import org.poolact.nn.Module;
import org.poolact.nn.functional.Pooling;
import org.poolact.nn.functional.Size2;
import org.poolact.tensor.Tensor;

/** {@code nn.AdaptiveMaxPool2d}; repr {@code AdaptiveMaxPool2d(output_size=2)} (return_indices is not shown, as in PyTorch). */
public class AdaptiveMaxPool2d extends Module {
    private final Size2 outputSize;
    private final boolean returnIndices;

    /** {@code nn.AdaptiveMaxPool2d(outputSize)}: a square output. */
    public AdaptiveMaxPool2d(int outputSize) {
        this(Size2.of(outputSize), false);
    }

    /** {@code nn.AdaptiveMaxPool2d((outH, outW))}. */
    public AdaptiveMaxPool2d(int outH, int outW) {
        this(Size2.of(outH, outW), false);
    }

    public AdaptiveMaxPool2d(Size2 outputSize, boolean returnIndices) {
        this.outputSize = outputSize;
        this.returnIndices = returnIndices;
    }

    /** Whether the module was built with return_indices=True (then call {@link #forwardWithIndices}). */
    public boolean returnIndices() {
        return returnIndices;
    }

    @Override
    public Tensor forward(Tensor input) {
        return forwardWithIndices(input).output();
    }

    /** Output and indices, what PyTorch's forward returns when return_indices=True. */
    public Pooling.MaxPoolResult forwardWithIndices(Tensor input) {
        return Pooling.adaptiveMaxPool2dWithIndices(input, outputSize);
    }

    @Override
    public String extraRepr() {
        return "output_size=" + outputSize;
    }
}
