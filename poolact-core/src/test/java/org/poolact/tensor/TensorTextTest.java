package org.poolact.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link TensorText}: reading PyTorch's printed tensors back, on PyTorch's own strings and on bad input. */
class TensorTextTest {

    static Stream<PrintFixtures.Case> floatFixtures() {
        return PrintFixtures.load().stream().filter(c -> !c.isIndex());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("floatFixtures")
    void readsWhatPyTorchPrinted(PrintFixtures.Case c) {
        if (c.expected().contains("...")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TensorText.parse(c.expected()));
            assertTrue(e.getMessage().contains("expected a number, got '...': PyTorch summarised this tensor"),
                    e.getMessage());
            return;
        }
        Tensor original = c.tensor();
        TensorText.Parsed parsed = TensorText.parseFull(c.expected());
        Tensor t = parsed.tensor();
        assertArrayEquals(original.shape(), t.shape(), c.name());
        assertEquals(original.dtype(), t.dtype(), c.name());
        assertEquals(original.requiresGrad(), parsed.requiresGrad(), c.name());
        assertEquals(original.gradFn() == null ? null : original.gradFn().name(), parsed.gradFn(), c.name());
        assertFalse(t.requiresGrad(), "a parsed tensor is a fresh leaf");
        for (int i = 0; i < t.numel(); i++) {
            double want = original.getFlat(i);
            double got = t.getFlat(i);
            if (Double.isNaN(want) || Double.isInfinite(want)) {
                assertEquals(want, got, c.name() + " element " + i);
            } else {
                // 4 decimals, or 5 significant digits in scientific mode
                double ulp = original.dtype() == DType.FLOAT32 ? Math.ulp((float) want) : Math.ulp(want);
                assertEquals(want, got, 5e-5 * Math.max(1, Math.abs(want)) + ulp, c.name() + " element " + i);
            }
        }
        // NOTE: printing the parsed tensor need not give PyTorch's string back: "0.0001" reads as the
        // float 9.99999974737875e-05, below 1e-4, which switches the whole tensor to scientific mode.
    }

