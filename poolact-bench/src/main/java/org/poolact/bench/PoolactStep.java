package org.poolact.bench;

import org.poolact.nn.functional.Activations;
import org.poolact.nn.functional.Convolution;
import org.poolact.nn.functional.Dense;
import org.poolact.nn.functional.Losses;
import org.poolact.nn.functional.Pooling;
import org.poolact.tensor.Tensor;

/** One training step (forward, cross-entropy, backward) of the default model in poolact, float32. */
public final class PoolactStep {
    private final Tensor[] params;
    private final float[] input;
    private final int[] labels;

    /** Parameters copied from {@code p}. */
    public PoolactStep(DefaultModelWeights p) {
        float[][] values = p.params();
        int[][] shapes = DefaultModelWeights.shapes();
        params = new Tensor[values.length];
        for (int i = 0; i < values.length; i++) {
            params[i] = Tensor.wrap(values[i].clone(), shapes[i]).requiresGrad(true);
        }
        input = p.input.clone();
        labels = p.labels.clone();
    }

    /** Forward, loss and backward; returns the loss. Gradients are reset first, as zero_grad(). */
    public double step() {
        for (Tensor t : params) {
            t.setGrad(null);
        }
        Tensor x = Tensor.wrap(input, DefaultModelWeights.INPUT);
        Tensor h = Pooling.maxPool2d(Activations.relu(Convolution.conv2d(x, params[0], params[1], 1, 1)), 2);
        h = Pooling.maxPool2d(Activations.relu(Convolution.conv2d(h, params[2], params[3], 1, 1)), 2);
        h = Dense.flatten(h, 1, -1);
        h = Activations.relu(Dense.linear(h, params[4], params[5]));
        Tensor logits = Dense.linear(h, params[6], params[7]);
        Tensor loss = Losses.crossEntropy(logits, labels);
        loss.backward();
        return loss.item();
    }

    /** The gradient of the first conv's weight after {@link #step()} (for cross-checks). */
    Tensor convWeightGrad() {
        return params[0].grad();
    }
}
