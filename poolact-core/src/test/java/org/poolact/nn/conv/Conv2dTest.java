package org.poolact.nn.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;
import org.poolact.nn.functional.Conv2dOptions;
import org.poolact.nn.functional.ConvPadding;
import org.poolact.nn.functional.Convolution;
import org.poolact.nn.functional.PaddingMode;
import org.poolact.random.Generator;
import org.poolact.tensor.Tensor;
import org.poolact.testing.TorchRef;

class Conv2dTest {

    @Test
    void reprMatchesPyTorch() {
        assertEquals("Conv2d(1, 1, kernel_size=(3, 3), stride=(1, 1))", new Conv2d(1, 1, 3, 1).toString());
        assertEquals("Conv2d(3, 8, kernel_size=(5, 5), stride=(2, 2), padding=(1, 1))", new Conv2d(3, 8, 5, 2, 1).toString());
        assertEquals("Conv2d(4, 8, kernel_size=(3, 5), stride=(2, 1), padding=(1, 2), dilation=(2, 2), groups=2, "
                + "bias=False, padding_mode=reflect)", Conv2d.builder(4, 8, 3, 5).stride(2, 1).padding(1, 2).dilation(2)
                .groups(2).bias(false).paddingMode(PaddingMode.REFLECT).build().toString());
        assertEquals("Conv2d(2, 2, kernel_size=(3, 3), stride=(1, 1), padding=same)",
                Conv2d.builder(2, 2, 3).padding(ConvPadding.SAME).build().toString());
        assertEquals("Conv2d(2, 2, kernel_size=(3, 3), stride=(1, 1), padding=valid)",
                Conv2d.builder(2, 2, 3).padding(ConvPadding.VALID).build().toString());
        assertEquals("Conv2d(2, 2, kernel_size=(1, 1), stride=(1, 1), padding_mode=circular)",
                Conv2d.builder(2, 2, 1).paddingMode(PaddingMode.CIRCULAR).build().toString());
    }

    @Test
    void parametersAreWeightThenBias() {
        Conv2d c = Conv2d.builder(4, 6, 3, 2).groups(2).build();
        assertEquals(List.of("weight", "bias"), List.copyOf(c.namedParameters().keySet()));
        assertArrayEquals(new int[] {6, 2, 3, 2}, c.weight().shape());
        assertArrayEquals(new int[] {6}, c.bias().shape());
        assertTrue(c.weight().requiresGrad() && c.bias().requiresGrad());
        Conv2d nb = Conv2d.builder(1, 1, 3).bias(false).build();
        assertEquals(List.of("weight"), List.copyOf(nb.namedParameters().keySet()));
        assertNull(nb.bias());
    }

    @Test
    void forwardIsTheFunctionalOp() {
        Conv2d c = Conv2d.builder(2, 3, 3).stride(2).padding(1).paddingMode(PaddingMode.REPLICATE)
                .generator(new Generator(3)).build();
        Tensor x = Tensor.arange(2 * 7 * 6).reshape(1, 2, 7, 6).div(10.0);
        Tensor expected = Convolution.conv2d(x, c.weight(), c.bias(),
                Conv2dOptions.builder().stride(2).padding(1).paddingMode(PaddingMode.REPLICATE).build());
        Tensor y = c.forward(x);
        assertTrue(y.equalTo(expected));
        assertEquals("ConvolutionBackward0", y.gradFn().name());
        assertArrayEquals(new int[] {1, 3, 4, 3}, y.shape());
    }

    /**
     * reset_parameters draws weight then bias from the generator: compared with libtorch's uniform_ on
     * its default generator after manual_seed (DJL's setRandomSeed + randomUniform), with torch's bounds
     * computed as torch.nn.init does in Python: gain = sqrt(2 / (1 + a^2)), bound = sqrt(3) * gain / sqrt(fan_in).
     */
    @Test
    void initialisationMatchesTorchStreams() {
        int[][] configs = {{1, 1, 3, 1}, {3, 8, 5, 1}, {4, 6, 3, 2}};
        for (int[] cfg : configs) {
            int seed = 7 + cfg[1];
            Conv2d c = Conv2d.builder(cfg[0], cfg[1], cfg[2]).groups(cfg[3]).generator(new Generator(seed)).build();
            int fanIn = cfg[0] / cfg[3] * cfg[2] * cfg[2];
            double a = Math.sqrt(5);
            double bw = Math.sqrt(3.0) * (Math.sqrt(2.0 / (1 + a * a)) / Math.sqrt(fanIn));
            double bb = 1 / Math.sqrt(fanIn);
            try (NDManager m = TorchRef.sub()) {
                Engine.getEngine("PyTorch").setRandomSeed(seed);
                var w = m.randomUniform((float) -bw, (float) bw, new Shape(cfg[1], cfg[0] / cfg[3], cfg[2], cfg[2]));
                var b = m.randomUniform((float) -bb, (float) bb, new Shape(cfg[1]));
                TorchRef.assertClose("Conv2d init weight " + java.util.Arrays.toString(cfg), c.weight(), w, 0);
                TorchRef.assertClose("Conv2d init bias " + java.util.Arrays.toString(cfg), c.bias(), b, 0);
            }
        }
    }

    @Test
    void badConstructorArguments() {
        assertEquals("Conv2d: in_channels must be divisible by groups, got in_channels=3, groups=2",
                assertThrows(IllegalArgumentException.class, () -> Conv2d.builder(3, 4, 3).groups(2).build()).getMessage());
        assertEquals("Conv2d: out_channels must be divisible by groups, got out_channels=3, groups=2",
                assertThrows(IllegalArgumentException.class, () -> Conv2d.builder(4, 3, 3).groups(2).build()).getMessage());
        assertEquals("Conv2d: groups must be a positive integer, got groups=0",
                assertThrows(IllegalArgumentException.class, () -> Conv2d.builder(4, 4, 3).groups(0).build()).getMessage());
        assertEquals("Conv2d: padding='same' is not supported for strided convolutions, got stride=(2, 2)",
                assertThrows(IllegalArgumentException.class,
                        () -> Conv2d.builder(1, 1, 3).stride(2).padding(ConvPadding.SAME).build()).getMessage());
        assertEquals("Conv2d: in_channels, out_channels and kernel_size must be positive, got 1, 1, kernel_size=(0, 0)",
                assertThrows(IllegalArgumentException.class, () -> new Conv2d(1, 1, 0)).getMessage());
    }
}
