package org.poolact.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads back the text PyTorch prints for a float tensor ({@code repr(tensor)}), e.g.
 * <pre>
 * tensor([[[[0.0000, 0.3404],
 *           [0.1204, 0.0000]]]], grad_fn=&lt;ReluBackward0&gt;)
 * </pre>
 * Accepted: any line breaks and spaces between tokens; numbers as Python writes floats ({@code 1.},
 * {@code -0.0000}, {@code 1.2346e-05}, {@code 3}) and {@code nan}, {@code inf}, {@code -inf}; a 0-d
 * tensor {@code tensor(3.)}; empty tensors ({@code tensor([])}, {@code tensor([], size=(0, 3))});
 * the suffixes {@code dtype=torch.float32|torch.float64}, {@code grad_fn=<Name>},
 * {@code requires_grad=True|False} and {@code size=(...)}. An optional leading
 * {@code Parameter containing:} line is skipped. The result is float32 unless the text says
 * {@code dtype=torch.float64}; each number is rounded once, from its decimal text, to that dtype.
 *
 * <p>Rejected with an {@link IllegalArgumentException} whose message starts with
 * {@code line L, column C:} (1-based, at the offending token): malformed text
 * ({@code expected X, got Y}), ragged nesting ({@code ragged tensor: expected 5 elements in this
 * row, got 4}), summarised text containing {@code ...} (its hidden values are gone), other dtypes,
 * and a {@code size=} that disagrees with the values.
 */
public final class TensorText {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    /**
     * What the text said: the values, and the autograd suffix PyTorch printed (informational; the
     * returned tensor is always a fresh leaf that does not require grad).
     *
     * @param tensor       the values, float32 or float64
     * @param gradFn       the name inside {@code grad_fn=<...>}, or {@code null}
     * @param requiresGrad whether the text had a {@code grad_fn} or {@code requires_grad=True}
     */
    public record Parsed(Tensor tensor, String gradFn, boolean requiresGrad) {
    }

    private final String text;
    private int pos;
    /** Length of the lists at each depth, set by the first list of that depth to close. */
    private final List<Integer> rowLengths = new ArrayList<>();
    /** Depth at which numbers sit, -1 until the first number. */
    private int leafDepth = -1;
    private final List<String> numbers = new ArrayList<>();
    private final List<Integer> numberStarts = new ArrayList<>();

    private TensorText(String text) {
        this.text = text;
    }

    /** Parses PyTorch's printed form of a float tensor into a tensor (float32 unless {@code dtype=torch.float64}). */
    public static Tensor parse(String text) {
        return parseFull(text).tensor();
    }

    /** Like {@link #parse}, also returning the autograd suffix the text carried. */
    public static Parsed parseFull(String text) {
        if (text == null) {
            throw new IllegalArgumentException("TensorText.parse: expected tensor text, got null");
        }
        return new TensorText(text).document();
    }

    // ------------------------------------------------------------------ grammar

    private Parsed document() {
        skipSpace();
        if (text.startsWith("Parameter containing:", pos)) {
            pos += "Parameter containing:".length();
            skipSpace();
        }
        expectWord("tensor(");
        skipSpace();
        int valueStart = pos;
        boolean scalar = peek() != '[';
        if (scalar) {
            number();
        } else {
            list(0);
        }
        int[] shape = scalar ? new int[0] : valueShape();
        DType dtype = DType.FLOAT32;
        String gradFn = null;
        boolean requiresGrad = false;
        int[] size = null;
        int sizeAt = -1;
        skipSpace();
        while (peek() != ')') {
            if (peek() != ',') {
                throw error(pos, "expected ',' or ')', got " + describe(pos));
            }
            pos++;
            skipSpace();
            int keyAt = pos;
            String key = identifier();
            expectChar('=');
            switch (key) {
                case "dtype" -> dtype = dtypeValue();
                case "grad_fn" -> {
                    expectChar('<');
                    gradFn = identifier();
                    expectChar('>');
                    requiresGrad = true;
                }
                case "requires_grad" -> {
                    int at = pos;
                    String flag = identifier();
                    if (!flag.equals("True") && !flag.equals("False")) {
                        throw error(at, "expected True or False, got '" + flag + "'");
                    }
                    requiresGrad |= flag.equals("True");
                }
                case "size" -> {
                    sizeAt = keyAt;
                    size = sizeValue();
                }
                default -> throw error(keyAt,
                        "expected one of dtype, grad_fn, requires_grad, size, got '" + key + "'");
            }
            skipSpace();
        }
        pos++;
        skipSpace();
        if (pos < text.length()) {
            throw error(pos, "expected end of input, got " + describe(pos));
        }
        if (size != null) {
            boolean emptyValues = !scalar && numbers.isEmpty();
            if (emptyValues ? Shape.numel(size) != 0 : !Arrays.equals(size, shape)) {
                throw error(sizeAt, "expected size=" + Shape.str(shape).replace('[', '(').replace(']', ')')
                        + " to match the values, got size=" + Shape.str(size).replace('[', '(').replace(']', ')'));
            }
            shape = size;
        }
        return new Parsed(build(dtype, shape, valueStart), gradFn, requiresGrad);
    }

