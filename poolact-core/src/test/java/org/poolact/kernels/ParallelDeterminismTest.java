package org.poolact.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.poolact.nn.functional.Activations;
import org.poolact.nn.functional.Convolution;
import org.poolact.nn.functional.Dense;
import org.poolact.nn.functional.Losses;
import org.poolact.nn.functional.Pooling;
import org.poolact.random.Generator;
import org.poolact.tensor.Tensor;

/**
 * The float32 fast paths split over {@link Parallel} (conv2d forward and input, weight and bias
 * gradients, relu, max and avg pooling forward and backward, linear) give the same bits run to run
 * while the pool is disturbed: spinning threads compete for the cores, and several callers share the
 * pool at once, so which thread runs which chunk changes from run to run. Parallel promises a split
 * that depends only on the problem size and the thread count, and partial results combined in chunk
 * order; this test holds it to that.
 */
class ParallelDeterminismTest {
    private static final int BATCH = 32;

    /** Every float of a forward and backward pass (loss, logits and all gradients), concatenated. */
    private static float[] step(float[][] data, int[] labels) {
        Tensor x = Tensor.wrap(data[0].clone(), BATCH, 3, 24, 24).requiresGrad(true);
        Tensor w1 = Tensor.wrap(data[1].clone(), 8, 3, 3, 3).requiresGrad(true);
        Tensor b1 = Tensor.wrap(data[2].clone(), 8).requiresGrad(true);
        Tensor w2 = Tensor.wrap(data[3].clone(), 12, 8, 3, 3).requiresGrad(true);
        Tensor b2 = Tensor.wrap(data[4].clone(), 12).requiresGrad(true);
        Tensor lw = Tensor.wrap(data[5].clone(), 10, 12 * 6 * 6).requiresGrad(true);
        Tensor lb = Tensor.wrap(data[6].clone(), 10).requiresGrad(true);
        // conv -> relu -> max pool, then conv -> relu -> avg pool (relu maps 32*8*24*24 = 147456
        // values, over its parallel grain), then linear and cross entropy
        Tensor h = Pooling.maxPool2d(Activations.relu(Convolution.conv2d(x, w1, b1, 1, 1)), 2);
        h = Pooling.avgPool2d(Activations.relu(Convolution.conv2d(h, w2, b2, 1, 1)), 2);
        Tensor logits = Dense.linear(h.flatten(1, 3), lw, lb);
        Tensor loss = Losses.crossEntropy(logits, labels);
        loss.backward();
        List<float[]> parts = List.of(loss.toFloatArray(), logits.toFloatArray(), x.grad().toFloatArray(),
                w1.grad().toFloatArray(), b1.grad().toFloatArray(), w2.grad().toFloatArray(), b2.grad().toFloatArray(),
                lw.grad().toFloatArray(), lb.grad().toFloatArray());
        int n = parts.stream().mapToInt(p -> p.length).sum();
        float[] all = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private static float[][] inputs() {
        Generator g = new Generator(7);
        int[][] shapes = {{BATCH, 3, 24, 24}, {8, 3, 3, 3}, {8}, {12, 8, 3, 3}, {12}, {10, 12 * 6 * 6}, {10}};
        float[][] data = new float[shapes.length][];
        for (int i = 0; i < shapes.length; i++) {
            data[i] = Tensor.randn(g, shapes[i]).mul(i == 0 ? 1.0 : 0.2).toFloatArray();
        }
        return data;
    }

    private static int[] labels() {
        int[] labels = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            labels[i] = (i * 7) % 10;
        }
        return labels;
    }

    @Test
    void forwardAndBackwardAreBitIdenticalUnderADisturbedPool() throws Exception {
        float[][] data = inputs();
        int[] labels = labels();
        float[] reference = step(data, labels);
        assertTrue(Parallel.threads() >= 1);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> spinners = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread s = new Thread(() -> {
                double v = 0;
                while (!stop.get()) {
                    v += Math.sqrt(v + 1);
                }
                if (v == -1) {
                    System.out.println(v);
                }
            }, "determinism-spinner-" + t);
            s.setDaemon(true);
            s.start();
            spinners.add(s);
        }
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 6; round++) {
                // alone on a busy machine, then three callers sharing the pool at once
                assertArrayEquals(reference, step(data, labels), "round " + round + ", single caller");
                List<Future<float[]>> results = new ArrayList<>();
                for (int c = 0; c < 3; c++) {
                    results.add(callers.submit(() -> step(data, labels)));
                }
                for (int c = 0; c < results.size(); c++) {
                    assertArrayEquals(reference, results.get(c).get(), "round " + round + ", concurrent caller " + c);
                }
            }
        } finally {
            stop.set(true);
            callers.shutdownNow();
            for (Thread s : spinners) {
                s.join();
            }
        }
    }
}
