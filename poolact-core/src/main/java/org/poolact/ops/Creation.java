package org.poolact.ops;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.poolact.tensor.DType;
import org.poolact.tensor.Shape;
import org.poolact.tensor.Tensor;

/** Creation ops: {@code torch.full}, {@code torch.arange}, {@code torch.tensor}. */
public final class Creation {
    private Creation() {
    }

    /** {@code torch.full(shape, value, dtype=dtype)}. */
    public static Tensor full(double value, DType dtype, int... shape) {
        Tensor t = Tensor.empty(dtype, shape);
        if (t.floatData() != null) {
            Arrays.fill(t.floatData(), (float) value);
        } else {
            Arrays.fill(t.doubleData(), value);
        }
        return t;
    }

    /**
     * {@code torch.arange(start, end, step)}: ceil((end-start)/step) values start + i*step.
     */
    public static Tensor arange(double start, double end, double step, DType dtype) {
        if (step == 0 || !Double.isFinite(step)) {
            throw new IllegalArgumentException("arange: step must be nonzero and finite, got " + step);
        }
        if ((end - start) / step < 0) {
            throw new IllegalArgumentException("arange: upper bound and larger bound inconsistent with step sign "
                    + "(start " + start + ", end " + end + ", step " + step + ")");
        }
        int n = (int) Math.ceil((end - start) / step);
        Tensor t = Tensor.empty(dtype, n);
        for (int i = 0; i < n; i++) {
            t.setFlat(i, start + i * step);
        }
        return t;
    }

    /**
     * {@code torch.tensor(nested)}: walks a nested Java array (any rank; leaves float, double, int,
     * long or their boxes) and checks that it is rectangular.
     *
     * @param dtype the dtype, or null to infer: float64 for double leaves, float32 otherwise
     */
    public static Tensor fromArray(Object nested, DType dtype) {
        if (nested == null) {
            throw new IllegalArgumentException("fromArray: expected a nested array, got null");
        }
        List<Integer> shapeList = new ArrayList<>();
        Object cur = nested;
        while (cur != null && cur.getClass().isArray()) {
            int len = Array.getLength(cur);
            shapeList.add(len);
            cur = len > 0 ? Array.get(cur, 0) : null;
            if (len == 0) {
                break;
            }
        }
        if (shapeList.isEmpty()) {
            if (!(nested instanceof Number)) {
                throw new IllegalArgumentException("fromArray: expected a number or nested array, got "
                        + nested.getClass().getSimpleName());
            }
            return Tensor.scalar(((Number) nested).doubleValue(), dtype == null ? inferLeaf(nested) : dtype);
        }
        int[] shape = shapeList.stream().mapToInt(Integer::intValue).toArray();
        Class<?> leaf = nested.getClass();
        while (leaf.isArray()) {
            leaf = leaf.getComponentType();
        }
        DType dt = dtype != null ? dtype : (leaf == double.class || leaf == Double.class ? DType.FLOAT64 : DType.FLOAT32);
        Tensor t = Tensor.empty(dt, shape);
        int[] pos = {0};
        fill(nested, 0, shape, t, pos, new int[shape.length]);
        return t;
    }

    private static DType inferLeaf(Object leaf) {
        return leaf instanceof Double ? DType.FLOAT64 : DType.FLOAT32;
    }

    private static void fill(Object arr, int depth, int[] shape, Tensor t, int[] pos, int[] where) {
        if (depth == shape.length) {
            if (arr == null || arr.getClass().isArray() || !(arr instanceof Number)) {
                throw new IllegalArgumentException("fromArray: expected a number at " + Arrays.toString(where)
                        + ", got " + (arr == null ? "null" : arr.getClass().getSimpleName()));
            }
            t.setFlat(pos[0]++, ((Number) arr).doubleValue());
            return;
        }
        if (arr == null || !arr.getClass().isArray()) {
            throw new IllegalArgumentException("fromArray: ragged nested array: expected a sequence of length "
                    + shape[depth] + " at depth " + depth + ", got " + (arr == null ? "null" : "a number"));
        }
        int len = Array.getLength(arr);
        if (len != shape[depth]) {
            throw new IllegalArgumentException("fromArray: ragged nested array: expected sequence of length "
                    + shape[depth] + " at dim " + depth + " (got " + len + ")");
        }
        for (int i = 0; i < len; i++) {
            where[depth] = i;
            fill(Array.get(arr, i), depth + 1, shape, t, pos, where);
        }
    }

    /** Checks a shape argument: every size must be positive, naming the op and parameter in the message. */
    public static void checkPositive(String op, String param, int... values) {
        for (int v : values) {
            if (v <= 0) {
                throw new IllegalArgumentException(op + ": " + param + " must be greater than zero, but got "
                        + Shape.str(values));
            }
        }
    }
}
