package org.poolact.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.poolact.testing.BadInput.assertMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;
import org.poolact.testing.GradCheck;
import org.poolact.testing.TorchRef;

/**
 * conv2d against libtorch 2.7.1 (through DJL's {@code Conv2d.conv2d}, i.e. at::convolution) over a
 * parameter sweep: forward, and gradients for input, weight and bias under a random upstream
 * gradient. Non-zeros padding modes are referenced as torch does them in nn.Conv2d: F.pad first
 * (composed from torch ops in {@link FunctionalRef}), then a convolution with padding 0.
 * padding='same' is referenced as at::_convolution_same does it: symmetric padding when the total
 * d*(k-1) is even, otherwise a constant pad of the extra element on the bottom/right first.
 */
class ConvolutionTest {
    private static final double TOL = 1e-5;

    /** One reference case: input [n, c, h, w], weight [out, c / groups, kh, kw]. */
    record Case(String name, int n, int c, int h, int w, int out, int kh, int kw, Conv2dOptions o, boolean bias,
                boolean unbatched) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> sweep() {
        List<Case> cases = new ArrayList<>();
        int i = 0;
        // zeros padding: stride x padding x dilation x groups (1, 2, depthwise) x bias
        for (int stride = 1; stride <= 3; stride++) {
            for (int pad = 0; pad <= 2; pad++) {
                for (int dil = 1; dil <= 2; dil++) {
                    for (int gk = 0; gk < 3; gk++) {
                        for (int b = 0; b < 2; b++, i++) {
                            int c = gk == 0 ? 3 : gk == 1 ? 4 : 3;
                            int groups = gk == 0 ? 1 : gk == 1 ? 2 : c;
                            int out = gk == 0 ? 2 : gk == 1 ? 6 : c * (1 + i % 2);
                            int kw = 2 + i % 3;
                            Conv2dOptions o = Conv2dOptions.builder().stride(stride, stride + i % 2 > 3 ? stride : stride + i % 2)
                                    .padding(pad, (pad + i) % 3).dilation(dil, 1 + (dil + i) % 2).groups(groups).build();
                            String name = String.format("zeros s=(%d,%d) p=(%d,%d) d=(%d,%d) g=%d k=(3,%d) bias=%b",
                                    o.strideH(), o.strideW(), o.padding().height(), o.padding().width(), o.dilationH(),
                                    o.dilationW(), groups, kw, b == 0);
                            cases.add(new Case(name, 1 + i % 3, c, 7 + i % 4, 7 + i % 5, out, 3, kw, o, b == 0, false));
                        }
                    }
                }
            }
        }
        // reflect / replicate / circular: asymmetric (h, w) padding, stride, groups, dilation
        int[][] pads = {{1, 1}, {2, 1}, {1, 2}};
        for (PaddingMode mode : new PaddingMode[] {PaddingMode.REFLECT, PaddingMode.REPLICATE, PaddingMode.CIRCULAR}) {
            for (int[] p : pads) {
                for (int stride = 1; stride <= 2; stride++) {
                    for (int groups = 1; groups <= 2; groups++, i++) {
                        Conv2dOptions o = Conv2dOptions.builder().stride(stride).padding(p[0], p[1])
                                .dilation(1 + i % 2, 1).groups(groups).paddingMode(mode).build();
                        String name = String.format("%s s=%d p=(%d,%d) d=(%d,1) g=%d", mode, stride, p[0], p[1],
                                o.dilationH(), groups);
                        cases.add(new Case(name, 1 + i % 2, 2 * groups, 5 + i % 3, 6 + i % 2, 2 * groups, 3, 2 + i % 2,
                                o, i % 3 != 0, false));
                    }
                }
            }
        }
        // padding='same' (even and odd kernels, dilation) and 'valid'
        int[][] kernels = {{1, 1}, {2, 2}, {3, 3}, {2, 3}, {4, 5}};
        for (int[] k : kernels) {
            for (int dil = 1; dil <= 2; dil++, i++) {
                Conv2dOptions o = Conv2dOptions.builder().padding(ConvPadding.SAME).dilation(dil).build();
                cases.add(new Case("same k=(" + k[0] + "," + k[1] + ") d=" + dil, 2, 3, 9, 8, 2, k[0], k[1], o, true,
                        false));
            }
        }
        for (PaddingMode mode : new PaddingMode[] {PaddingMode.REFLECT, PaddingMode.CIRCULAR}) {
            for (int[] k : new int[][] {{2, 3}, {3, 4}}) {
                Conv2dOptions o = Conv2dOptions.builder().padding(ConvPadding.SAME).paddingMode(mode).build();
                cases.add(new Case("same " + mode + " k=(" + k[0] + "," + k[1] + ")", 1, 2, 6, 7, 3, k[0], k[1], o,
                        true, false));
            }
        }
        cases.add(new Case("valid k=3", 2, 2, 6, 5, 3, 3, 3, Conv2dOptions.builder().padding(ConvPadding.VALID).build(),
                true, false));
        cases.add(new Case("valid s=2 k=(2,3)", 1, 3, 7, 8, 2, 2, 3,
                Conv2dOptions.builder().stride(2).padding(ConvPadding.VALID).build(), false, false));
        // unbatched [C, H, W]
        cases.add(new Case("unbatched s=1 p=1", 1, 2, 5, 6, 3, 3, 3, Conv2dOptions.builder().padding(1).build(), true,
                true));
        cases.add(new Case("unbatched reflect s=2", 1, 2, 6, 5, 2, 2, 2,
                Conv2dOptions.builder().stride(2).padding(1).paddingMode(PaddingMode.REFLECT).build(), false, true));
        // the seed post's layer: Conv2d(1, 1, 3, 1) on 1x1x7x7
        cases.add(new Case("seed 1x1x7x7 k=3", 1, 1, 7, 7, 1, 3, 3, Conv2dOptions.DEFAULT, true, false));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sweep")
    void matchesTorchForwardAndBackward(Case k) {
        int groups = k.o().groups();
        long seed = k.name().hashCode();
        int[] inShape = k.unbatched() ? new int[] {k.c(), k.h(), k.w()} : new int[] {k.n(), k.c(), k.h(), k.w()};
        Tensor x = FunctionalRef.randn(seed, DType.FLOAT32, inShape).requiresGrad(true);
        Tensor w = FunctionalRef.randn(seed + 1, DType.FLOAT32, k.out(), k.c() / groups, k.kh(), k.kw()).requiresGrad(true);
        Tensor b = k.bias() ? FunctionalRef.randn(seed + 2, DType.FLOAT32, k.out()).requiresGrad(true) : null;
        Tensor y = Convolution.conv2d(x, w, b, k.o());
        assertEquals(k.unbatched() ? "SqueezeBackward1" : "ConvolutionBackward0", y.gradFn().name());
        Tensor gOut = FunctionalRef.randn(seed + 3, DType.FLOAT32, y.shape());
        TorchRef.compareWithTorch(k.name(), y, gOut, new Tensor[] {x, w, b}, t -> {
            NDArray ty = torchConv(k.unbatched() ? t[0].expandDims(0) : t[0], t[1], t[2], k);
            return k.unbatched() ? ty.squeeze(0) : ty;
        }, TOL);
    }

    /** float64 stays float64 end to end and agrees with libtorch's double convolution to ~1e-12. */
    @Test
    void float64MatchesTorch() {
        Conv2dOptions[] opts = {
            Conv2dOptions.builder().stride(2).padding(1).build(),
            Conv2dOptions.builder().padding(ConvPadding.SAME).dilation(2, 1).groups(2).build(),
            Conv2dOptions.builder().padding(2, 1).paddingMode(PaddingMode.CIRCULAR).build(),
            Conv2dOptions.builder().stride(1, 3).padding(1).paddingMode(PaddingMode.REPLICATE).groups(4).build(),
        };
        int i = 0;
        for (Conv2dOptions o : opts) {
            Case k = new Case("float64 " + i, 2, 4, 7, 6, 4, 3, 2, o, true, false);
            Tensor x = FunctionalRef.randn(60 + i, DType.FLOAT64, 2, 4, 7, 6).requiresGrad(true);
            Tensor w = FunctionalRef.randn(70 + i, DType.FLOAT64, 4, 4 / o.groups(), 3, 2).requiresGrad(true);
            Tensor b = FunctionalRef.randn(80 + i, DType.FLOAT64, 4).requiresGrad(true);
            Tensor y = Convolution.conv2d(x, w, b, o);
            assertEquals(DType.FLOAT64, y.dtype());
            TorchRef.compareWithTorch(k.name(), y, FunctionalRef.randn(90 + i, DType.FLOAT64, y.shape()),
                    new Tensor[] {x, w, b}, t -> torchConv(t[0], t[1], t[2], k), 1e-12);
            i++;
        }
    }

    @Test
    void emptyBatchGivesEmptyBatch() {
        // PyTorch accepts a batch of 0 samples and returns [0, O, H_out, W_out]
        Tensor y = Convolution.conv2d(Tensor.zeros(0, 2, 5, 5), Tensor.ones(3, 2, 3, 3), Tensor.ones(3), 1, 1);
        assertArrayEquals(new int[] {0, 3, 5, 5}, y.shape());
    }

    /** The libtorch computation of one case (see the class comment). */
    private static NDArray torchConv(NDArray x, NDArray w, NDArray b, Case k) {
        Conv2dOptions o = k.o();
        int ph = o.padding().height();
        int pw = o.padding().width();
        int top = ph;
        int bottom = ph;
        int left = pw;
        int right = pw;
        if (o.padding().kind() == ConvPadding.Kind.SAME) {
            int th = o.dilationH() * (k.kh() - 1);
            int tw = o.dilationW() * (k.kw() - 1);
            top = th / 2;
            bottom = th - top;
            left = tw / 2;
            right = tw - left;
        } else if (o.padding().kind() == ConvPadding.Kind.VALID) {
            top = bottom = left = right = 0;
        }
        NDArray in = x;
        Shape padding;
        if (o.paddingMode() != PaddingMode.ZEROS) {
            in = FunctionalRef.pad(x, left, right, top, bottom, o.paddingMode().padMode());
            padding = new Shape(0, 0);
        } else if (top == bottom && left == right) {
            padding = new Shape(top, left);
        } else {
            // at::_convolution_same: pad the extra element on the bottom/right with zeros, then pad symmetrically
            in = FunctionalRef.pad(x, 0, right - left, 0, bottom - top, PadMode.CONSTANT);
            padding = new Shape(top, left);
        }
        return ai.djl.nn.convolutional.Conv2d.conv2d(in, w, b, new Shape(o.strideH(), o.strideW()), padding,
                new Shape(o.dilationH(), o.dilationW()), o.groups()).singletonOrThrow();
    }

    /**
     * float32 forward bit for bit with libtorch where libtorch runs its slow_conv2d path (one sample,
     * kernels up to 3x3, one group) and its gemm sums in order: the seed post's shape with and without
     * bias, a 2x2 kernel, and three channels into two with stride, padding and dilation.
     */
    @Test
    void float32ForwardIsLibtorchsBitsOnItsSlowPath() {
        // n, c, h, w, outC, k, stride, padding, dilation, bias
        int[][] configs = {{1, 1, 7, 7, 1, 3, 1, 0, 1, 1}, {1, 1, 7, 7, 1, 3, 1, 0, 1, 0}, {1, 1, 7, 7, 1, 2, 1, 0, 1, 1},
            {1, 3, 9, 8, 2, 3, 2, 1, 2, 1}};
        for (int[] c : configs) {
            for (int seed = 0; seed < 20; seed++) {
                try (ai.djl.ndarray.NDManager m = TorchRef.sub()) {
                    Tensor x = FunctionalRef.randn(seed, DType.FLOAT32, c[0], c[1], c[2], c[3]);
                    Tensor w = FunctionalRef.randn(seed + 100, DType.FLOAT32, c[4], c[1], c[5], c[5]);
                    Tensor b = c[9] == 1 ? FunctionalRef.randn(seed + 200, DType.FLOAT32, c[4]) : null;
                    float[] ours = Convolution.conv2d(x, w, b, c[6], c[7], c[8], 1).floatData();
                    float[] torch = ai.djl.nn.convolutional.Conv2d.conv2d(TorchRef.toNd(m, x), TorchRef.toNd(m, w),
                            b == null ? null : TorchRef.toNd(m, b), new Shape(c[6], c[6]), new Shape(c[7], c[7]),
                            new Shape(c[8], c[8]), 1).singletonOrThrow().toFloatArray();
                    org.poolact.testing.TorchRandom.assertBits("conv2d " + java.util.Arrays.toString(c) + " seed " + seed,
                            torch, ours);
                }
            }
        }
    }

    @Test
    void finiteDifferenceGradients() {
        Conv2dOptions[] opts = {
            Conv2dOptions.builder().stride(2).padding(1).build(),
            Conv2dOptions.builder().padding(2, 1).dilation(2, 1).groups(2).build(),
            Conv2dOptions.builder().stride(1, 2).padding(ConvPadding.SAME).dilation(1, 2).build(),
            Conv2dOptions.builder().padding(2, 1).paddingMode(PaddingMode.REFLECT).groups(2).build(),
            Conv2dOptions.builder().stride(2).padding(1, 2).paddingMode(PaddingMode.REPLICATE).build(),
            Conv2dOptions.builder().padding(2, 1).dilation(1, 2).paddingMode(PaddingMode.CIRCULAR).build(),
            Conv2dOptions.builder().padding(ConvPadding.SAME).paddingMode(PaddingMode.REFLECT).build(),
        };
        int i = 0;
        for (Conv2dOptions o : opts) {
            if (o.padding().kind() == ConvPadding.Kind.SAME && o.strideW() != 1) {
                o = o.toBuilder().stride(1).build();
            }
            Conv2dOptions fo = o;
            int kw = 2 + i % 2;
            GradCheck.check("conv2d " + o, in -> Convolution.conv2d(in[0], in[1], in[2], fo),
                    FunctionalRef.randn(10 + i, DType.FLOAT64, 2, 4, 6, 5),
                    FunctionalRef.randn(20 + i, DType.FLOAT64, 4, 4 / o.groups(), 3, kw),
                    FunctionalRef.randn(30 + i, DType.FLOAT64, 4));
            i++;
        }
        GradCheck.check("conv2d depthwise s=3 no bias", in -> Convolution.conv2d(in[0], in[1], null,
                        Conv2dOptions.builder().stride(3).padding(1).groups(3).build()),
                FunctionalRef.randn(40, DType.FLOAT64, 1, 3, 7, 8), FunctionalRef.randn(41, DType.FLOAT64, 6, 1, 2, 3));
        GradCheck.check("conv2d unbatched", in -> Convolution.conv2d(in[0], in[1], in[2], 1, 1),
                FunctionalRef.randn(50, DType.FLOAT64, 2, 4, 5), FunctionalRef.randn(51, DType.FLOAT64, 3, 2, 3, 3),
                FunctionalRef.randn(52, DType.FLOAT64, 3));
    }

    @Test
    void outputSizeFormula() {
        // floor((H + 2p - d(k-1) - 1) / s) + 1
        assertEquals(5, Convolution.outputSize(7, 3, 1, 0, 1));
        assertEquals(7, Convolution.outputSize(7, 3, 1, 1, 1));
        assertEquals(3, Convolution.outputSize(7, 3, 2, 0, 1));
        assertEquals(4, Convolution.outputSize(8, 3, 2, 1, 1));
        assertEquals(2, Convolution.outputSize(8, 3, 3, 0, 1));
        assertEquals(3, Convolution.outputSize(9, 3, 1, 0, 3));
        assertEquals(2, Convolution.outputSize(5, 3, 2, 1, 2));
        // NOTE: floor, not truncation, for a negative numerator (the op rejects such inputs before using it)
        assertEquals(0, Convolution.outputSize(2, 3, 2, 0, 1));
        assertEquals(9, Convolution.outputSize(9, 4, 1, 1, 2, 1)); // 'same' for an even kernel: 1 before, 2 after
        assertEquals(1, Convolution.outputSize(3, 3, 5, 0, 1));
        // the op uses it: shapes for a few configurations
        Tensor x = Tensor.zeros(2, 3, 11, 10);
        for (int s = 1; s <= 3; s++) {
            for (int p = 0; p <= 2; p++) {
                for (int d = 1; d <= 2; d++) {
                    Tensor y = Convolution.conv2d(x, Tensor.zeros(4, 3, 3, 2), null, s, p, d, 1);
                    assertArrayEquals(new int[] {2, 4, Convolution.outputSize(11, 3, s, p, d),
                        Convolution.outputSize(10, 2, s, p, d)}, y.shape());
                }
            }
        }
        // padding='same' keeps H and W for even and odd kernels and dilations
        for (int[] k : new int[][] {{2, 2}, {3, 4}, {4, 5}}) {
            for (int d = 1; d <= 2; d++) {
                Tensor y = Convolution.conv2d(x, Tensor.zeros(2, 3, k[0], k[1]), null, 1, ConvPadding.SAME, d, 1);
                assertArrayEquals(new int[] {2, 2, 11, 10}, y.shape());
            }
        }
    }

    @Test
    void noGradFnWithoutGradients() {
        Tensor y = Convolution.conv2d(Tensor.ones(1, 1, 3, 3), Tensor.ones(1, 1, 2, 2), null);
        assertNull(y.gradFn());
        assertEquals(4.0, y.get(0, 0, 1, 1));
    }

    /** libtorch refuses a zero-sized kernel too (ours would otherwise be the only one to reject it). */
    @Test
    void torchRefusesAZeroSizedKernel() {
        try (ai.djl.ndarray.NDManager m = TorchRef.sub()) {
            NDArray x = m.ones(new Shape(1, 1, 7, 7));
            NDArray w = m.ones(new Shape(1, 1, 0, 3));
            assertThrows(ai.djl.engine.EngineException.class, () -> ai.djl.nn.convolutional.Conv2d.conv2d(x, w));
        }
    }

    @Test
    void badInputMessages() {
        Tensor x = Tensor.zeros(1, 1, 7, 7);
        Tensor w = Tensor.zeros(1, 1, 3, 3);
        assertMessage("Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [1, 7]",
                () -> Convolution.conv2d(Tensor.zeros(1, 7), w, null));
        assertMessage("conv2d: expected weight to be 4-D [out_channels, in_channels / groups, kH, kW], but got weight "
                + "of size [1, 3, 3]", () -> Convolution.conv2d(x, Tensor.zeros(1, 3, 3), null));
        assertMessage("conv2d: Given groups=1, weight of size [1, 3, 3, 3], expected input[1, 1, 7, 7] to have 3 "
                + "channels, but got 1 channels instead", () -> Convolution.conv2d(x, Tensor.zeros(1, 3, 3, 3), null));
        assertMessage("conv2d: Given groups=2, weight of size [2, 1, 3, 3], expected input[1, 3, 7, 7] to have 2 "
                + "channels, but got 3 channels instead",
                () -> Convolution.conv2d(Tensor.zeros(1, 3, 7, 7), Tensor.zeros(2, 1, 3, 3), null, 1, 0, 1, 2));
        assertMessage("conv2d: Given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight of "
                + "size [3, 2, 3, 3] instead",
                () -> Convolution.conv2d(Tensor.zeros(1, 4, 7, 7), Tensor.zeros(3, 2, 3, 3), null, 1, 0, 1, 2));
        assertMessage("conv2d: Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size "
                + "can't be greater than actual input size", () -> Convolution.conv2d(Tensor.zeros(1, 1, 2, 2), w, null));
        assertMessage("conv2d: Calculated padded input size per channel: (6 x 6). Kernel size: (7 x 7). Kernel size "
                + "can't be greater than actual input size",
                () -> Convolution.conv2d(Tensor.zeros(1, 1, 4, 4), w, null, 1, 1, 3, 1));
        assertMessage("conv2d: kernel size should be greater than zero, but got kernel_height: 0 kernel_width: 3 "
                + "(weight of size [1, 1, 0, 3])", () -> Convolution.conv2d(x, Tensor.zeros(1, 1, 0, 3), null));
        assertMessage("conv2d: non-positive stride is not supported, got stride=(0, 0)",
                () -> Convolution.conv2d(x, w, null, 0, 0));
        assertMessage("conv2d: non-positive stride is not supported, got stride=(1, -2)",
                () -> Convolution.conv2d(x, w, null, Conv2dOptions.builder().stride(1, -2).build()));
        assertMessage("conv2d: negative padding is not supported, got padding=(-1, -1)",
                () -> Convolution.conv2d(x, w, null, 1, -1));
        assertMessage("conv2d: dilation should be greater than zero, got dilation=(0, 0)",
                () -> Convolution.conv2d(x, w, null, 1, 0, 0, 1));
        assertMessage("conv2d: non-positive groups is not supported, got groups=0",
                () -> Convolution.conv2d(x, w, null, 1, 0, 1, 0));
        assertMessage("conv2d: Given weight of size [1, 1, 3, 3], expected bias to be 1-dimensional with 1 elements, "
                + "but got bias of size [2] instead", () -> Convolution.conv2d(x, w, Tensor.zeros(2)));
        assertMessage("conv2d: padding='same' is not supported for strided convolutions, got stride=(2, 2)",
                () -> Convolution.conv2d(x, w, null, 2, ConvPadding.SAME, 1, 1));
        assertMessage("conv2d: expected input, weight and bias of the same dtype, but got input FLOAT64, weight FLOAT32",
                () -> Convolution.conv2d(Tensor.zeros(DType.FLOAT64, 1, 1, 7, 7), w, null));
        assertMessage("pad: Padding size should be less than the corresponding input dimension, but got: padding "
                + "(3, 3) at dimension 3 of input [1, 1, 7, 3]", () -> Convolution.conv2d(Tensor.zeros(1, 1, 7, 3), w,
                null, Conv2dOptions.builder().padding(3).paddingMode(PaddingMode.REFLECT).build()));
    }
}
