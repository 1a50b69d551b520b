package org.poolact.lab.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StudentTTest {

    /** Two-sided 95% critical values, from standard tables (scipy.stats.t.ppf(0.975, df)). */
    @ParameterizedTest
    @CsvSource({"1, 12.706204736", "2, 4.302652730", "4, 2.776445105", "9, 2.262157163", "30, 2.042272456",
        "1000, 1.962339081"})
    void quantilesMatchTables(int df, double expected) {
        assertEquals(expected, StudentT.quantile(0.975, df), 1e-8);
        assertEquals(-expected, StudentT.quantile(0.025, df), 1e-8);
    }

    @ParameterizedTest
    @CsvSource({"0, 3, 0.5", "1, 1, 0.75", "2, 2, 0.908248290", "-1.5, 5, 0.096951840"})
    void cdfValuesMatchNumericalIntegration(double t, double df, double expected) {
        assertEquals(expected, StudentT.cdf(t, df), 1e-8);
    }

    @Test
    void badArguments() {
        assertEquals("StudentT: p must be in (0, 1), but got 1.0",
                assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(1, 3)).getMessage());
        assertEquals("StudentT: df must be positive, but got 0.0",
                assertThrows(IllegalArgumentException.class, () -> StudentT.cdf(1, 0)).getMessage());
    }
}
