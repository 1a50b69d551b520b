package org.poolact.testing;

import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;

/** Deterministic test inputs from a seeded java.util.Random (test data only; not torch's stream). */
public final class RandomTensors {
    private RandomTensors() {
    }

    /** Standard-normal values times {@code scale} plus {@code shift}. */
    public static Tensor normal(long seed, DType dtype, double scale, double shift, int... shape) {
        java.util.Random r = new java.util.Random(seed);
        Tensor t = Tensor.empty(dtype, shape);
        for (int i = 0; i < t.numel(); i++) {
            t.setFlat(i, r.nextGaussian() * scale + shift);
        }
        return t;
    }

    /** Standard-normal float32 values. */
    public static Tensor normal(long seed, int... shape) {
        return normal(seed, DType.FLOAT32, 1.0, 0.0, shape);
    }

    /** Uniform values in [lo, hi). */
    public static Tensor uniform(long seed, DType dtype, double lo, double hi, int... shape) {
        java.util.Random r = new java.util.Random(seed);
        Tensor t = Tensor.empty(dtype, shape);
        for (int i = 0; i < t.numel(); i++) {
            t.setFlat(i, lo + (hi - lo) * r.nextDouble());
        }
        return t;
    }

    /** Class indices in [0, classes). */
    public static int[] classes(long seed, int n, int classes) {
        java.util.Random r = new java.util.Random(seed);
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = r.nextInt(classes);
        }
        return t;
    }
}
