package org.poolact.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Formats tensors exactly as PyTorch 2.7.1's {@code repr(tensor)} does ({@code torch/_tensor_str.py})
 * with the default print options: precision 4, threshold 1000, edgeitems 3, linewidth 80,
 * sci_mode None.
 *
 * <p>The rules, as in PyTorch's {@code _Formatter}, computed over the nonzero finite values that
 * will be shown:
 * <ul>
 * <li>int mode when all of them are integral: {@code tensor([1., 2.])}; scientific instead if
 *     max/min &gt; 1000 or max &gt; 1e8;</li>
 * <li>otherwise scientific ({@code 1.0000e-05}) if max/min &gt; 1000, max &gt; 1e8 or min &lt; 1e-4,
 *     else fixed with 4 decimals;</li>
 * <li>every element is right-aligned to the widest formatted nonzero finite value (at least 1);
 *     nan/inf print as {@code nan}, {@code inf}, {@code -inf}; negative zero keeps its sign.</li>
 * </ul>
 * A row holds {@code max(1, floor((80 - indent) / (width + 2)))} elements before wrapping; nested
 * dimensions are indented one more column each and separated by {@code rank - d - 1} line breaks.
 * Tensors with more than 1000 elements are summarised: each dimension longer than 6 shows its first
 * and last 3 entries around {@code ...}, and only those entries decide the format. Suffixes
 * ({@code dtype=torch.float64} for non-default dtypes, {@code size=(0, 3)} for empty tensors that
 * are not 1-D, {@code grad_fn=<Name>} or {@code requires_grad=True}) follow {@code , } or move to a
 * new line indented by 7 when the last line would pass 80 columns.
 * Values are formatted from the float32 value widened to double, as Python formats
 * {@code tensor.item()}.
 */
public final class TensorPrinter {
    /** PyTorch's default {@code precision}. */
    public static final int PRECISION = 4;
    /** PyTorch's default {@code threshold}: more elements than this are summarised. */
    public static final int THRESHOLD = 1000;
    /** PyTorch's default {@code edgeitems}. */
    public static final int EDGE_ITEMS = 3;
    /** PyTorch's default {@code linewidth}. */
    public static final int LINE_WIDTH = 80;

    private static final String PREFIX = "tensor(";

    private TensorPrinter() {
    }

    /** {@code repr(tensor)} / {@code str(tensor)}, e.g. {@code tensor([[0.0489, -0.5657]], grad_fn=<ReluBackward0>)}. */
    public static String format(Tensor t) {
        int[] shape = t.shape();
        List<String> suffixes = new ArrayList<>();
        String body;
        if (t.numel() == 0) {
            body = emptyBody(shape, t.dtype() != DType.FLOAT32, t.dtype().torchName(), suffixes);
        } else {
            if (t.dtype() != DType.FLOAT32) {
                suffixes.add("dtype=" + t.dtype().torchName());
            }
            boolean summarize = t.numel() > THRESHOLD;
            int[] shown = shownIndices(shape, summarize);
            double[] values = new double[shown.length];
            for (int i = 0; i < shown.length; i++) {
                values[i] = t.getFlat(shown[i]);
            }
            ElementFormat fmt = ElementFormat.forFloats(values);
            body = new Layout(shape, summarize, fmt.width(), i -> fmt.format(t.getFlat(i))).render();
        }
        if (t.gradFn() != null) {
            suffixes.add("grad_fn=<" + t.gradFn().name() + ">");
        } else if (t.requiresGrad()) {
            suffixes.add("requires_grad=True");
        }
        return addSuffixes(PREFIX + body, suffixes);
    }

    /** {@code repr(int64 tensor)}, e.g. {@code tensor([0, 3, 5])}; int64 is a default dtype, so no suffix. */
    public static String formatIndices(IndexTensor t) {
        int[] shape = t.shape();
        List<String> suffixes = new ArrayList<>();
        String body;
        if (t.numel() == 0) {
            body = emptyBody(shape, true, "torch.int64", suffixes);
        } else {
            boolean summarize = t.numel() > THRESHOLD;
            int[] shown = shownIndices(shape, summarize);
            int width = 1;
            for (int i : shown) {
                width = Math.max(width, Long.toString(t.getFlat(i)).length());
            }
            int w = width;
            body = new Layout(shape, summarize, width, i -> pad(Long.toString(t.getFlat(i)), w)).render();
        }
        return addSuffixes(PREFIX + body, suffixes);
    }

    private static String emptyBody(int[] shape, boolean showDtype, String dtypeName, List<String> suffixes) {
        if (shape.length != 1) {
            StringBuilder size = new StringBuilder("size=(");
            for (int d = 0; d < shape.length; d++) {
                size.append(d > 0 ? ", " : "").append(shape[d]);
            }
            suffixes.add(size.append(')').toString());
        }
        if (showDtype) {
            suffixes.add("dtype=" + dtypeName);
        }
        return "[]";
    }

    /** {@code _add_suffixes}: each suffix follows ", " unless the last line would pass the line width. */
    private static String addSuffixes(String text, List<String> suffixes) {
        StringBuilder sb = new StringBuilder(text);
        // NOTE: PyTorch computes len(s) - s.rfind("\n") + 1, i.e. the last line's length plus 2
        // (the +2 also holds when there is no newline, as rfind gives -1).
        int lastLineLen = text.length() - text.lastIndexOf('\n') + 1;
        int indent = PREFIX.length();
        for (String suffix : suffixes) {
            if (lastLineLen + suffix.length() + 2 > LINE_WIDTH) {
                sb.append(",\n").append(" ".repeat(indent)).append(suffix);
                lastLineLen = indent + suffix.length();
            } else {
                sb.append(", ").append(suffix);
                lastLineLen += suffix.length() + 2;
            }
        }
        return sb.append(')').toString();
    }

