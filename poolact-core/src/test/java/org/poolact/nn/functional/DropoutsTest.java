package org.poolact.nn.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.poolact.random.Generator;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;
import org.poolact.testing.GradCheck;
import org.poolact.testing.RandomTensors;
import org.poolact.testing.TorchRandom;
import org.poolact.testing.TorchRef;

/**
 * Dropout semantics and its backward. The mask's random stream itself is checked bit-exact by the rng
 * tests; here the gradient is compared with libtorch's on the same seed.
 */
class DropoutsTest {

    @Test
    void evalAndZeroPAreIdentity() {
        Tensor x = RandomTensors.normal(1, 3, 4).requiresGrad(true);
        assertSame(x, Dropouts.dropout(x, 0.5, false, new Generator(0)));
        assertSame(x, Dropouts.dropout(x, 0.0, true, new Generator(0)));
    }

    @Test
    void trainingZeroesAboutPAndScalesSurvivorsExactly() {
        for (double p : new double[] {0.1, 0.3, 0.5, 0.9}) {
            int n = 200_000;
            Tensor x = RandomTensors.uniform(2, DType.FLOAT32, 0.5, 1.5, n);
            Tensor y = Dropouts.dropout(x, p, true, new Generator(42));
            float scale = 1f / (float) (1 - p);
            int zeros = 0;
            for (int i = 0; i < n; i++) {
                float yi = (float) y.getFlat(i);
                if (yi == 0f) {
                    zeros++;
                } else {
                    assertEquals((float) x.getFlat(i) * scale, yi, 0f, "survivor scaled by 1/(1-p) exactly, p=" + p);
                }
            }
            double frac = zeros / (double) n;
            // binomial standard deviation is at most 0.0012 here; 5 sigma
            assertEquals(p, frac, 0.006, "fraction zeroed for p=" + p);
        }
    }

    @Test
    void backwardUsesTheSameMask() {
        Tensor x = RandomTensors.uniform(3, DType.FLOAT32, 0.5, 1.5, 1000).requiresGrad(true);
        Tensor y = Dropouts.dropout(x, 0.4, true, new Generator(7));
        assertEquals("MulBackward0", y.gradFn().name());
        y.sum().backward();
        for (int i = 0; i < 1000; i++) {
            double expected = y.getFlat(i) == 0 ? 0 : 1f / 0.6f;
            assertEquals(expected, x.grad().getFlat(i), 1e-7, "grad at " + i);
        }
    }

    @Test
    void sameGeneratorSeedSameMask() {
        Tensor x = Tensor.ones(500);
        Tensor a = Dropouts.dropout(x, 0.5, true, new Generator(5));
        Tensor b = Dropouts.dropout(x, 0.5, true, new Generator(5));
        Tensor c = Dropouts.dropout(x, 0.5, true, new Generator(6));
        assertTrue(a.equalTo(b));
        assertTrue(!a.equalTo(c));
    }

    @Test
    void pOneZeroesEverything() {
        Tensor x = RandomTensors.normal(4, 10).requiresGrad(true);
        Tensor y = Dropouts.dropout(x, 1.0, true, new Generator(0));
        for (int i = 0; i < 10; i++) {
            assertEquals(0.0, y.getFlat(i), 0.0);
        }
        y.sum().backward();
        assertEquals(0.0, x.grad().abs().sum().item(), 0.0);
    }

    /** Forward and input gradient of F.dropout(x, p, training=True) against libtorch on the same seed. */
    @Test
    void trainingForwardAndBackwardMatchTorchOnTheSameSeed() {
        int cases = 0;
        // rates exact in float: DJL hands torch the rate as a float widened to double
        for (double p : new double[] {0.25, 0.5, 0.75}) {
            for (int seed : new int[] {0, 3}) {
                for (int[] shape : new int[][] {{7}, {2, 3, 5, 5}}) {
                    Tensor x = RandomTensors.normal(seed + 10, shape).requiresGrad(true);
                    Tensor y = Dropouts.dropout(x, p, true, new Generator(seed));
                    Tensor g = RandomTensors.normal(seed + 20, shape);
                    TorchRandom.seed(seed);
                    TorchRef.compareWithTorch("dropout p " + p + " seed " + seed + " numel " + x.numel(), y, g,
                            new Tensor[] {x}, t -> ai.djl.nn.norm.Dropout.dropout(t[0], (float) p, true).singletonOrThrow(),
                            0);
                    cases++;
                }
            }
        }
        assertEquals(12, cases);
    }

    /** Finite differences through a training-mode dropout whose mask is fixed by a fresh generator each call. */
    @Test
    void finiteDifferenceWithAFixedMask() {
        Tensor probe = Dropouts.dropout(Tensor.ones(DType.FLOAT64, 4, 6), 0.4, true, new Generator(7));
        int dropped = 0;
        for (int i = 0; i < probe.numel(); i++) {
            dropped += probe.getFlat(i) == 0.0 ? 1 : 0;
        }
        assertTrue(dropped > 0 && dropped < probe.numel(), "the mask drops some but not all: " + dropped);
        GradCheck.check("dropout train p=0.4", in -> Dropouts.dropout(in[0], 0.4, true, new Generator(7)),
                RandomTensors.normal(5, DType.FLOAT64, 1.0, 0.0, 4, 6));
    }

    @Test
    void badProbability() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dropouts.dropout(Tensor.ones(2), 1.5, true, new Generator(0)));
        assertEquals("dropout probability has to be between 0 and 1, but got 1.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Dropouts.dropout(Tensor.ones(2), -0.1, false, new Generator(0)));
        assertEquals("dropout probability has to be between 0 and 1, but got -0.1", e.getMessage());
    }
}
