package org.poolact.nn.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;
import org.poolact.nn.Sequential;
import org.poolact.nn.conv.Conv2d;
import org.poolact.random.Generator;
import org.poolact.tensor.Tensor;
import org.poolact.testing.TorchRef;

class LinearTest {

    @Test
    void reprsMatchPyTorch() {
        assertEquals("Linear(in_features=4, out_features=2, bias=True)", new Linear(4, 2).toString());
        assertEquals("Linear(in_features=3, out_features=1, bias=False)", new Linear(3, 1, false).toString());
        assertEquals("Flatten(start_dim=1, end_dim=-1)", new Flatten().toString());
        assertEquals("Flatten(start_dim=0, end_dim=2)", new Flatten(0, 2).toString());
        assertEquals("Identity()", new Identity().toString());
        assertEquals("Sequential(\n  (0): Conv2d(1, 2, kernel_size=(3, 3), stride=(1, 1))\n  (1): Flatten(start_dim=1, "
                + "end_dim=-1)\n  (2): Linear(in_features=50, out_features=10, bias=True)\n)",
                new Sequential(new Conv2d(1, 2, 3), new Flatten(), new Linear(50, 10)).toString());
    }

    @Test
    void parametersAndForward() {
        Linear l = new Linear(4, 3, new Generator(1));
        assertEquals(List.of("weight", "bias"), List.copyOf(l.namedParameters().keySet()));
        assertArrayEquals(new int[] {3, 4}, l.weight().shape());
        assertArrayEquals(new int[] {3}, l.bias().shape());
        assertNull(new Linear(4, 3, false).bias());
        Tensor x = Tensor.arange(8).reshape(2, 4);
        Tensor y = l.forward(x);
        assertEquals("AddmmBackward0", y.gradFn().name());
        double expected = l.bias().get(1);
        for (int k = 0; k < 4; k++) {
            expected += x.get(1, k) * l.weight().get(1, k);
        }
        assertEquals((float) expected, (float) y.get(1, 1));
        Tensor img = Tensor.zeros(2, 3, 4, 5);
        assertArrayEquals(new int[] {2, 60}, new Flatten().forward(img).shape());
        assertArrayEquals(new int[] {120}, new Flatten(0, -1).forward(img).shape());
        assertSame(img, new Identity().forward(img));
    }

    /** As Conv2dTest: weight then bias from the generator, compared with libtorch's uniform_ after manual_seed. */
    @Test
    void initialisationMatchesTorchStreams() {
        int[][] configs = {{4, 2}, {50, 10}, {1, 1}};
        for (int[] cfg : configs) {
            int seed = 100 + cfg[0];
            Linear l = new Linear(cfg[0], cfg[1], new Generator(seed));
            double a = Math.sqrt(5);
            double bw = Math.sqrt(3.0) * (Math.sqrt(2.0 / (1 + a * a)) / Math.sqrt(cfg[0]));
            double bb = 1 / Math.sqrt(cfg[0]);
            try (NDManager m = TorchRef.sub()) {
                Engine.getEngine("PyTorch").setRandomSeed(seed);
                var w = m.randomUniform((float) -bw, (float) bw, new Shape(cfg[1], cfg[0]));
                var b = m.randomUniform((float) -bb, (float) bb, new Shape(cfg[1]));
                TorchRef.assertClose("Linear init weight", l.weight(), w, 0);
                TorchRef.assertClose("Linear init bias", l.bias(), b, 0);
            }
        }
    }
}
