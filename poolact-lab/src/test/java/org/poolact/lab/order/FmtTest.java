package org.poolact.lab.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one number formatter of rules, tables, reports and the compare/demo text. */
class FmtTest {
    @Test
    void shortNumbers() {
        assertEquals("0.5", Fmt.num(0.5));
        assertEquals("-2", Fmt.num(-2.0));
        assertEquals("0.06966", Fmt.num(0.069661423));
        assertEquals("nan", Fmt.num(Double.NaN));
        assertEquals("-inf", Fmt.num(Double.NEGATIVE_INFINITY));
        assertEquals("inf", Fmt.num(Double.POSITIVE_INFINITY));
        assertEquals("0.6931", Fmt.num(Math.log(2)));
        // The exponent form keeps no trailing zeros in the mantissa.
        assertEquals("1.2e-07", Fmt.num(1.2e-7));
        assertEquals("-3.142e+10", Fmt.num(-Math.PI * 1e10));
    }

    @Test
    void exactAndPercent() {
        assertEquals("3", Fmt.exact(3f));
        assertEquals("-0.0", Fmt.exact(-0f));
        assertEquals("0.1", Fmt.exact(0.1f));
        assertEquals("75.0%", Fmt.pct(0.75));
    }
}
