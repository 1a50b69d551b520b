package org.poolact.nn.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.poolact.random.Generator;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;
import org.poolact.testing.RandomTensors;

/** Dropout semantics. The mask's random stream itself is checked bit-exact by the rng tests, not here. */
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
