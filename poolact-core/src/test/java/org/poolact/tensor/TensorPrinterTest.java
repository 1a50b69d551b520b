package org.poolact.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Tensor#toString()} and {@link IndexTensor#toString()} against the strings PyTorch printed for
 * the same element bits ({@code print/gen_print_fixtures.py}).
 */
class TensorPrinterTest {

    static Stream<PrintFixtures.Case> fixtures() {
        return PrintFixtures.load().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void printsExactlyWhatPyTorchPrints(PrintFixtures.Case c) {
        String actual = c.isIndex() ? c.indexTensor().toString() : c.tensor().toString();
        assertEquals(c.expected(), actual, c.name());
    }

    @Test
    void fixturesCoverEveryRequiredFeature() {
        List<PrintFixtures.Case> cases = PrintFixtures.load();
        assertTrue(cases.size() >= 200, "fixture count " + cases.size());
        String[] mustAppear = {"grad_fn=<ConvolutionBackward0>", "grad_fn=<MaxPool2DWithIndicesBackward0>",
            "grad_fn=<AvgPool2DBackward0>", "grad_fn=<ReluBackward0>", "requires_grad=True", "dtype=torch.float64",
            "e+", "e-", "nan", "inf", "-0.", "...", "size=(0, 3)", "\n       grad_fn", "\n\n", "tensor([1., 2.])",
            "tensor([0, 3, 5])", "tensor(3.)", "tensor([])"};
        for (String s : mustAppear) {
            assertTrue(cases.stream().anyMatch(c -> c.expected().contains(s)), "no fixture prints " + s);
        }
    }

    @Test
    void printsFloat32ThroughItsDoubleValue() {
        assertEquals("tensor(0.1000)", Tensor.scalar(0.1).toString());
        // 1.00005f is 1.00004994869232177734375: Python rounds that down; Java's %.4f would give 1.0001
        assertEquals("tensor([1.0000, 0.5000])", Tensor.fromArray(new float[] {1.00005f, 0.5f}).toString());
        // the double 1.00005 is 1.0000500000000001...: Python rounds it up
        assertEquals("tensor([1.0001, 0.5000], dtype=torch.float64)",
                Tensor.fromArray(new double[] {1.00005, 0.5}).toString());
    }

    @Test
    void pythonFloatFormatting() {
        assertEquals("0.12", PyFloatFormat.fixed(0.125, 2));
        assertEquals("-0.0000", PyFloatFormat.fixed(-0.0, 4));
        assertEquals("-0.0000", PyFloatFormat.fixed(-1e-9, 4));
        assertEquals("9.9999e-05", PyFloatFormat.scientific(9.99995e-5, 4)); // the double is just below the tie
        assertEquals("1.0000e-04", PyFloatFormat.scientific(9.999951e-5, 4));
        assertEquals("2.5000", PyFloatFormat.fixed(2.50005, 4));
        assertEquals("1.0000e+100", PyFloatFormat.scientific(1e100, 4));
        assertEquals("-0.0000e+00", PyFloatFormat.scientific(-0.0, 4));
        assertEquals("nan", PyFloatFormat.scientific(Double.longBitsToDouble(0xfff8000000000000L), 4));
        assertEquals("-inf", PyFloatFormat.fixed(Double.NEGATIVE_INFINITY, 4));
    }
}
