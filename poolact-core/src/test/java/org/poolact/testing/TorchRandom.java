package org.poolact.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * libtorch's default CPU generator through DJL, for bit-exact tests: {@link #seed} is
 * {@code torch.manual_seed}, and the draws run torch's own {@code normal_}, {@code uniform_},
 * {@code randint}, {@code randperm} and {@code dropout} kernels on that generator.
 */
public final class TorchRandom {
    private TorchRandom() {
    }

    /** {@code torch.manual_seed(seed)} on libtorch's default generator (DJL passes the int on as a 64-bit seed). */
    public static void seed(int seed) {
        TorchRef.manager();
        Engine.getEngine("PyTorch").setRandomSeed(seed);
    }

    private static Shape shape(int... shape) {
        long[] s = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            s[i] = shape[i];
        }
        return new Shape(s);
    }

    /** {@code torch.empty(shape).normal_(mean, std)} in float32 (DJL passes mean and std as floats). */
    public static float[] normal(NDManager m, float mean, float std, int... shape) {
        return m.randomNormal(mean, std, shape(shape), DataType.FLOAT32).toFloatArray();
    }

    /** As {@link #normal} in float64. */
    public static double[] normal64(NDManager m, float mean, float std, int... shape) {
        return m.randomNormal(mean, std, shape(shape), DataType.FLOAT64).toDoubleArray();
    }

    /** {@code torch.empty(shape).uniform_(from, to)} in float32. */
    public static float[] uniform(NDManager m, float from, float to, int... shape) {
        return m.randomUniform(from, to, shape(shape), DataType.FLOAT32).toFloatArray();
    }

    /** As {@link #uniform} in float64. */
    public static double[] uniform64(NDManager m, float from, float to, int... shape) {
        return m.randomUniform(from, to, shape(shape), DataType.FLOAT64).toDoubleArray();
    }

    /** {@code torch.randint(low, high, shape)} (int64). */
    public static long[] randint(NDManager m, long low, long high, int... shape) {
        return m.randomInteger(low, high, shape(shape), DataType.INT64).toLongArray();
    }

    /** {@code torch.randperm(n)} (int64). */
    public static long[] randperm(NDManager m, int n) {
        return m.randomPermutation(n).toType(DataType.INT64, false).toLongArray();
    }

    /** The keep-mask of {@code F.dropout(torch.ones(n), p, training=True)}: 1 where the output is non-zero. */
    public static float[] dropoutMask(NDManager m, float p, int n) {
        float[] out = ai.djl.nn.norm.Dropout.dropout(m.ones(shape(n)), p, true).singletonOrThrow().toFloatArray();
        float[] mask = new float[n];
        for (int i = 0; i < n; i++) {
            mask[i] = out[i] != 0 ? 1 : 0;
        }
        return mask;
    }

    /** Asserts the same float32 bit patterns, naming the first differing index; records one reference case. */
    public static void assertBits(String what, float[] torch, float[] ours) {
        if (torch.length != ours.length) {
            fail(what + ": length " + ours.length + ", torch " + torch.length);
        }
        for (int i = 0; i < torch.length; i++) {
            if (Float.floatToIntBits(torch[i]) != Float.floatToIntBits(ours[i])) {
                fail(what + ": first difference at flat index " + i + " of " + torch.length + ": ours " + ours[i]
                        + " (0x" + Integer.toHexString(Float.floatToIntBits(ours[i])) + "), torch " + torch[i] + " (0x"
                        + Integer.toHexString(Float.floatToIntBits(torch[i])) + ")");
            }
        }
        ReferenceStats.record(what, 0);
    }

    /** As {@link #assertBits(String, float[], float[])} for int64 results. */
    public static void assertSame(String what, long[] torch, long[] ours) {
        assertArrayEquals(torch, ours, what);
        ReferenceStats.record(what, 0);
    }
}
