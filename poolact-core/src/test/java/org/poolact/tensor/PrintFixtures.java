package org.poolact.tensor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.poolact.autograd.Autograd;

/**
 * Reads {@code print/print_fixtures.txt}: tensors (exact element bits) and the string PyTorch printed
 * for each, produced by the committed {@code print/gen_print_fixtures.py}.
 */
final class PrintFixtures {
    private PrintFixtures() {
    }

    /** One fixture: a tensor as PyTorch held it, and {@code repr()} of it. */
    record Case(String name, String dtype, int[] shape, String autograd, String[] data, String expected) {
        boolean isIndex() {
            return dtype.equals("int64");
        }

        /** The float tensor with its autograd state (a leaf requiring grad, or a node named like PyTorch's). */
        Tensor tensor() {
            Tensor t;
            if (dtype.equals("float32")) {
                float[] f = new float[data.length];
                for (int i = 0; i < f.length; i++) {
                    f[i] = Float.intBitsToFloat(Integer.parseUnsignedInt(data[i], 16));
                }
                t = Tensor.wrap(f, shape);
            } else if (dtype.equals("float64")) {
                double[] d = new double[data.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = Double.longBitsToDouble(Long.parseUnsignedLong(data[i], 16));
                }
                t = Tensor.wrap(d, shape);
            } else {
                throw new IllegalStateException(name + " is " + dtype);
            }
            if (autograd.equals("requires_grad")) {
                t.requiresGrad(true);
            } else if (autograd.startsWith("grad_fn:")) {
                Tensor parent = Tensor.zeros(1).requiresGrad(true);
                Autograd.record(t, autograd.substring("grad_fn:".length()), g -> new Tensor[] {null}, parent);
            }
            return t;
        }

        IndexTensor indexTensor() {
            long[] v = new long[data.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = Long.parseUnsignedLong(data[i], 16);
            }
            return new IndexTensor(v, shape);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> load() {
        InputStream in = PrintFixtures.class.getResourceAsStream("/print/print_fixtures.txt");
        if (in == null) {
            throw new IllegalStateException("print/print_fixtures.txt is missing from the test resources");
        }
        List<Case> cases = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String name = field(line, "case");
                String dtype = field(r.readLine(), "dtype");
                String shapeText = field(r.readLine(), "shape");
                int[] shape = shapeText.isEmpty() ? new int[0]
                        : Arrays.stream(shapeText.split(" ")).mapToInt(Integer::parseInt).toArray();
                String autograd = field(r.readLine(), "autograd");
                String dataText = field(r.readLine(), "data");
                String[] data = dataText.isEmpty() ? new String[0] : dataText.split(" ");
                int lines = Integer.parseInt(field(r.readLine(), "expected"));
                StringBuilder expected = new StringBuilder();
                for (int i = 0; i < lines; i++) {
                    expected.append(i > 0 ? "\n" : "").append(r.readLine());
                }
                cases.add(new Case(name, dtype, shape, autograd, data, expected.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static String field(String line, String key) {
        if (line == null || !(line.equals(key) || line.startsWith(key + " "))) {
            throw new IllegalStateException("print_fixtures.txt: expected '" + key + " ...', got " + line);
        }
        return line.length() == key.length() ? "" : line.substring(key.length() + 1);
    }
}
