package org.poolact.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;

/** The same training step in libtorch 2.7.1 through DJL's PyTorch engine. */
public final class TorchStep implements AutoCloseable {
    private final NDManager base;
    private final NDArray[] params;
    private final NDArray oneHot;
    private final float[] input;

    /** Parameters copied from {@code p}. */
    public TorchStep(DefaultModelWeights p) {
        base = NDManager.newBaseManager("PyTorch");
        float[][] values = p.params();
        int[][] shapes = DefaultModelWeights.shapes();
        params = new NDArray[values.length];
        for (int i = 0; i < values.length; i++) {
            params[i] = param(values[i], shapes[i]);
        }
        float[] oh = new float[DefaultModelWeights.BATCH * 10];
        for (int i = 0; i < DefaultModelWeights.BATCH; i++) {
            oh[i * 10 + p.labels[i]] = 1;
        }
        oneHot = base.create(oh, new Shape(DefaultModelWeights.BATCH, 10));
        input = p.input.clone();
    }

    private NDArray param(float[] v, int[] shape) {
        long[] s = new long[shape.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = shape[i];
        }
        NDArray a = base.create(v, new Shape(s));
        a.setRequiresGradient(true);
        return a;
    }

    /** Forward, cross-entropy (mean over the batch) and backward; returns the loss. */
    public double step() {
        try (NDManager sub = base.newSubManager();
             GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray x = sub.create(input, new Shape(DefaultModelWeights.BATCH, 1, 28, 28));
            NDArray loss = crossEntropy(logits(x, params), oneHot);
            gc.backward(loss);
            return loss.getFloat();
        }
    }

    /**
     * The default model's forward pass in libtorch ops: conv(1-&gt;32, 3x3, p1) - relu - maxpool2 -
     * conv(32-&gt;64, 3x3, p1) - relu - maxpool2 - flatten - fc(3136-&gt;128) - relu - fc(10).
     *
     * @param x      {@code [N, 1, 28, 28]}
     * @param params w1, b1, w2, b2, w3, b3, w4, b4 ({@link DefaultModelWeights#shapes()})
     * @return the logits {@code [N, 10]}
     */
    static NDArray logits(NDArray x, NDArray[] params) {
        Shape k2 = new Shape(2, 2);
        Shape p0 = new Shape(0, 0);
        Shape s1 = new Shape(1, 1);
        Shape p1 = new Shape(1, 1);
        NDArray h = Conv2d.conv2d(x, params[0], params[1], s1, p1, s1, 1).singletonOrThrow();
        h = Pool.maxPool2d(Activation.relu(h), k2, k2, p0, false);
        h = Conv2d.conv2d(h, params[2], params[3], s1, p1, s1, 1).singletonOrThrow();
        h = Pool.maxPool2d(Activation.relu(h), k2, k2, p0, false);
        h = h.reshape(x.getShape().get(0), 3136);
        h = Activation.relu(Linear.linear(h, params[4], params[5]).singletonOrThrow());
        return Linear.linear(h, params[6], params[7]).singletonOrThrow();
    }

    /** Mean cross-entropy of {@code logits [N, C]} against one-hot targets {@code [N, C]}. */
    static NDArray crossEntropy(NDArray logits, NDArray oneHot) {
        return logits.logSoftmax(1).mul(oneHot).sum().neg().div(num(logits, (float) logits.getShape().get(0)));
    }

    /**
     * {@code v} as a 0-d float32 tensor in {@code like}'s manager, in memory libtorch owns.
     * NOTE: not div(Number): DJL puts the number on a Java buffer that it frees while autograd still holds
     * it for the backward (TorchRef.num in the core tests explains).
     */
    private static NDArray num(NDArray like, float v) {
        try (NDArray onJavaMemory = like.getManager().create(v)) {
            return onJavaMemory.duplicate();
        }
    }

    /** The gradient of the first conv's weight after {@link #step()} (for cross-checks). */
    float[] convWeightGrad() {
        return params[0].getGradient().toFloatArray();
    }

    @Override
    public void close() {
        base.close();
    }
}
