package org.poolact.ops;

import org.poolact.autograd.Autograd;
import org.poolact.kernels.FloatGemm;
import org.poolact.kernels.Gemm;
import org.poolact.kernels.Parallel;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;

/**
 * {@code torch.matmul} for 1-D, 2-D and batched 3-D operands. Float32 operands are multiplied in float
 * on {@link FloatGemm#selected()} (as libtorch); float64, mixed and small float32 products
 * ({@link FloatGemm#isSmall}) in double on {@link Gemm}, rounded once.
 */
public final class LinAlg {
    private LinAlg() {
    }

    /**
     * {@code a @ b}. 1-D operands are promoted to a row (left) or a column (right) and the added dim
     * is removed afterwards, as in PyTorch; 3-D operands are batched over dim 0 (sizes must match).
     * grad_fn MmBackward0 for 2-D and BmmBackward0 for 3-D (1-D cases are composed from views of mm).
     */
    public static Tensor matmul(Tensor a, Tensor b) {
        if (a.dim() == 0 || b.dim() == 0) {
            throw new IllegalArgumentException("both arguments to matmul need to be at least 1D, but they are "
                    + a.dim() + "D and " + b.dim() + "D");
        }
        if (a.dim() == 1 && b.dim() == 1) {
            Tensor r = mm(a.unsqueeze(0), b.unsqueeze(1));
            return r.reshape();
        }
        if (a.dim() == 1) {
            return mm(a.unsqueeze(0), b).squeeze(0);
        }
        if (b.dim() == 1) {
            return mm(a, b.unsqueeze(1)).squeeze(-1);
        }
        if (a.dim() == 2 && b.dim() == 2) {
            return mm(a, b);
        }
        if (a.dim() == 3 && b.dim() == 3) {
            return bmm(a, b);
        }
        throw new IllegalArgumentException("matmul: supports 1-D, 2-D and 3-D operands of equal batch, got "
                + a.dim() + "D and " + b.dim() + "D");
    }

    /** {@code torch.mm(a, b)} for 2-D a [m, k] and b [k, n]. */
    public static Tensor mm(Tensor a, Tensor b) {
        if (a.dim() != 2 || b.dim() != 2) {
            throw new IllegalArgumentException("mm: expected 2-D tensors, got " + a.dim() + "D and " + b.dim() + "D");
        }
        int m = a.size(0);
        int k = a.size(1);
        int n = b.size(1);
        if (b.size(0) != k) {
            throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + m + "x" + k + " and "
                    + b.size(0) + "x" + n + ")");
        }
        DType dt = Elementwise.promote(a, b);
        Tensor out;
        if (dt == DType.FLOAT32 && !FloatGemm.isSmall((long) m * n * k)) {
            float[] c = new float[m * n];
            FloatGemm.selected().gemmParallel(false, false, m, n, k, a.floatData(), 0, b.floatData(), 0, c, 0, false);
            out = Tensor.wrap(c, m, n);
        } else {
            double[] c = new double[m * n];
            Gemm.gemm(false, false, m, n, k, a.toDoubleArray(), 0, b.toDoubleArray(), 0, c, 0, false);
            out = Tensor.fromDoubles(c, dt, m, n);
        }
        return Autograd.record(out, "MmBackward0", g -> new Tensor[] {
            a.requiresGrad() ? mm(g, b.detach().t()).to(a.dtype()) : null,
            b.requiresGrad() ? mm(a.detach().t(), g).to(b.dtype()) : null}, a, b);
    }

    /** {@code torch.bmm(a, b)} for 3-D a [B, m, k] and b [B, k, n]. */
    public static Tensor bmm(Tensor a, Tensor b) {
        int bs = a.size(0);
        int m = a.size(1);
        int k = a.size(2);
        int n = b.size(2);
        if (b.size(0) != bs || b.size(1) != k) {
            throw new IllegalArgumentException("bmm: expected b of shape [" + bs + ", " + k + ", *], got "
                    + java.util.Arrays.toString(b.shape()));
        }
        Tensor out;
        if (Elementwise.promote(a, b) == DType.FLOAT32 && !FloatGemm.isSmall((long) bs * m * n * k)) {
            float[] af = a.floatData();
            float[] bf = b.floatData();
            float[] c = new float[bs * m * n];
            FloatGemm gemm = FloatGemm.selected();
            Parallel.forChunks(bs, Parallel.chunks(bs, 1), (from, to, chunk) -> {
                for (int i = from; i < to; i++) {
                    gemm.gemm(false, false, m, n, k, af, i * m * k, bf, i * k * n, c, i * m * n, false);
                }
            });
            out = Tensor.wrap(c, bs, m, n);
        } else {
            double[] ad = a.toDoubleArray();
            double[] bd = b.toDoubleArray();
            double[] c = new double[bs * m * n];
            for (int i = 0; i < bs; i++) {
                Gemm.gemm(false, false, m, n, k, ad, i * m * k, bd, i * k * n, c, i * m * n, false);
            }
            out = Tensor.fromDoubles(c, Elementwise.promote(a, b), bs, m, n);
        }
        return Autograd.record(out, "BmmBackward0", g -> new Tensor[] {
            a.requiresGrad() ? bmm(g, b.detach().transpose(1, 2)).to(a.dtype()) : null,
            b.requiresGrad() ? bmm(a.detach().transpose(1, 2), g).to(b.dtype()) : null}, a, b);
    }
}
