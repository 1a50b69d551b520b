package org.poolact.kernels;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * {@code kernels [reps]}: the median time of each float32 kernel call one training step of the
 * default model makes at batch 64 (conv1 and conv2 forward, input, weight and bias gradients, the
 * first linear layer's three GEMMs, the 2x2 max pools, relu and its backward), at
 * {@code poolact.threads}. In package {@code org.poolact.kernels}
 * to reach the package-private fast kernels directly; a profiling aid, not a comparison with libtorch.
 */
public final class KernelTimings {
    private static final int N = 64;

    private KernelTimings() {
    }

    /** Prints one line per kernel call: median and minimum milliseconds over {@code reps} calls. */
    public static void run(int reps) {
        Locale.setDefault(Locale.ROOT);
        Random r = new Random(1);
        Conv2dKernel.Geometry c1 = new Conv2dKernel.Geometry(N, 1, 28, 28, 32, 3, 3, 1, 1, 1, 1, 1, 1, 1, 28, 28);
        Conv2dKernel.Geometry c2 = new Conv2dKernel.Geometry(N, 32, 14, 14, 64, 3, 3, 1, 1, 1, 1, 1, 1, 1, 14, 14);
        float[] x1 = random(r, N * 28 * 28);
        float[] w1 = random(r, 32 * 9);
        float[] b1 = random(r, 32);
        float[] x2 = random(r, N * 32 * 14 * 14);
        float[] w2 = random(r, 64 * 32 * 9);
        float[] b2 = random(r, 64);
        float[] g1 = random(r, N * 32 * 28 * 28);
        float[] g2 = random(r, N * 64 * 14 * 14);
        Conv2dKernel k = Conv2dKernel.fast();
        PoolWindow p1 = new PoolWindow(2, 2, 2, 2, 0, 0, 1, 1, 28, 28, 14, 14);
        PoolWindow p2 = new PoolWindow(2, 2, 2, 2, 0, 0, 1, 1, 14, 14, 7, 7);
        float[] pooled1 = new float[N * 32 * 14 * 14];
        long[] idx1 = new long[pooled1.length];
        float[] pooled2 = new float[N * 64 * 7 * 7];
        long[] idx2 = new long[pooled2.length];
        float[] reluOut = new float[g1.length];
        System.out.println("kernels: " + FloatGemm.fast().name() + ", threads " + Parallel.threads());
        float[] ga = random(r, 64 * 288);
        float[] gb = random(r, 288 * 192);
        float[] gc = new float[64 * 192];
        // conv2's forward product per sample without its edge panel, with k in one block (256) and as is (288)
        time("gemm 64x192x288 (NN)", reps, () -> FloatGemm.fast().gemm(64, 192, 288, ga, 0, 288, 1, gb, 0, 192, 1,
                gc, 0, 192, false));
        time("gemm 64x192x256 (NN)", reps, () -> FloatGemm.fast().gemm(64, 192, 256, ga, 0, 288, 1, gb, 0, 192, 1,
                gc, 0, 192, false));
        float[] fx = random(r, 64 * 3136);
        float[] fw = random(r, 128 * 3136);
        float[] fg = random(r, 64 * 128);
        FloatGemm fast = FloatGemm.fast();
        time("fc1 forward x W^T", reps, () -> fast.gemmParallel(false, true, 64, 128, 3136, fx, 0, fw, 0,
                new float[64 * 128], 0, false));
        time("fc1 grad input g W", reps, () -> fast.gemmParallel(false, false, 64, 3136, 128, fg, 0, fw, 0,
                new float[64 * 3136], 0, false));
        time("fc1 grad weight g^T x", reps, () -> fast.gemmParallel(true, false, 128, 3136, 64, fg, 0, fx, 0,
                new float[128 * 3136], 0, false));
        time("conv1 forward", reps, () -> k.forward(c1, x1, w1, b1));
        time("conv1 backwardWeight", reps, () -> k.backwardWeight(c1, g1, x1));
        time("conv1 backwardBias", reps, () -> k.backwardBias(c1, g1));
        time("conv2 forward", reps, () -> k.forward(c2, x2, w2, b2));
        time("conv2 backwardInput", reps, () -> k.backwardInput(c2, g2, w2));
        time("conv2 backwardWeight", reps, () -> k.backwardWeight(c2, g2, x2));
        time("conv2 backwardBias", reps, () -> k.backwardBias(c2, g2));
        time("maxpool1 forward", reps, () -> PoolKernels.maxPool2d(g1, N * 32, p1, pooled1, idx1));
        time("maxpool1 backward", reps, () -> PoolKernels.scatterAddByIndex(pooled1, idx1, N * 32, 784, 196,
                new float[g1.length]));
        time("maxpool2 forward", reps, () -> PoolKernels.maxPool2d(g2, N * 64, p2, pooled2, idx2));
        time("relu1 forward", reps, () -> Pointwise.relu(g1, reluOut));
        time("relu1 backward", reps, () -> Pointwise.reluBackward(g1, reluOut, new float[g1.length]));
    }

    private static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    private static void time(String name, int reps, Runnable call) {
        for (int i = 0; i < Math.max(20, reps / 2); i++) {
            call.run();
        }
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-22s median %7.3f ms  min %7.3f ms%n", name, ms[reps / 2], ms[0]);
    }
}
