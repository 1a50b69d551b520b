package org.poolact.bench;

import org.poolact.nn.functional.Activations;
import org.poolact.nn.functional.Convolution;
import org.poolact.nn.functional.Dense;
import org.poolact.nn.functional.Losses;
import org.poolact.nn.functional.Pooling;
import org.poolact.tensor.Tensor;

/** One training step (forward, cross-entropy, backward) of the default model in poolact, float32. */
public final class PoolactStep {
    private final Tensor w1;
    private final Tensor b1;
    private final Tensor w2;
    private final Tensor b2;
    private final Tensor w3;
    private final Tensor b3;
    private final Tensor w4;
    private final Tensor b4;
    private final float[] input;
    private final int[] labels;

    /** Parameters copied from {@code p}. */
    public PoolactStep(DefaultModelWeights p) {
        w1 = param(p.w1, DefaultModelWeights.W1);
        b1 = param(p.b1, DefaultModelWeights.B1);
        w2 = param(p.w2, DefaultModelWeights.W2);
        b2 = param(p.b2, DefaultModelWeights.B2);
        w3 = param(p.w3, DefaultModelWeights.W3);
        b3 = param(p.b3, DefaultModelWeights.B3);
        w4 = param(p.w4, DefaultModelWeights.W4);
        b4 = param(p.b4, DefaultModelWeights.B4);
        input = p.input.clone();
        labels = p.labels.clone();
    }

    private static Tensor param(float[] v, int[] shape) {
        return Tensor.wrap(v.clone(), shape).requiresGrad(true);
    }

    /** Forward, loss and backward; returns the loss. Gradients are reset first, as zero_grad(). */
    public double step() {
        for (Tensor t : new Tensor[] {w1, b1, w2, b2, w3, b3, w4, b4}) {
            t.setGrad(null);
        }
        Tensor x = Tensor.wrap(input, DefaultModelWeights.INPUT);
        Tensor h = Pooling.maxPool2d(Activations.relu(Convolution.conv2d(x, w1, b1, 1, 1)), 2);
        h = Pooling.maxPool2d(Activations.relu(Convolution.conv2d(h, w2, b2, 1, 1)), 2);
        h = Dense.flatten(h, 1, -1);
        h = Activations.relu(Dense.linear(h, w3, b3));
        Tensor logits = Dense.linear(h, w4, b4);
        Tensor loss = Losses.crossEntropy(logits, labels);
        loss.backward();
        return loss.item();
    }

    /** The gradient of the first conv's weight after {@link #step()} (for cross-checks). */
    Tensor convWeightGrad() {
        return w1.grad();
    }
}
