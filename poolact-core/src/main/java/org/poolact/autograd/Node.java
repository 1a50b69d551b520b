package org.poolact.autograd;

import java.util.List;

import org.poolact.tensor.Tensor;

/**
 * A recorded op in the autograd graph: PyTorch's {@code grad_fn}. Its {@link #name()} is PyTorch 2.x's
 * node name (e.g. {@code ReluBackward0}), which is what {@code Tensor.toString()} prints.
 */
public final class Node {
    private final String name;
    private final List<Tensor> inputs;
    private final BackwardFn backward;

    Node(String name, List<Tensor> inputs, BackwardFn backward) {
        this.name = name;
        this.inputs = inputs;
        this.backward = backward;
    }

    /** PyTorch's class name of this node, e.g. {@code ConvolutionBackward0}. */
    public String name() {
        return name;
    }

    /** The op's inputs, in recorded order. */
    public List<Tensor> inputs() {
        return inputs;
    }

    Tensor[] backward(Tensor gradOutput) {
        return backward.apply(gradOutput);
    }

    @Override
    public String toString() {
        return "<" + name + ">";
    }
}