    @Test
    void roundTripsPrintableValuesExactly() {
        Random rnd = new Random(20261128);
        int[][] shapes = {{}, {1}, {7}, {3, 4}, {1, 1, 5, 5}, {2, 3, 2, 2}, {2, 40}, {1, 1, 2, 2}};
        int checked = 0;
        for (int round = 0; round < 40; round++) {
            for (int[] shape : shapes) {
                DType dtype = round % 4 == 3 ? DType.FLOAT64 : DType.FLOAT32;
                Tensor t = Tensor.empty(dtype, shape);
                int kind = round % 5;
                for (int i = 0; i < t.numel(); i++) {
                    // each value is the float nearest to a decimal that the printer writes back unchanged
                    String decimal = switch (kind) {
                        case 0 -> PyFloatFormat.fixed((rnd.nextInt(200001) - 100000) / 10000.0, 4); // |v| <= 10
                        case 1 -> Integer.toString(rnd.nextInt(2001) - 1000);
                        case 2 -> (rnd.nextBoolean() ? "-" : "") + (rnd.nextInt(9) + 1) + "." + (rnd.nextInt(9000) + 1000)
                                // element 0 below 1e-4 keeps the tensor in scientific mode
                                + "e" + (i == 0 ? rnd.nextInt(10) - 15 : rnd.nextInt(25) - 12);
                        case 3 -> PyFloatFormat.fixed((rnd.nextInt(33) - 16) / 16.0, 4);
                        default -> new String[] {"0.0", "-0.0", "NaN", "Infinity", "-Infinity", "2.5", "-7"}[rnd.nextInt(7)];
                    };
                    t.setFlat(i, dtype == DType.FLOAT32 ? Float.parseFloat(decimal) : Double.parseDouble(decimal));
                }
                String printed = t.toString();
                Tensor back = TensorText.parse(printed);
                assertArrayEquals(t.shape(), back.shape(), printed);
                assertEquals(t.dtype(), back.dtype(), printed);
                for (int i = 0; i < t.numel(); i++) {
                    double a = t.getFlat(i);
                    double b = back.getFlat(i);
                    assertTrue(Double.isNaN(a) ? Double.isNaN(b)
                            : Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b),
                            "element " + i + ": " + a + " printed as " + printed + " read back as " + b);
                    checked++;
                }
            }
        }
        assertTrue(checked > 3000, "checked " + checked);
    }

    @Test
    void acceptsPyTorchLayoutsAndSuffixes() {
        Tensor t = TensorText.parse("tensor([[[[0.0000, 0.3404],\r\n          [0.1204, 0.0000]]]],"
                + " grad_fn=<MaxPool2DWithIndicesBackward0>)\n");
        assertArrayEquals(new int[] {1, 1, 2, 2}, t.shape());
        assertArrayEquals(new float[] {0f, 0.3404f, 0.1204f, 0f}, t.toFloatArray());

        TensorText.Parsed p = TensorText.parseFull("Parameter containing:\ntensor([0.2901], requires_grad=True)");
        assertTrue(p.requiresGrad());
        assertNull(p.gradFn());
        assertArrayEquals(new float[] {0.2901f}, p.tensor().toFloatArray());

        Tensor scalar = TensorText.parse("tensor(3.)");
        assertArrayEquals(new int[0], scalar.shape());
        assertEquals(3.0, scalar.item());

        Tensor f64 = TensorText.parse("tensor([0.1000, 1.0000e-05,   nan, -inf],\n       dtype=torch.float64)");
        assertEquals(DType.FLOAT64, f64.dtype());
        assertEquals(0.1, f64.getFlat(0)); // rounded once, to double
        assertEquals(1e-5, f64.getFlat(1));
        assertTrue(Double.isNaN(f64.getFlat(2)));
        assertEquals(Double.NEGATIVE_INFINITY, f64.getFlat(3));

        assertEquals(Float.MIN_VALUE, (float) TensorText.parse("tensor([1.4013e-45, 1.])").getFlat(0));
        assertArrayEquals(new int[] {0}, TensorText.parse("tensor([])").shape());
        assertArrayEquals(new int[] {0, 3}, TensorText.parse("tensor([], size=(0, 3))").shape());
        assertArrayEquals(new int[] {2, 0}, TensorText.parse("tensor([[], []])").shape());
        assertArrayEquals(new double[] {1, -2, 0.5}, TensorText.parse("tensor([1, -2, .5])").toDoubleArray());
        assertEquals(Double.doubleToRawLongBits(-0.0),
                Double.doubleToRawLongBits(TensorText.parse("tensor([-0., 1.])").getFlat(0)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "tensor([1., 2.]|line 1, column 16: expected ',' or ')', got end of input",
        "tensor([1., abc])|line 1, column 13: expected a number, got 'abc'",
        "tensor([1.,, 2.])|line 1, column 12: expected a number, got ','",
        "tensor([1.e, 2.])|line 1, column 9: expected a number, got '1.e'",
        "tensor([1. 2.])|line 1, column 12: expected ',' or ']', got '2.'",
        "tensor()|line 1, column 8: expected a number, got ')'",
        "tensor([1., [2.]])|line 1, column 13: ragged tensor: expected a number, got '['",
        "tensor([[1.], 2.])|line 1, column 15: ragged tensor: expected a row ('['), got '2.'",
        "tensor([1., 2.], dtype=torch.int64)|line 1, column 24: expected dtype torch.float32 or torch.float64, got 'torch.int64'",
        "tensor([1., 2.], device='cpu')|line 1, column 18: expected one of dtype, grad_fn, requires_grad, size, got 'device'",
        "tensor([1., 2.], requires_grad=yes)|line 1, column 32: expected True or False, got 'yes'",
        "tensor([1., 2.], grad_fn=ReluBackward0)|line 1, column 26: expected '<', got 'ReluBackward0'",
        "tensor([1., 2.], size=(0, 3))|line 1, column 18: expected size=(2) to match the values, got size=(0, 3)",
        "tensor([1., 2.]) tensor|line 1, column 18: expected end of input, got 'tensor'",
    })
    void rejectsMalformedTextWithLineAndColumn(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TensorText.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void rejectsEmptyAndNonTensorText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TensorText.parse(""));
        assertEquals("line 1, column 1: expected 'tensor(', got end of input", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TensorText.parse("\n  [1., 2.]"));
        assertEquals("line 2, column 3: expected 'tensor(', got '['", e.getMessage());
    }

    @Test
    void rejectsRaggedRowsWhereTheyStart() {
        String text = "tensor([[1., 2., 3., 4., 5.],\n        [1., 2., 3., 4., 5.],\n    [1., 2., 3., 4.]])";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TensorText.parse(text));
        assertEquals("line 3, column 5: ragged tensor: expected 5 elements in this row, got 4", e.getMessage());

        String deep = "tensor([[[1., 2.],\n          [3., 4.]],\n\n         [[5., 6.],\n          [7., 8., 9.]]])";
        e = assertThrows(IllegalArgumentException.class, () -> TensorText.parse(deep));
        assertEquals("line 5, column 11: ragged tensor: expected 2 elements in this row, got 3", e.getMessage());
    }

    @Test
    void rejectsSummarisedTextAtTheEllipsis() {
        String vector = Tensor.arange(2000).toString();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TensorText.parse(vector));
        assertTrue(e.getMessage().startsWith("line 1, column " + (vector.indexOf("...") + 1)
                + ": expected a number, got '...'"), e.getMessage());
        String matrix = Tensor.arange(1600).reshape(40, 40).toString();
        e = assertThrows(IllegalArgumentException.class, () -> TensorText.parse(matrix));
        assertTrue(e.getMessage().startsWith("line 1, column " + (matrix.indexOf("...") + 1)
                + ": expected a number, got '...'"), e.getMessage());
    }
}