    private void list(int depth) {
        int open = pos;
        expectChar('[');
        if (leafDepth >= 0 && depth >= leafDepth) {
            throw error(open, "ragged tensor: expected a number, got '['");
        }
        skipSpace();
        int count = 0;
        while (peek() != ']') {
            if (count > 0) {
                if (peek() != ',') {
                    throw error(pos, "expected ',' or ']', got " + describe(pos));
                }
                pos++;
                skipSpace();
            }
            if (text.startsWith("...", pos)) {
                throw summarised(pos);
            }
            if (peek() == '[') {
                list(depth + 1);
            } else {
                if (leafDepth < 0) {
                    leafDepth = depth + 1;
                } else if (leafDepth != depth + 1) {
                    throw error(pos, "ragged tensor: expected a row ('['), got " + describe(pos));
                }
                number();
            }
            count++;
            skipSpace();
        }
        pos++;
        if (rowLengths.size() <= depth) {
            while (rowLengths.size() < depth) {
                rowLengths.add(-1);
            }
            rowLengths.add(count);
        } else if (rowLengths.get(depth) == -1) {
            rowLengths.set(depth, count);
        } else if (rowLengths.get(depth) != count) {
            throw error(open, "ragged tensor: expected " + rowLengths.get(depth) + " elements in this row, got " + count);
        }
    }

    private void number() {
        int start = pos;
        if (text.startsWith("...", pos)) {
            throw summarised(pos);
        }
        while (pos < text.length() && !isDelimiter(text.charAt(pos))) {
            pos++;
        }
        String token = text.substring(start, pos);
        if (!NUMBER.matcher(token).matches() && !NON_FINITE.matcher(token).matches()) {
            throw error(start, "expected a number, got " + (token.isEmpty() ? describe(start) : "'" + token + "'"));
        }
        numbers.add(token);
        numberStarts.add(start);
    }

    private IllegalArgumentException summarised(int at) {
        return error(at, "expected a number, got '...': PyTorch summarised this tensor (more than "
                + TensorPrinter.THRESHOLD + " elements) and the hidden values are lost; print it in full with"
                + " torch.set_printoptions(profile='full') and parse that");
    }

    private DType dtypeValue() {
        int at = pos;
        while (pos < text.length() && !isDelimiter(text.charAt(pos))) {
            pos++;
        }
        String name = text.substring(at, pos);
        for (DType d : DType.values()) {
            if (d.torchName().equals(name)) {
                return d;
            }
        }
        throw error(at, "expected dtype torch.float32 or torch.float64, got '" + name + "'");
    }

    private int[] sizeValue() {
        expectChar('(');
        List<Integer> sizes = new ArrayList<>();
        skipSpace();
        while (peek() != ')') {
            if (!sizes.isEmpty()) {
                expectChar(',');
                skipSpace();
                if (peek() == ')') {
                    break; // Python's one-element tuple: (0,)
                }
            }
            int at = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (at == pos) {
                throw error(at, "expected a size, got " + describe(at));
            }
            try {
                sizes.add(Integer.parseInt(text.substring(at, pos)));
            } catch (NumberFormatException e) {
                throw error(at, "expected a size below 2^31, got '" + text.substring(at, pos) + "'");
            }
            skipSpace();
        }
        pos++;
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    private int[] valueShape() {
        int depth = leafDepth >= 0 ? leafDepth : rowLengths.size();
        int[] shape = new int[depth];
        for (int d = 0; d < depth; d++) {
            shape[d] = d < rowLengths.size() ? rowLengths.get(d) : 0;
        }
        return shape;
    }

    private Tensor build(DType dtype, int[] shape, int valueStart) {
        if (Shape.numel(shape) != numbers.size()) {
            throw error(valueStart, "expected " + Shape.numel(shape) + " values for shape " + Shape.str(shape)
                    + ", got " + numbers.size());
        }
        Tensor t = Tensor.empty(dtype, shape);
        for (int i = 0; i < numbers.size(); i++) {
            String s = numbers.get(i);
            if (dtype == DType.FLOAT32) {
                t.floatData()[i] = NUMBER.matcher(s).matches() ? Float.parseFloat(s) : (float) nonFinite(s);
            } else {
                t.doubleData()[i] = NUMBER.matcher(s).matches() ? Double.parseDouble(s) : nonFinite(s);
            }
        }
        return t;
    }

    private static double nonFinite(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.endsWith("nan")) {
            return Double.NaN;
        }
        return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    // ------------------------------------------------------------------ lexing helpers

    private String identifier() {
        int at = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (at == pos) {
            throw error(at, "expected a name, got " + describe(at));
        }
        return text.substring(at, pos);
    }

    private void expectWord(String word) {
        if (!text.startsWith(word, pos)) {
            throw error(pos, "expected '" + word + "', got " + describe(pos));
        }
        pos += word.length();
    }

    private void expectChar(char c) {
        if (peek() != c) {
            throw error(pos, "expected '" + c + "', got " + describe(pos));
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isDelimiter(char c) {
        return c == ',' || c == '[' || c == ']' || c == '(' || c == ')' || c == '<' || c == '>' || c == '='
                || Character.isWhitespace(c);
    }

    /** The token at {@code at}, quoted, or "end of input". */
    private String describe(int at) {
        if (at >= text.length()) {
            return "end of input";
        }
        int end = at;
        while (end < text.length() && !isDelimiter(text.charAt(end)) && end - at < 20) {
            end++;
        }
        return "'" + (end == at ? String.valueOf(text.charAt(at)) : text.substring(at, end)) + "'";
    }

    private IllegalArgumentException error(int at, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(at, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new IllegalArgumentException("line " + line + ", column " + (at - lineStart + 1) + ": " + message);
    }
}
