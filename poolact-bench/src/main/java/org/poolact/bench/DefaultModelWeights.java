package org.poolact.bench;

import java.util.Random;

/**
 * The parameters and one batch of issue 6's default model, as plain float arrays so that poolact and
 * libtorch start from identical values: conv(1-&gt;32, 3x3, pad 1) - relu - maxpool2 - conv(32-&gt;64, 3x3,
 * pad 1) - relu - maxpool2 - flatten - fc(3136-&gt;128) - relu - fc(10), batch 64 of 1x28x28.
 * Weights are U(-1/sqrt(fan_in), 1/sqrt(fan_in)) from a seeded java.util.Random (the scale of
 * PyTorch's default init; the exact stream does not matter for timing).
 */
public final class DefaultModelWeights {
    /** Batch size of issue 6's training runs. */
    public static final int BATCH = 64;
    /** Batches in one MNIST training epoch of 60,000 images at batch 64 (the last one partial). */
    public static final int MNIST_BATCHES = 938;

    static final int[] W1 = {32, 1, 3, 3};
    static final int[] B1 = {32};
    static final int[] W2 = {64, 32, 3, 3};
    static final int[] B2 = {64};
    static final int[] W3 = {128, 3136};
    static final int[] B3 = {128};
    static final int[] W4 = {10, 128};
    static final int[] B4 = {10};
    static final int[] INPUT = {BATCH, 1, 28, 28};

    final float[] w1;
    final float[] b1;
    final float[] w2;
    final float[] b2;
    final float[] w3;
    final float[] b3;
    final float[] w4;
    final float[] b4;
    final float[] input;
    final int[] labels;

    /** Draws everything from {@code seed}. */
    public DefaultModelWeights(long seed) {
        Random r = new Random(seed);
        w1 = uniform(r, 9, 32 * 9);
        b1 = uniform(r, 9, 32);
        w2 = uniform(r, 32 * 9, 64 * 32 * 9);
        b2 = uniform(r, 32 * 9, 64);
        w3 = uniform(r, 3136, 128 * 3136);
        b3 = uniform(r, 3136, 128);
        w4 = uniform(r, 128, 10 * 128);
        b4 = uniform(r, 128, 10);
        input = new float[BATCH * 28 * 28];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) r.nextGaussian();
        }
        labels = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            labels[i] = r.nextInt(10);
        }
    }

    /** The parameters in model order (w1, b1, w2, b2, w3, b3, w4, b4). */
    float[][] params() {
        return new float[][] {w1, b1, w2, b2, w3, b3, w4, b4};
    }

    /** Their shapes, in the same order. */
    static int[][] shapes() {
        return new int[][] {W1, B1, W2, B2, W3, B3, W4, B4};
    }

    private static float[] uniform(Random r, int fanIn, int n) {
        double bound = 1 / Math.sqrt(fanIn);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) ((r.nextDouble() * 2 - 1) * bound);
        }
        return a;
    }
}
