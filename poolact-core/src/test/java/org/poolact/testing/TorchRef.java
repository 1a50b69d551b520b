package org.poolact.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.function.Function;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;

import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;

/**
 * The PyTorch reference for tests: libtorch 2.7.1 through DJL's PyTorch engine (offline).
 * One manager per test class; use {@link #sub()} for per-case scopes so intermediates are freed.
 */
public final class TorchRef {
    private static NDManager root;

    private TorchRef() {
    }

    /** The shared root manager on the PyTorch engine. */
    public static synchronized NDManager manager() {
        if (root == null) {
            System.setProperty("ai.djl.offline", "true");
            root = Engine.getEngine("PyTorch").newBaseManager();
        }
        return root;
    }

    /** A sub-manager to close after one case. */
    public static NDManager sub() {
        return manager().newSubManager();
    }

    /** Our tensor as an NDArray of the same dtype and shape, in {@code m}. */
    public static NDArray toNd(NDManager m, Tensor t) {
        ai.djl.ndarray.types.Shape s = new ai.djl.ndarray.types.Shape(Arrays.stream(t.shape()).asLongStream().toArray());
        if (t.dtype() == DType.FLOAT32) {
            return m.create(t.toFloatArray(), s);
        }
        return m.create(t.toDoubleArray(), s);
    }

    /**
     * The number {@code v} as a 0-d float64 tensor in {@code like}'s manager, in memory libtorch owns.
     * Use it instead of DJL's {@code mul(Number)}, {@code div(Number)}, {@code pow(Number)} in a graph
     * that is differentiated: same values and dtype promotion.
     * NOTE: DJL turns the number into a tensor over a Java direct buffer and closes it right after the
     * op, but libtorch's autograd keeps that tensor for the backward pass (mul, div and pow save the
     * other operand). Once the JVM frees the buffer, the backward reads reused memory: about 1 run in 5
     * of a busy suite got garbage reference gradients (1e-309, 0, NaN) that way.
     */
    public static NDArray num(NDArray like, double v) {
        try (NDArray onJavaMemory = like.getManager().create(v)) {
            return onJavaMemory.duplicate();
        }
    }

    /** An NDArray as our tensor (float32 or float64). */
    public static Tensor fromNd(NDArray a) {
        int[] shape = Arrays.stream(a.getShape().getShape()).mapToInt(l -> (int) l).toArray();
        if (a.getDataType() == DataType.FLOAT64) {
            return Tensor.wrap(a.toDoubleArray(), shape);
        }
        return Tensor.wrap(a.toType(DataType.FLOAT32, false).toFloatArray(), shape);
    }

    /** A gradient collector on the PyTorch engine: {@code try (var gc = TorchRef.gradients()) { gc.backward(y); }}. */
    public static GradientCollector gradients() {
        return Engine.getEngine("PyTorch").newGradientCollector();
    }

    /**
     * Asserts same shape and max |ours - ref| <= tol * max(1, max |ref|) (error relative to scale).
     *
     * @return the scaled max error, for reporting
     */
    public static double assertClose(String what, Tensor ours, NDArray ref, double tol) {
        return assertClose(what, ours, fromNd(ref), tol);
    }

    /** As {@link #assertClose(String, Tensor, NDArray, double)} for two of our tensors. */
    public static double assertClose(String what, Tensor ours, Tensor ref, double tol) {
        assertArrayEquals(ref.shape(), ours.shape(), what + ": shape");
        double scale = 1;
        for (int i = 0; i < ref.numel(); i++) {
            double r = ref.getFlat(i);
            if (Double.isFinite(r)) {
                scale = Math.max(scale, Math.abs(r));
            }
        }
        double worst = 0;
        for (int i = 0; i < ref.numel(); i++) {
            double r = ref.getFlat(i);
            double o = ours.getFlat(i);
            if (Double.isNaN(r) || Double.isNaN(o)) {
                if (Double.isNaN(r) != Double.isNaN(o)) {
                    fail(what + ": NaN mismatch at flat index " + i + ": ours " + o + ", torch " + r);
                }
                continue;
            }
            if (Double.isInfinite(r) || Double.isInfinite(o)) {
                if (r != o) {
                    fail(what + ": infinity mismatch at flat index " + i + ": ours " + o + ", torch " + r);
                }
                continue;
            }
            double err = Math.abs(o - r) / scale;
            worst = Math.max(worst, err);
            if (err > tol) {
                fail(what + ": at flat index " + i + " ours " + o + ", torch " + r + " (scaled error " + err
                        + " > " + tol + ")");
            }
        }
        ReferenceStats.record(what, worst);
        return worst;
    }

    /**
     * Runs backward of our output {@code y} under the upstream gradient {@code gOut}, then the same in
     * libtorch ({@code torchOp} applied to copies of {@code leaves}, null leaves passed as null), and
     * compares the forward and the gradient of every non-null leaf (named input, weight, bias).
     */
    public static void compareWithTorch(String name, Tensor y, Tensor gOut, Tensor[] leaves,
                                        Function<NDArray[], NDArray> torchOp, double tol) {
        String[] labels = {"input", "weight", "bias"};
        y.backward(gOut);
        try (NDManager m = sub()) {
            NDArray[] nd = new NDArray[leaves.length];
            for (int i = 0; i < leaves.length; i++) {
                if (leaves[i] != null) {
                    nd[i] = toNd(m, leaves[i]);
                    nd[i].setRequiresGradient(true);
                }
            }
            try (GradientCollector gc = gradients()) {
                NDArray ty = torchOp.apply(nd);
                assertClose(name + " forward", y, ty, tol);
                gc.backward(ty.mul(toNd(m, gOut)).sum());
            }
            for (int i = 0; i < leaves.length; i++) {
                if (leaves[i] != null) {
                    assertClose(name + " grad " + labels[i], leaves[i].grad(), nd[i].getGradient(), tol);
                }
            }
        }
    }

}
