package org.poolact.tensor;

import java.util.Locale;

/**
 * Formats tensors the way PyTorch prints them (default print options: precision 4, threshold 1000,
 * edgeitems 3, linewidth 80).
 */
public final class TensorPrinter {
    private TensorPrinter() {
    }

    /** {@code str(tensor)}. */
    public static String format(Tensor t) {
        StringBuilder sb = new StringBuilder("tensor(");
        appendData(sb, t, 0, 0, "tensor(".length());
        if (t.dtype() == DType.FLOAT64) {
            sb.append(", dtype=torch.float64");
        }
        if (t.gradFn() != null) {
            sb.append(", grad_fn=<").append(t.gradFn().name()).append('>');
        } else if (t.requiresGrad()) {
            sb.append(", requires_grad=True");
        }
        return sb.append(')').toString();
    }

    private static void appendData(StringBuilder sb, Tensor t, int dim, int offset, int indent) {
        int[] shape = t.shape();
        if (shape.length == 0) {
            sb.append(String.format(Locale.ROOT, "%.4f", t.getFlat(0)));
            return;
        }
        int stride = t.strides()[dim];
        sb.append('[');
        for (int i = 0; i < shape[dim]; i++) {
            if (i > 0) {
                sb.append(dim == shape.length - 1 ? ", " : ",\n" + " ".repeat(indent + dim + 1));
            }
            if (dim == shape.length - 1) {
                sb.append(String.format(Locale.ROOT, "%7.4f", t.getFlat(offset + i * stride)));
            } else {
                appendData(sb, t, dim + 1, offset + i * stride, indent);
            }
        }
        sb.append(']');
    }

    /** {@code str(int64 tensor)}. */
    public static String formatIndices(IndexTensor t) {
        return "tensor(" + java.util.Arrays.toString(t.data()) + ")";
    }
}