    /**
     * Row-major flat indices of the elements that will be printed ({@code get_summarized_data}):
     * all of them, or when summarising only the first and last {@link #EDGE_ITEMS} along every
     * dimension longer than {@code 2 * EDGE_ITEMS}.
     */
    private static int[] shownIndices(int[] shape, boolean summarize) {
        int[] strides = Shape.contiguousStrides(shape);
        List<Integer> out = new ArrayList<>();
        collect(shape, strides, 0, 0, summarize, out);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void collect(int[] shape, int[] strides, int dim, int offset, boolean summarize, List<Integer> out) {
        if (dim == shape.length) {
            out.add(offset);
            return;
        }
        for (int i : rowsShown(shape[dim], summarize)) {
            collect(shape, strides, dim + 1, offset + i * strides[dim], summarize, out);
        }
    }

    /** Indices printed along a dimension of the given size; -1 marks the {@code ...}. */
    private static int[] rowsShown(int size, boolean summarize) {
        if (!summarize || size <= 2 * EDGE_ITEMS) {
            int[] all = new int[size];
            for (int i = 0; i < size; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] edge = new int[2 * EDGE_ITEMS];
        for (int i = 0; i < EDGE_ITEMS; i++) {
            edge[i] = i;
            edge[EDGE_ITEMS + i] = size - EDGE_ITEMS + i;
        }
        return edge;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** {@code _tensor_str_with_formatter} and {@code _vector_str} over a contiguous tensor. */
    private static final class Layout {
        private final int[] shape;
        private final int[] strides;
        private final boolean summarize;
        private final int width;
        private final IntFunction<String> cell;

        Layout(int[] shape, boolean summarize, int width, IntFunction<String> cell) {
            this.shape = shape;
            this.strides = Shape.contiguousStrides(shape);
            this.summarize = summarize;
            this.width = width;
            this.cell = cell;
        }

        String render() {
            return shape.length == 0 ? cell.apply(0) : block(0, 0, PREFIX.length());
        }

        private String block(int dim, int offset, int indent) {
            int size = shape[dim];
            boolean cut = summarize && size > 2 * EDGE_ITEMS;
            if (dim == shape.length - 1) {
                return vector(offset, size, cut, indent);
            }
            List<String> slices = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                if (cut && i == EDGE_ITEMS) {
                    slices.add("...");
                    i = size - EDGE_ITEMS;
                }
                slices.add(block(dim + 1, offset + i * strides[dim], indent + 1));
            }
            String sep = "," + "\n".repeat(shape.length - dim - 1) + " ".repeat(indent + 1);
            return "[" + String.join(sep, slices) + "]";
        }

        private String vector(int offset, int size, boolean cut, int indent) {
            int elementLength = width + 2;
            int perLine = Math.max(1, Math.floorDiv(LINE_WIDTH - indent, elementLength));
            List<String> data = new ArrayList<>();
            int stride = strides[strides.length - 1];
            for (int i = 0; i < size; i++) {
                if (cut && i == EDGE_ITEMS) {
                    data.add(" ...");
                    i = size - EDGE_ITEMS;
                }
                data.add(cell.apply(offset + i * stride));
            }
            StringBuilder sb = new StringBuilder("[");
            String lineSep = ",\n" + " ".repeat(indent + 1);
            for (int i = 0; i < data.size(); i++) {
                if (i > 0) {
                    sb.append(i % perLine == 0 ? lineSep : ", ");
                }
                sb.append(data.get(i));
            }
            return sb.append(']').toString();
        }
    }

    /** PyTorch's {@code _Formatter} for a floating tensor: picks int/fixed/scientific mode and the width. */
    private static final class ElementFormat {
        private boolean intMode = true;
        private boolean sciMode;
        private int maxWidth = 1;

        static ElementFormat forFloats(double[] values) {
            ElementFormat f = new ElementFormat();
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            int count = 0;
            for (double v : values) {
                if (Double.isFinite(v) && v != 0) {
                    count++;
                    min = Math.min(min, Math.abs(v));
                    max = Math.max(max, Math.abs(v));
                    if (v != Math.ceil(v)) {
                        f.intMode = false;
                    }
                }
            }
            if (count == 0) {
                return f; // no nonzero finite value: int mode, width 1
            }
            boolean wide = max / min > 1000.0 || max > 1.0e8;
            f.sciMode = f.intMode ? wide : wide || min < 1.0e-4;
            for (double v : values) {
                if (Double.isFinite(v) && v != 0) {
                    int len;
                    if (f.sciMode) {
                        len = PyFloatFormat.scientific(v, PRECISION).length();
                    } else if (f.intMode) {
                        len = PyFloatFormat.fixed(v, 0).length() + 1;
                    } else {
                        len = PyFloatFormat.fixed(v, PRECISION).length();
                    }
                    f.maxWidth = Math.max(f.maxWidth, len);
                }
            }
            return f;
        }

        int width() {
            return maxWidth;
        }

        String format(double v) {
            String s;
            if (sciMode) {
                s = PyFloatFormat.scientific(v, PRECISION);
            } else if (intMode) {
                s = PyFloatFormat.fixed(v, 0);
                if (Double.isFinite(v)) {
                    s += ".";
                }
            } else {
                s = PyFloatFormat.fixed(v, PRECISION);
            }
            return pad(s, maxWidth);
        }
    }
}
