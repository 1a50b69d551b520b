package org.poolact.nn.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;
import org.poolact.testing.TorchRef;

/**
 * Every activation against a second, independent PyTorch: values and gradients computed by Debian's
 * python3-torch 1.13 with the committed script {@code gen_activation_fixtures.py} (next to the data
 * file in test resources). Unlike the DJL suite, this runs ATen's own kernels for hardswish,
 * hardsigmoid, relu6, hardtanh, prelu, celu, silu, mish and softplus with beta != 1, so their kink
 * conventions come from the real code. The piecewise-rational ones must match bit for bit.
 */
class ActivationsFixtureTest {
    /** Activations whose float32 and float64 results are exact IEEE operations, identical to ATen's. */
    private static final Set<String> BIT_EXACT = Set.of("relu", "relu6", "leaky_relu", "prelu", "hardtanh", "hardswish",
            "hardsigmoid");

    record Row(String spec, DType dtype, String gradFn, double[] x, double[] y, double[] dx) {
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = ActivationsFixtureTest.class.getResourceAsStream("activations-torch.txt")) {
            assertNotNull(in, "fixture activations-torch.txt missing");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\\|");
                rows.add(new Row(f[0], DType.valueOf(f[1]), f[2], nums(f[3]), nums(f[4]), nums(f[5])));
            }
        }
        return rows;
    }

    private static double[] nums(String csv) {
        String[] p = csv.split(",");
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = Double.parseDouble(p[i]);
        }
        return out;
    }

    @Test
    void everyActivationMatchesTorch113KernelsIncludingKinks() throws IOException {
        List<Row> rows = rows();
        assertEquals(ActivationsTest.sweep().size() - 1, rows.size() / 2, "one row per spec (identity aside) and dtype");
        for (Row row : rows) {
            ActivationSpec spec = ActivationSpec.parse(row.spec());
            String what = row.spec() + " " + row.dtype() + " (torch 1.13)";
            Tensor x = Tensor.fromDoubles(row.x(), row.dtype(), 2, 32);
            // same inputs as the DJL suite, bit for bit
            Tensor expectedX = ActivationsTest.inputs(row.dtype(), row.spec().startsWith("celu:-") ? 10 : 1e9);
            for (int i = 0; i < row.x().length; i++) {
                assertEquals(Double.doubleToRawLongBits(expectedX.getFlat(i)), Double.doubleToRawLongBits(x.getFlat(i)), what);
            }
            x.requiresGrad(true);
            Tensor y = spec.apply(x);
            // torch 1.13 called prelu's node PreluBackward0; 2.x records PreluKernelBackward0
            String expectedName = row.gradFn().equals("PreluBackward0") ? "PreluKernelBackward0" : row.gradFn();
            assertEquals(expectedName, y.gradFn().name(), what);
            y.mul(Tensor.fromDoubles(ActivationsTest.upstream(row.dtype()).toDoubleArray(), row.dtype(), 2, 32)).sum().backward();
            boolean exact = BIT_EXACT.contains(spec.name());
            double tol = exact ? 0 : row.dtype() == DType.FLOAT32 ? 2e-6 : 1e-12;
            TorchRef.assertClose(what + " forward", y, Tensor.fromDoubles(row.y(), row.dtype(), 2, 32), tol);
            TorchRef.assertClose(what + " grad", x.grad(), Tensor.fromDoubles(row.dx(), row.dtype(), 2, 32), tol);
            if (exact) {
                for (int i = 0; i < row.y().length; i++) {
                    assertEquals(Double.doubleToRawLongBits(row.y()[i]), Double.doubleToRawLongBits(y.getFlat(i)),
                            what + " bits at " + i);
                }
            }
        }
    }
}
