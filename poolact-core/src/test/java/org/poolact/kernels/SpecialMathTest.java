package org.poolact.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** erf's Maclaurin polynomial (|x| &lt; 2) against the exp-times-series form it replaced there. */
class SpecialMathTest {
    @Test
    void taylorAgreesWithTheSeriesBelowTwo() {
        double worst = 0;
        for (int i = -200_000; i <= 200_000; i++) {
            double x = i * (1.999999 / 200_000);
            double t = SpecialMath.taylor(x);
            double s = SpecialMath.erfBySeries(x);
            double err = Math.abs(t - s) / Math.max(Math.abs(s), Double.MIN_NORMAL);
            worst = Math.max(worst, err);
            assertTrue(err <= (Math.abs(x) < 1 ? 2e-15 : 5e-15), "x=" + x + ": taylor " + t + " series " + s);
        }
        assertTrue(worst > 0, "the two forms are different computations");
    }

    @Test
    void erfAndErfcAroundTheSwitchAndKnownValues() {
        // erf(0.5) and erf(1) to 17 digits (tables of the error function)
        assertEquals(0.52049987781304654, SpecialMath.erf(0.5), 2e-16);
        assertEquals(0.84270079294971487, SpecialMath.erf(1.0), 2e-16);
        assertEquals(-0.52049987781304654, SpecialMath.erf(-0.5), 2e-16);
        assertEquals(1 - 0.84270079294971487, SpecialMath.erfc(1.0), 1e-15);
        for (double edge : new double[] {Math.nextDown(1.0), 1.0, Math.nextDown(2.0), 2.0}) {
            assertEquals(SpecialMath.erfBySeries(edge), SpecialMath.erf(edge), 1e-15, "erf(" + edge + ")");
        }
        assertEquals(0.99532226501895273, SpecialMath.erf(2.0), 3e-16);
        assertEquals(0.0, SpecialMath.erf(0.0), 0.0);
        assertEquals(1.0, SpecialMath.erfc(0.0), 0.0);
    }
}
