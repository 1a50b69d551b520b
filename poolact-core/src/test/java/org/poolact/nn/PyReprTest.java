package org.poolact.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PyReprTest {
    @Test
    void floatReprMatchesPython() {
        // values and strings from Python 3's repr()
        Object[][] cases = {{1.0, "1.0"}, {0.01, "0.01"}, {0.25, "0.25"}, {-0.5, "-0.5"}, {20.0, "20.0"},
            {1e-05, "1e-05"}, {0.0001, "0.0001"}, {1e16, "1e+16"}, {1e15, "1000000000000000.0"},
            {123456789.0, "123456789.0"}, {0.1 + 0.2, "0.30000000000000004"}, {1.5e-7, "1.5e-07"},
            {0.0, "0.0"}, {-0.0, "-0.0"}, {Double.NaN, "nan"}, {Double.NEGATIVE_INFINITY, "-inf"},
            {1.6732632423543772, "1.6732632423543772"}, {2.5e100, "2.5e+100"}, {(double) 0.1f, "0.10000000149011612"}};
        for (Object[] c : cases) {
            assertEquals(c[1], PyRepr.floatRepr((Double) c[0]), String.valueOf(c[0]));
        }
    }
}
