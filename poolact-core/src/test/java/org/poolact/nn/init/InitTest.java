package org.poolact.nn.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.Test;
import org.poolact.nn.conv.Conv2d;
import org.poolact.nn.init.Init.FanMode;
import org.poolact.nn.init.Init.Nonlinearity;
import org.poolact.nn.linear.Linear;
import org.poolact.nn.norm.BatchNorm2d;
import org.poolact.random.Generator;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;
import org.poolact.testing.TorchRandom;
import org.poolact.testing.TorchRef;

/**
 * {@code torch.nn.init} against libtorch 2.7.1, bit for bit. DJL cannot call nn.init (it is Python),
 * so each expected tensor is derived from torch kernels DJL does reach, following torch/nn/init.py:
 * <ul>
 * <li>{@code kaiming_uniform_} and {@code xavier_uniform_} are {@code tensor.uniform_(-bound, bound)}
 * with bound computed in double by init.py's formula (restated below, independently of Init), so the
 * expected values are DJL's {@code randomUniform(-(float) bound, (float) bound)} after the same seed
 * (the kernel rounds both ends to float first, so passing them as floats changes nothing);</li>
 * <li>{@code kaiming_normal_} and {@code xavier_normal_} are {@code tensor.normal_(0, std)}. With 16
 * or more elements the kernel rounds std to float, so the expected values are DJL's
 * {@code randomNormal(0, (float) std)}. Below 16 the kernel draws a double N(0, 1) value z per
 * element and stores {@code (float) (z * std + 0)} with std in double; z itself is read exactly from
 * torch as float64 {@code randomNormal(0, 1)} on the same seed (the same draws), and the test applies
 * {@code (float) (z * std)}.</li>
 * </ul>
 */
class InitTest {
    private static final int[][] SHAPES = {{1, 1, 3, 3}, {2, 4}, {3, 5}, {4, 4}, {1, 1, 7, 7}, {16, 3, 3, 3},
        {64, 32, 3, 3}, {10, 784}, {6, 1, 5, 5}};

    /** init.py: {@code gain = calculate_gain(nonlinearity, a); std = gain / math.sqrt(fan)}. */
    private static double torchKaimingStd(int fan, double gain) {
        return gain / Math.sqrt(fan);
    }

    private static int[] fans(int[] shape) {
        int receptive = 1;
        for (int d = 2; d < shape.length; d++) {
            receptive *= shape[d];
        }
        return new int[] {shape[1] * receptive, shape[0] * receptive};
    }

    private static int numel(int[] shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    /** The expected normal_(0, std) values of a tensor of this shape, derived as described above. */
    private static float[] torchNormal(NDManager m, int seed, double std, int[] shape) {
        TorchRandom.seed(seed);
        if (numel(shape) >= 16) {
            return TorchRandom.normal(m, 0f, (float) std, shape);
        }
        double[] z = TorchRandom.normal64(m, 0f, 1f, shape);
        float[] out = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = (float) (z[i] * std);
        }
        return out;
    }

    @Test
    void gainsAreTorchs() {
        assertEquals(1.0, Init.calculateGain(Nonlinearity.LINEAR));
        assertEquals(1.0, Init.calculateGain(Nonlinearity.CONV2D));
        assertEquals(1.0, Init.calculateGain(Nonlinearity.SIGMOID));
        assertEquals(5.0 / 3, Init.calculateGain(Nonlinearity.TANH));
        assertEquals(Math.sqrt(2.0), Init.calculateGain(Nonlinearity.RELU));
        assertEquals(0.75, Init.calculateGain(Nonlinearity.SELU));
        // leaky_relu without a parameter uses negative_slope 0.01
        assertEquals(Math.sqrt(2.0 / (1 + 0.01 * 0.01)), Init.calculateGain(Nonlinearity.LEAKY_RELU));
        assertEquals(Math.sqrt(2.0), Init.calculateGain(Nonlinearity.LEAKY_RELU, 0.0));
        // nn.Conv2d / nn.Linear: a = sqrt(5) gives gain sqrt(1/3), so bound = 1/sqrt(fan_in) up to rounding
        assertEquals(Math.sqrt(1.0 / 3), Init.leakyReluGain(Math.sqrt(5)), 1e-15);
    }

