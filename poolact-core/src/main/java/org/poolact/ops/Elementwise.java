package org.poolact.ops;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import org.poolact.autograd.Autograd;
import org.poolact.tensor.DType;
import org.poolact.tensor.Shape;
import org.poolact.tensor.Tensor;

/**
 * Element-wise ops with NumPy/PyTorch broadcasting. Values are computed in double and rounded once to
 * the output dtype; for +, -, *, / this equals the float32 IEEE result exactly (double has more
 * than 2p+2 bits), and for transcendental functions it is within one ulp of libtorch.
 */
public final class Elementwise {
    private Elementwise() {
    }

    /** The result dtype of a binary op: float64 if either side is (PyTorch's type promotion). */
    public static DType promote(Tensor a, Tensor b) {
        return a.dtype() == DType.FLOAT64 || b.dtype() == DType.FLOAT64 ? DType.FLOAT64 : DType.FLOAT32;
    }

    /**
     * Applies {@code f} to every element: the building block for unary ops and activations.
     * Each element's result depends on its value alone, never on its position.
     */
    public static Tensor map(Tensor x, DoubleUnaryOperator f) {
        Tensor out = Tensor.empty(x.dtype(), x.shape());
        if (x.floatData() != null) {
            float[] a = x.floatData();
            float[] o = out.floatData();
            for (int i = 0; i < a.length; i++) {
                o[i] = (float) f.applyAsDouble(a[i]);
            }
        } else {
            double[] a = x.doubleData();
            double[] o = out.doubleData();
            for (int i = 0; i < a.length; i++) {
                o[i] = f.applyAsDouble(a[i]);
            }
        }
        return out;
    }

    /** Applies {@code f(a[i], b[i])} over two same-shape tensors into a tensor of dtype {@code dt}. */
    public static Tensor zip(Tensor a, Tensor b, DType dt, DoubleBinaryOperator f) {
        int[] shape = Shape.broadcast(a.shape(), b.shape());
        Tensor out = Tensor.empty(dt, shape);
        int n = out.numel();
        if (Arrays.equals(a.shape(), b.shape())) {
            float[] af = a.floatData();
            float[] bf = b.floatData();
            float[] of = out.floatData();
            if (af != null && bf != null && of != null) {
                for (int i = 0; i < n; i++) {
                    of[i] = (float) f.applyAsDouble(af[i], bf[i]);
                }
                return out;
            }
            for (int i = 0; i < n; i++) {
                out.setFlat(i, f.applyAsDouble(a.getFlat(i), b.getFlat(i)));
            }
            return out;
        }
        int[] sa = broadcastStrides(a.shape(), shape);
        int[] sb = broadcastStrides(b.shape(), shape);
        int rank = shape.length;
        int[] idx = new int[rank];
        int ia = 0;
        int ib = 0;
        for (int i = 0; i < n; i++) {
            out.setFlat(i, f.applyAsDouble(a.getFlat(ia), b.getFlat(ib)));
            for (int d = rank - 1; d >= 0; d--) {
                idx[d]++;
                ia += sa[d];
                ib += sb[d];
                if (idx[d] < shape[d]) {
                    break;
                }
                ia -= sa[d] * shape[d];
                ib -= sb[d] * shape[d];
                idx[d] = 0;
            }
        }
        return out;
    }

    /** Strides to read a tensor of shape {@code from} as if broadcast to {@code to} (0 on broadcast dims). */
    public static int[] broadcastStrides(int[] from, int[] to) {
        int[] st = Shape.contiguousStrides(from);
        int[] out = new int[to.length];
        int off = to.length - from.length;
        for (int d = 0; d < from.length; d++) {
            out[d + off] = from[d] == 1 && to[d + off] != 1 ? 0 : st[d];
        }
        return out;
    }

    /**
     * Same-shape float32 {@code a + b} or {@code a * b} in one plain loop (the hot path of gradient
     * accumulation); null when the operands do not qualify. Float add/multiply are exactly the
     * double operation rounded once, so this equals {@link #zip} bit for bit.
     */
    private static Tensor sameShapeFloat(Tensor a, Tensor b, boolean multiply) {
        float[] af = a.floatData();
        float[] bf = b.floatData();
        if (af == null || bf == null || !Arrays.equals(a.shape(), b.shape())) {
            return null;
        }
        float[] o = new float[af.length];
        if (multiply) {
            for (int i = 0; i < o.length; i++) {
                o[i] = af[i] * bf[i];
            }
        } else {
            for (int i = 0; i < o.length; i++) {
                o[i] = af[i] + bf[i];
            }
        }
        return Tensor.wrap(o, a.shape());
    }

    /** {@code a + b}. */
    public static Tensor add(Tensor a, Tensor b) {
        Tensor fast = sameShapeFloat(a, b, false);
        Tensor out = fast != null ? fast : zip(a, b, promote(a, b), Double::sum);
        return Autograd.record(out, "AddBackward0",
                g -> new Tensor[] {Movement.sumToShape(g, a.shape()).to(a.dtype()),
                    Movement.sumToShape(g, b.shape()).to(b.dtype())}, a, b);
    }

