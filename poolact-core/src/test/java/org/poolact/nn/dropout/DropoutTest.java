package org.poolact.nn.dropout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.poolact.random.Generator;
import org.poolact.tensor.Tensor;

class DropoutTest {

    @Test
    void reprAsPyTorch() {
        assertEquals("Dropout(p=0.5, inplace=False)", new Dropout().toString());
        assertEquals("Dropout(p=0.25, inplace=False)", new Dropout(0.25).toString());
    }

    @Test
    void trainDropsEvalPassesThrough() {
        Dropout d = new Dropout(0.5, new Generator(3));
        Tensor x = Tensor.ones(1000);
        Tensor y = d.forward(x);
        int zeros = 0;
        for (int i = 0; i < 1000; i++) {
            zeros += y.getFlat(i) == 0 ? 1 : 0;
        }
        assertTrue(zeros > 400 && zeros < 600, "zeros " + zeros);
        d.eval();
        assertSame(x, d.forward(x));
    }

    @Test
    void badP() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5));
        assertEquals("dropout probability has to be between 0 and 1, but got 1.5", e.getMessage());
    }
}