    @Test
    void fansFollowTorch() {
        assertArrayEquals(new int[] {75, 200}, Init.fanInAndFanOut(Tensor.empty(DType.FLOAT32, 8, 3, 5, 5)));
        assertArrayEquals(new int[] {4, 2}, Init.fanInAndFanOut(Tensor.empty(DType.FLOAT32, 2, 4)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Init.fanInAndFanOut(Tensor.empty(DType.FLOAT32, 5)));
        assertTrue(e.getMessage().contains("fewer than 2 dimensions"), e.getMessage());
    }

    @Test
    void kaimingUniformIsUniformWithTorchsBound() {
        double[] as = {0, Math.sqrt(5), 0.2};
        for (int seed : new int[] {0, 1, 42, 777}) {
            for (int[] shape : SHAPES) {
                for (double a : as) {
                    for (FanMode mode : FanMode.values()) {
                        try (NDManager m = TorchRef.sub()) {
                            int fan = mode == FanMode.FAN_IN ? fans(shape)[0] : fans(shape)[1];
                            // init.py: bound = math.sqrt(3.0) * std
                            double bound = Math.sqrt(3.0) * torchKaimingStd(fan, Math.sqrt(2.0 / (1 + a * a)));
                            TorchRandom.seed(seed);
                            float[] expected = TorchRandom.uniform(m, -(float) bound, (float) bound, shape);
                            Tensor w = Tensor.empty(DType.FLOAT32, shape);
                            Init.kaimingUniform_(w, a, mode, Nonlinearity.LEAKY_RELU, new Generator(seed));
                            TorchRandom.assertBits("kaiming_uniform_ a " + a + " " + mode + " seed " + seed, expected,
                                    w.floatData());
                        }
                    }
                }
            }
        }
    }

    @Test
    void kaimingNormalBothPathsOfNormal() {
        for (int seed : new int[] {0, 3, 99}) {
            for (int[] shape : SHAPES) {
                for (Nonlinearity nl : new Nonlinearity[] {Nonlinearity.LEAKY_RELU, Nonlinearity.RELU}) {
                    try (NDManager m = TorchRef.sub()) {
                        double gain = nl == Nonlinearity.RELU ? Math.sqrt(2.0) : Math.sqrt(2.0 / (1 + 0.0));
                        double std = torchKaimingStd(fans(shape)[1], gain);
                        float[] expected = torchNormal(m, seed, std, shape);
                        Tensor w = Tensor.empty(DType.FLOAT32, shape);
                        Init.kaimingNormal_(w, 0, FanMode.FAN_OUT, nl, new Generator(seed));
                        TorchRandom.assertBits("kaiming_normal_ " + nl + " numel " + numel(shape) + " seed " + seed,
                                expected, w.floatData());
                    }
                }
            }
        }
    }

    @Test
    void xavierUniformAndNormal() {
        double[] gains = {1.0, 5.0 / 3};
        for (int seed : new int[] {0, 5, 2026}) {
            for (int[] shape : SHAPES) {
                for (double gain : gains) {
                    try (NDManager m = TorchRef.sub()) {
                        int[] f = fans(shape);
                        // init.py: std = gain * math.sqrt(2.0 / float(fan_in + fan_out)); a = math.sqrt(3.0) * std
                        double std = gain * Math.sqrt(2.0 / (double) (f[0] + f[1]));
                        double a = Math.sqrt(3.0) * std;
                        TorchRandom.seed(seed);
                        float[] expected = TorchRandom.uniform(m, -(float) a, (float) a, shape);
                        Tensor w = Init.xavierUniform_(Tensor.empty(DType.FLOAT32, shape), gain, new Generator(seed));
                        TorchRandom.assertBits("xavier_uniform_ gain " + gain + " seed " + seed, expected, w.floatData());
                        float[] expectedN = torchNormal(m, seed, std, shape);
                        Tensor v = Init.xavierNormal_(Tensor.empty(DType.FLOAT32, shape), gain, new Generator(seed));
                        TorchRandom.assertBits("xavier_normal_ gain " + gain + " numel " + numel(shape), expectedN,
                                v.floatData());
                    }
                }
            }
        }
    }

    @Test
    void defaultsUseTheDefaultGenerator() {
        try (NDManager m = TorchRef.sub()) {
            // kaiming_uniform_(w): a = 0, fan_in, leaky_relu -> bound = sqrt(3) * (sqrt(2) / sqrt(fan_in))
            int[] shape = {5, 4};
            double bound = Math.sqrt(3.0) * (Math.sqrt(2.0) / Math.sqrt(4));
            TorchRandom.seed(12);
            float[] expected = TorchRandom.uniform(m, -(float) bound, (float) bound, shape);
            Generator.manualSeedDefault(12);
            TorchRandom.assertBits("kaiming_uniform_ defaults", expected,
                    Init.kaimingUniform_(Tensor.empty(DType.FLOAT32, shape)).floatData());
        }
    }

    @Test
    void zeroElementTensorsAreLeftAlone() {
        Generator g = new Generator(1);
        Tensor w = Tensor.empty(DType.FLOAT32, 0, 3);
        assertSame(w, Init.kaimingUniform_(w, 0, g));
        assertEquals(new Generator(1).random(), g.random(), "no draw for an empty tensor");
    }

    /**
     * Module construction: {@code torch.manual_seed(s); nn.Conv2d(1, 1, 3, 1)} runs reset_parameters:
     * {@code kaiming_uniform_(weight, a=sqrt(5))} on the (1, 1, 3, 3) weight, then
     * {@code uniform_(bias, -1/sqrt(fan_in), 1/sqrt(fan_in))} on the (1) bias, both from the default
     * generator in that order; likewise {@code nn.Linear(4, 2)} (weight (2, 4), bias (2)). A
     * {@code BatchNorm2d} in between draws nothing, so a Sequential built as conv, batch norm, linear
     * continues one stream. The expected tensors are those draws made by libtorch's uniform_ (DJL),
     * with the bounds of init.py and conv.py/linear.py restated here.
     */
    @Test
    void conv2dBatchNormLinearConstructionDrawsLikeTorch() {
        double gain = Math.sqrt(2.0 / (1 + Math.pow(Math.sqrt(5), 2)));
        double convW = Math.sqrt(3.0) * (gain / Math.sqrt(9));
        double convB = 1 / Math.sqrt(9);
        double linW = Math.sqrt(3.0) * (gain / Math.sqrt(4));
        double linB = 1 / Math.sqrt(4);
        for (int seed = 0; seed < 100; seed++) {
            try (NDManager m = TorchRef.sub()) {
                TorchRandom.seed(seed);
                float[] cw = TorchRandom.uniform(m, -(float) convW, (float) convW, 1, 1, 3, 3);
                float[] cb = TorchRandom.uniform(m, -(float) convB, (float) convB, 1);
                float[] lw = TorchRandom.uniform(m, -(float) linW, (float) linW, 2, 4);
                float[] lb = TorchRandom.uniform(m, -(float) linB, (float) linB, 2);

                Generator.manualSeedDefault(seed);
                Conv2d conv = new Conv2d(1, 1, 3, 1);
                new BatchNorm2d(1);
                Linear linear = new Linear(4, 2);
                TorchRandom.assertBits("Conv2d(1,1,3,1).weight seed " + seed, cw, conv.weight().floatData());
                TorchRandom.assertBits("Conv2d(1,1,3,1).bias seed " + seed, cb, conv.bias().floatData());
                TorchRandom.assertBits("Linear(4,2).weight seed " + seed, lw, linear.weight().floatData());
                TorchRandom.assertBits("Linear(4,2).bias seed " + seed, lb, linear.bias().floatData());
            }
        }
    }

    /**
     * The draws of the seed post's script, in its order: {@code torch.manual_seed(s);
     * x = torch.randn(1, 1, 7, 7); conv = nn.Conv2d(1, 1, 3, 1)} (49 normals on the 16-wide path,
     * then the conv's weight and bias). Expected: libtorch's normal_ and uniform_ in the same order.
     */
    @Test
    void postsInputThenConvDrawLikeTorch() {
        double gain = Math.sqrt(2.0 / (1 + Math.pow(Math.sqrt(5), 2)));
        double wb = Math.sqrt(3.0) * (gain / Math.sqrt(9));
        double bb = 1 / Math.sqrt(9);
        for (int seed = 0; seed < 50; seed++) {
            try (NDManager m = TorchRef.sub()) {
                TorchRandom.seed(seed);
                float[] x = TorchRandom.normal(m, 0f, 1f, 1, 1, 7, 7);
                float[] w = TorchRandom.uniform(m, -(float) wb, (float) wb, 1, 1, 3, 3);
                float[] b = TorchRandom.uniform(m, -(float) bb, (float) bb, 1);
                Generator.manualSeedDefault(seed);
                Tensor ox = Tensor.randn(1, 1, 7, 7);
                Conv2d conv = new Conv2d(1, 1, 3, 1);
                TorchRandom.assertBits("post x seed " + seed, x, ox.floatData());
                TorchRandom.assertBits("post conv weight seed " + seed, w, conv.weight().floatData());
                TorchRandom.assertBits("post conv bias seed " + seed, b, conv.bias().floatData());
            }
        }
    }

    /** torch's Linear draws its bias from U(0, 0) when in_features is 0 (Conv2d skips it): one draw per element. */
    @Test
    void linearWithNoInputsStillDrawsItsBias() {
        Generator g = new Generator(6);
        Linear l = new Linear(0, 3, g);
        assertArrayEquals(new float[] {0f, 0f, 0f}, l.bias().floatData());
        Generator h = new Generator(6);
        for (int i = 0; i < 3; i++) {
            h.random();
        }
        assertEquals(h.random(), g.random());
    }

    @Test
    void constantFillsDrawNothing() {
        Generator g = new Generator(4);
        Tensor t = Tensor.empty(DType.FLOAT32, 3);
        Init.constant_(t, 0.25);
        assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f}, t.floatData());
        assertArrayEquals(new float[] {1f, 1f, 1f}, Init.ones_(t).floatData());
        assertArrayEquals(new float[] {0f, 0f, 0f}, Init.zeros_(t).floatData());
        assertEquals(new Generator(4).random(), g.random());
    }
}
