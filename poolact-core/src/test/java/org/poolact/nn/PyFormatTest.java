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
}
