package org.poolact.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PyFormatTest {
    @Test
    void pythonFloatRepr() {
        assertEquals("1e-05", PyFormat.pyFloat(1e-5));
        assertEquals("0.0001", PyFormat.pyFloat(1e-4));
        assertEquals("0.1", PyFormat.pyFloat(0.1));
        assertEquals("2.0", PyFormat.pyFloat(2));
        assertEquals("-0.5", PyFormat.pyFloat(-0.5));
        assertEquals("1.5e-07", PyFormat.pyFloat(1.5e-7));
        assertEquals("1e+16", PyFormat.pyFloat(1e16));
        assertEquals("1234567.0", PyFormat.pyFloat(1234567));
        assertEquals("0.30000000000000004", PyFormat.pyFloat(0.1 + 0.2));
        assertEquals("0.0", PyFormat.pyFloat(0));
        assertEquals("nan", PyFormat.pyFloat(Double.NaN));
        assertEquals("True", PyFormat.pyBool(true));
    }

    @Test
    void shortestRoundTripDigitsEvenWhereJdk17DoubleToStringIsLonger() {
        // values and strings from Python 3's repr(); JDK 17's Double.toString gives 9.999999999999999E22 for 1e23
        Object[][] cases = {{1e23, "1e+23"}, {2e23, "2e+23"}, {8.41e21, "8.41e+21"}, {5e-324, "5e-324"},
            {1e15, "1000000000000000.0"}, {-0.0, "-0.0"}, {Double.NEGATIVE_INFINITY, "-inf"},
            {1.6732632423543772, "1.6732632423543772"}, {2.5e100, "2.5e+100"}, {(double) 0.1f, "0.10000000149011612"},
            {0.01, "0.01"}, {20.0, "20.0"}};
        for (Object[] c : cases) {
            assertEquals(c[1], PyFormat.pyFloat((Double) c[0]), String.valueOf(c[0]));
        }
    }
}