    /** {@code a - b}. */
    public static Tensor sub(Tensor a, Tensor b) {
        Tensor out = zip(a, b, promote(a, b), (x, y) -> x - y);
        return Autograd.record(out, "SubBackward0",
                g -> new Tensor[] {Movement.sumToShape(g, a.shape()).to(a.dtype()),
                    Movement.sumToShape(mulScalar(g, -1), b.shape()).to(b.dtype())}, a, b);
    }

    /** {@code a * b}. */
    public static Tensor mul(Tensor a, Tensor b) {
        Tensor fast = sameShapeFloat(a, b, true);
        Tensor out = fast != null ? fast : zip(a, b, promote(a, b), (x, y) -> x * y);
        return Autograd.record(out, "MulBackward0",
                g -> new Tensor[] {Movement.sumToShape(mul(g, b), a.shape()).to(a.dtype()),
                    Movement.sumToShape(mul(g, a), b.shape()).to(b.dtype())}, a, b);
    }

    /** {@code a / b}. */
    public static Tensor div(Tensor a, Tensor b) {
        Tensor out = zip(a, b, promote(a, b), (x, y) -> x / y);
        return Autograd.record(out, "DivBackward0",
                g -> new Tensor[] {Movement.sumToShape(div(g, b), a.shape()).to(a.dtype()),
                    Movement.sumToShape(mul(g, zip(a, b, promote(a, b), (x, y) -> -x / (y * y))), b.shape())
                            .to(b.dtype())}, a, b);
    }

    /** {@code x + c}. */
    public static Tensor addScalar(Tensor x, double c) {
        return Autograd.record(map(x, v -> v + c), "AddBackward1", g -> new Tensor[] {g}, x);
    }

    /** {@code x * c}. */
    public static Tensor mulScalar(Tensor x, double c) {
        return Autograd.record(map(x, v -> v * c), "MulBackward1", g -> new Tensor[] {mulScalar(g, c)}, x);
    }

    /** {@code x / c}. */
    public static Tensor divScalar(Tensor x, double c) {
        return Autograd.record(map(x, v -> v / c), "DivBackward1", g -> new Tensor[] {divScalar(g, c)}, x);
    }

    /** {@code torch.exp}. */
    public static Tensor exp(Tensor x) {
        Tensor out = map(x, Math::exp);
        return Autograd.record(out, "ExpBackward0", g -> new Tensor[] {mul(g, out.detach())}, x);
    }

    /** {@code torch.log}. */
    public static Tensor log(Tensor x) {
        return Autograd.record(map(x, Math::log), "LogBackward0", g -> new Tensor[] {div(g, x.detach())}, x);
    }

    /** {@code torch.sqrt}. */
    public static Tensor sqrt(Tensor x) {
        Tensor out = map(x, Math::sqrt);
        return Autograd.record(out, "SqrtBackward0",
                g -> new Tensor[] {div(g, mulScalar(out.detach(), 2))}, x);
    }

    /** {@code torch.abs}; d/dx = sign(x), 0 at 0 like PyTorch. */
    public static Tensor abs(Tensor x) {
        return Autograd.record(map(x, Math::abs), "AbsBackward0",
                g -> new Tensor[] {mul(g, map(x.detach(), Math::signum))}, x);
    }

    /** {@code x ** p}; d/dx = p * x^(p-1). */
    public static Tensor pow(Tensor x, double p) {
        return Autograd.record(map(x, v -> Math.pow(v, p)), "PowBackward0",
                g -> new Tensor[] {mul(g, map(x.detach(), v -> p == 0 ? 0 : p * Math.pow(v, p - 1)))}, x);
    }

    /** A copy with new storage: {@code tensor.clone()}. */
    public static Tensor cloneOf(Tensor x) {
        Tensor out = Tensor.empty(x.dtype(), x.shape());
        if (x.floatData() != null) {
            System.arraycopy(x.floatData(), 0, out.floatData(), 0, x.numel());
        } else {
            System.arraycopy(x.doubleData(), 0, out.doubleData(), 0, x.numel());
        }
        return Autograd.record(out, "CloneBackward0", g -> new Tensor[] {g}, x);
    }

    /** {@code tensor.to(dtype)}. */
    public static Tensor toDType(Tensor x, DType target) {
        if (x.dtype() == target) {
            return x;
        }
        Tensor out = Tensor.empty(target, x.shape());
        for (int i = 0; i < x.numel(); i++) {
            out.setFlat(i, x.getFlat(i));
        }
        DType source = x.dtype();
        return Autograd.record(out, "ToCopyBackward0", g -> new Tensor[] {toDType(g, source)}, x);
    }
}
