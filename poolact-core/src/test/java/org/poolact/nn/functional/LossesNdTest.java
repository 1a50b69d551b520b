package org.poolact.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.Test;
import org.poolact.tensor.DType;
import org.poolact.tensor.IndexTensor;
import org.poolact.tensor.Tensor;
import org.poolact.testing.GradCheck;
import org.poolact.testing.RandomTensors;
import org.poolact.testing.TorchRef;

/**
 * nll_loss / cross_entropy beyond [N, C]: ranks 1-5, class weights, ignore_index (default and a
 * valid class), label smoothing, class-probability targets; float32 and float64, against libtorch.
 * DJL has no nll_loss, so the reference is composed from torch ops: a mask of the input's shape
 * holding w[t] at (n, t, d...) (0 at ignored targets) gives {@code nll = -sum_c(x * mask)}; MEAN
 * divides by the mask's sum (PyTorch's sum of w[t] over counted targets). Label smoothing and soft
 * targets follow PyTorch's formulas (torch.nn.CrossEntropyLoss docs) on libtorch's log_softmax.
 */
class LossesNdTest {
    private static final int[][] SHAPES = {{5}, {4, 3}, {2, 3, 4}, {2, 3, 3, 2}, {2, 3, 2, 1, 2}};
    private static final double[] SMOOTHING = {0.0, 0.1, 0.3};

    /** Which targets are ignored: none, some at the default -100, or ignoreIndex = 1 (a real class). */
    private enum Ignore { NONE, DEFAULT, CLASS_ONE }

    private static int[] targetShape(int[] s) {
        if (s.length == 1) {
            return new int[0];
        }
        int[] t = new int[s.length - 1];
        t[0] = s[0];
        System.arraycopy(s, 2, t, 1, s.length - 2);
        return t;
    }

    private static int spatial(int[] s) {
        int p = 1;
        for (int i = 2; i < s.length; i++) {
            p *= s[i];
        }
        return p;
    }

    private record Case(Tensor x, IndexTensor target, LossOptions options, Tensor up, String what) {
    }

    private static Case indexCase(int[] s, DType dt, Reduction r, Ignore ig, boolean weighted, double ls, long seed) {
        int c = s.length == 1 ? s[0] : s[1];
        int[] ts = targetShape(s);
        int numel = Arrays.stream(ts).reduce(1, (a, b) -> a * b);
        int[] t = RandomTensors.classes(seed, numel, c);
        LossOptions o = LossOptions.defaults().reduction(r).labelSmoothing(ls);
        if (ig == Ignore.DEFAULT) {
            t[0] = Losses.IGNORE_INDEX;
            t[numel - 1] = Losses.IGNORE_INDEX;
        } else if (ig == Ignore.CLASS_ONE) {
            o = o.ignoreIndex(1);
            t[0] = 1;
        }
        if (weighted) {
            o = o.weight(RandomTensors.uniform(seed + 1, dt, 0.2, 2.0, c));
        }
        Tensor x = RandomTensors.normal(seed + 2, dt, 2.0, -0.5, s).requiresGrad(true);
        Tensor up = r == Reduction.NONE ? RandomTensors.normal(seed + 3, dt, 1.0, 0.0, ts) : Tensor.scalar(1.7, dt);
        String what = Arrays.toString(s) + " " + dt + " " + r + " ignore=" + ig + " weight=" + weighted + " ls=" + ls;
        return new Case(x, new IndexTensor(Arrays.stream(t).asLongStream().toArray(), ts), o, up, what);
    }

    /** w[t] at (n, t, d...) for counted targets, else 0; the input's shape. */
    private static Tensor mask(Case k) {
        int[] s = k.x.shape();
        int c = s.length == 1 ? s[0] : s[1];
        int sp = spatial(s);
        Tensor m = Tensor.zeros(k.x.dtype(), s);
        for (int i = 0; i < k.target.numel(); i++) {
            long t = k.target.getFlat(i);
            if (t != k.options.ignoreIndex()) {
                int n = i / sp;
                int p = i % sp;
                m.setFlat((n * c + (int) t) * sp + p, k.options.weight() == null ? 1 : k.options.weight().getFlat((int) t));
            }
        }
        return m;
    }

    private static Tensor keep(Case k) {
        Tensor m = Tensor.zeros(k.x.dtype(), k.target.shape());
        for (int i = 0; i < k.target.numel(); i++) {
            m.setFlat(i, k.target.getFlat(i) == k.options.ignoreIndex() ? 0 : 1);
        }
        return m;
    }

    /** The weight as [1, C, 1, ...] (ones without weight). */
    private static Tensor weightView(Tensor x, Tensor weight) {
        int classDim = x.dim() == 1 ? 0 : 1;
        int[] vs = new int[x.dim()];
        Arrays.fill(vs, 1);
        vs[classDim] = x.size(classDim);
        return weight == null ? Tensor.ones(x.dtype(), vs) : weight.reshape(vs);
    }

    /**
     * A scalar operand in libtorch-owned memory. NOTE: DJL's {@code mul(Number)} wraps the number in a
     * temporary array over Java memory that is closed right after the op, while libtorch's autograd
     * keeps it for backward: reference gradients then read freed memory (seen here as 1e-309 values).
     */
    private static NDArray scalar(NDManager m, double v, DType dt) {
        return TorchRef.toNd(m, Tensor.scalar(v, dt));
    }

    private static NDArray reduce(NDArray v, Reduction r, NDArray divisor) {
        return switch (r) {
            case NONE -> v;
            case SUM -> v.sum();
            case MEAN -> v.sum().div(divisor);
        };
    }

    private static String nllGradFn(int dim, Reduction r) {
        if (dim <= 2) {
            return "NllLossBackward0";
        }
        return r == Reduction.NONE && dim != 4 ? "ViewBackward0" : "NllLoss2DBackward0";
    }

    private static double tol(DType dt) {
        return dt == DType.FLOAT32 ? 1e-6 : 1e-11;
    }

    @Test
    void nllLossNdMatchesTorch() {
        sweepIndex(false, new double[] {0.0}, 1000);
    }

    @Test
    void crossEntropyNdMatchesTorch() {
        sweepIndex(true, SMOOTHING, 5000);
    }

    /** Shapes x dtypes x reductions x ignore modes x weight or not x smoothing values. */
    private static void sweepIndex(boolean crossEntropy, double[] smoothing, long seed) {
        for (int[] s : SHAPES) {
            for (DType dt : DType.values()) {
                for (Reduction r : Reduction.values()) {
                    for (Ignore ig : Ignore.values()) {
                        // an unbatched input has one target: ignoring it leaves a 0/0 mean
                        if (s.length == 1 && ig != Ignore.NONE) {
                            continue;
                        }
                        for (boolean w : new boolean[] {false, true}) {
                            for (double ls : smoothing) {
                                checkIndex(indexCase(s, dt, r, ig, w, ls, seed += 10), crossEntropy);
                            }
                        }
                    }
                }
            }
        }
    }

    private static void checkIndex(Case k, boolean crossEntropy) {
        String what = (crossEntropy ? "cross_entropy " : "nll_loss ") + k.what;
        int classDim = k.x.dim() == 1 ? 0 : 1;
        double ls = k.options.labelSmoothing();
        Tensor loss = crossEntropy ? Losses.crossEntropy(k.x, k.target, k.options) : Losses.nllLoss(k.x, k.target, k.options);
        assertEquals(ls > 0 ? "AddBackward0" : nllGradFn(k.x.dim(), k.options.reduction()), loss.gradFn().name(), what);
        loss.backward(k.up);
        try (NDManager m = TorchRef.sub()) {
            NDArray tx = TorchRef.toNd(m, k.x);
            tx.setRequiresGradient(true);
            NDArray mask = TorchRef.toNd(m, mask(k));
            NDArray totalWeight = mask.sum();
            Tensor refGrad;
            try (GradientCollector gc = TorchRef.gradients()) {
                NDArray logp = crossEntropy ? tx.logSoftmax(classDim) : tx;
                NDArray ty = reduce(logp.mul(mask).sum(new int[] {classDim}).neg(), k.options.reduction(), totalWeight);
                if (ls > 0) {
                    NDArray smooth = logp.mul(TorchRef.toNd(m, weightView(k.x, k.options.weight())))
                            .sum(new int[] {classDim}).neg().mul(TorchRef.toNd(m, keep(k)));
                    ty = ty.mul(scalar(m, 1 - ls, k.x.dtype()))
                            .add(reduce(smooth, k.options.reduction(), totalWeight).mul(scalar(m, ls / k.x.size(classDim), k.x.dtype())));
                }
                TorchRef.assertClose(what + " forward", loss, ty, tol(k.x.dtype()));
                gc.backward(ty.mul(TorchRef.toNd(m, k.up)).sum());
                refGrad = TorchRef.fromNd(tx.getGradient());
            }
            TorchRef.assertClose(what + " grad", k.x.grad(), refGrad, tol(k.x.dtype()));
        }
    }

    @Test
    void crossEntropySoftTargetsMatchTorch() {
        long seed = 9000;
        for (int[] s : SHAPES) {
            for (DType dt : DType.values()) {
                for (Reduction r : Reduction.values()) {
                    for (boolean weighted : new boolean[] {false, true}) {
                        for (double ls : SMOOTHING) {
                            checkSoft(s, dt, r, weighted, ls, seed += 10);
                        }
                    }
                }
            }
        }
    }

    private static void checkSoft(int[] s, DType dt, Reduction r, boolean weighted, double ls, long seed) {
        String what = "cross_entropy soft " + Arrays.toString(s) + " " + dt + " " + r + " weight=" + weighted + " ls=" + ls;
        int classDim = s.length == 1 ? 0 : 1;
        int c = s[classDim];
        Tensor x = RandomTensors.normal(seed, dt, 2.0, 0.3, s).requiresGrad(true);
        // probabilities along the class dim (any non-negative target is accepted, as in PyTorch)
        Tensor t = Softmax.softmax(RandomTensors.normal(seed + 1, dt, 1.5, 0.0, s), classDim).detach().requiresGrad(true);
        Tensor weight = weighted ? RandomTensors.uniform(seed + 2, dt, 0.2, 2.0, c) : null;
        LossOptions o = LossOptions.defaults().reduction(r).labelSmoothing(ls).weight(weight);
        int[] ts = targetShape(s);
        Tensor up = r == Reduction.NONE ? RandomTensors.normal(seed + 3, dt, 1.0, 0.0, ts) : Tensor.scalar(0.8, dt);
        Tensor loss = Losses.crossEntropy(x, t, o);
        assertEquals(r == Reduction.MEAN ? "DivBackward1" : "NegBackward0", loss.gradFn().name(), what);
        loss.backward(up);
        try (NDManager m = TorchRef.sub()) {
            NDArray tx = TorchRef.toNd(m, x);
            NDArray tt = TorchRef.toNd(m, t);
            tx.setRequiresGradient(true);
            tt.setRequiresGradient(true);
            Tensor refGradX;
            Tensor refGradT;
            try (GradientCollector gc = TorchRef.gradients()) {
                NDArray target = ls > 0 ? tt.mul(scalar(m, 1 - ls, dt)).add(scalar(m, ls / c, dt)) : tt;
                NDArray prod = tx.logSoftmax(classDim).mul(target).mul(TorchRef.toNd(m, weightView(x, weight)));
                NDArray ty = switch (r) {
                    case NONE -> prod.sum(new int[] {classDim}).neg();
                    case SUM -> prod.sum().neg();
                    case MEAN -> prod.sum().neg().div(scalar(m, x.numel() / c, dt));
                };
                TorchRef.assertClose(what + " forward", loss, ty, tol(dt));
                gc.backward(ty.mul(TorchRef.toNd(m, up)).sum());
                refGradX = TorchRef.fromNd(tx.getGradient());
                refGradT = TorchRef.fromNd(tt.getGradient());
            }
            TorchRef.assertClose(what + " grad input", x.grad(), refGradX, tol(dt));
            TorchRef.assertClose(what + " grad target", t.grad(), refGradT, tol(dt));
        }
    }

    @Test
    void shapesOfNoneAndUnbatched() {
        Tensor x = RandomTensors.normal(3, 2, 3, 4, 5);
        IndexTensor t = new IndexTensor(new long[40], 2, 4, 5);
        assertArrayEquals(new int[] {2, 4, 5}, Losses.nllLoss(x, t, LossOptions.defaults().reduction(Reduction.NONE)).shape());
        assertArrayEquals(new int[0], Losses.crossEntropy(RandomTensors.normal(4, 6), new IndexTensor(new long[] {2}),
                LossOptions.defaults().reduction(Reduction.NONE)).shape());
        // unbatched equals the one-row batch
        Tensor row = RandomTensors.normal(5, 1, 6);
        Tensor one = Losses.crossEntropy(row.reshape(6), new IndexTensor(new long[] {4}), LossOptions.defaults().labelSmoothing(0.2));
        Tensor batch = Losses.crossEntropy(row, new int[] {4}, Reduction.MEAN, 0.2);
        assertEquals(batch.item(), one.item(), 1e-7);
    }

    @Test
    void weightedMeanDividesByTargetWeights() {
        // loss = -(w[0] x[0,0] + w[2] x[1,2]) / (w[0] + w[2]); x = log-probabilities given directly
        Tensor x = Tensor.fromArray(new float[][] {{-1f, -2f, -3f}, {-0.5f, -1.5f, -2.5f}, {-4f, -5f, -6f}});
        Tensor w = Tensor.fromArray(new float[] {2f, 7f, 0.5f});
        Tensor loss = Losses.nllLoss(x, new int[] {0, 2, -100}, LossOptions.defaults().weight(w));
        assertEquals((2 * 1 + 0.5 * 2.5) / 2.5, loss.item(), 1e-6);
        Tensor all = Losses.nllLoss(x, new int[] {-100, -100, -100}, LossOptions.defaults().weight(w));
        assertTrue(Double.isNaN(all.item()));
    }

    @Test
    void gradChecks() {
        IndexTensor t3 = new IndexTensor(new long[] {0, 2, -100, 1, 1, 0}, 2, 3);
        IndexTensor t4 = new IndexTensor(new long[] {0, 2, 1, 1, 1, 0, 2, 2}, 2, 2, 2);
        for (Reduction r : Reduction.values()) {
            LossOptions o = LossOptions.defaults().reduction(r);
            Tensor w = RandomTensors.uniform(20, DType.FLOAT64, 0.2, 2.0, 3);
            GradCheck.check("nll_loss 3-D weight " + r, in -> Losses.nllLoss(in[0], t3, o.weight(w)),
                    RandomTensors.normal(21, DType.FLOAT64, 1, -1, 2, 3, 3));
            GradCheck.check("nll_loss 4-D ignore=1 " + r, in -> Losses.nllLoss(in[0], t4, o.ignoreIndex(1)),
                    RandomTensors.normal(22, DType.FLOAT64, 1, -1, 2, 3, 2, 2));
            GradCheck.check("nll_loss 1-D " + r, in -> Losses.nllLoss(in[0], new IndexTensor(new long[] {2}), o.weight(w)),
                    RandomTensors.normal(23, DType.FLOAT64, 1, -1, 3));
            GradCheck.check("cross_entropy 4-D weight ls=0.3 " + r,
                    in -> Losses.crossEntropy(in[0], t4, o.weight(w).labelSmoothing(0.3)),
                    RandomTensors.normal(24, DType.FLOAT64, 2, 0, 2, 3, 2, 2));
            GradCheck.check("cross_entropy 3-D weight ignore ls=0.1 " + r,
                    in -> Losses.crossEntropy(in[0], t3, o.weight(w).labelSmoothing(0.1)),
                    RandomTensors.normal(25, DType.FLOAT64, 2, 0, 2, 3, 3));
            GradCheck.check("cross_entropy 1-D ls=0.1 " + r,
                    in -> Losses.crossEntropy(in[0], new IndexTensor(new long[] {0}), o.labelSmoothing(0.1)),
                    RandomTensors.normal(26, DType.FLOAT64, 2, 0, 3));
            GradCheck.check("cross_entropy soft 4-D weight ls=0.3 " + r,
                    in -> Losses.crossEntropy(in[0], in[1], o.weight(w).labelSmoothing(0.3)),
                    RandomTensors.normal(27, DType.FLOAT64, 2, 0, 2, 3, 2, 2),
                    RandomTensors.uniform(28, DType.FLOAT64, 0, 1, 2, 3, 2, 2));
            GradCheck.check("cross_entropy soft 1-D " + r, in -> Losses.crossEntropy(in[0], in[1], o),
                    RandomTensors.normal(29, DType.FLOAT64, 2, 0, 4), RandomTensors.uniform(30, DType.FLOAT64, 0, 1, 4));
        }
    }

    @Test
    void badInputInPyTorchWords() {
        Tensor x = Tensor.zeros(2, 10, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropy(x, new IndexTensor(new long[] {1, 12, 0, 0, 0, 0}, 2, 3), LossOptions.defaults()));
        assertTrue(e.getMessage().startsWith("cross_entropy: Target 12 is out of bounds."), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Losses.nllLoss(Tensor.zeros(2, 3, 3), new IndexTensor(new long[8], 2, 4), LossOptions.defaults()));
        assertEquals("nll_loss: Expected target size [2, 3], got [2, 4]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Losses.nllLoss(Tensor.zeros(5), new IndexTensor(new long[1], 1), LossOptions.defaults()));
        assertEquals("nll_loss: Expected target size [], got [1]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropy(Tensor.zeros(2, 3), new int[] {0, 1}, LossOptions.defaults().weight(Tensor.ones(4))));
        assertEquals("cross_entropy: weight tensor should be defined either for all 3 classes or no classes but got "
                + "weight tensor of shape: [4]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropy(Tensor.zeros(2, 3), Tensor.zeros(2, 4), LossOptions.defaults()));
        assertTrue(e.getMessage().startsWith("cross_entropy: Expected target size [2, 3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropy(Tensor.zeros(2, 3), Tensor.zeros(2, 3), LossOptions.defaults().ignoreIndex(0)));
        assertTrue(e.getMessage().startsWith("cross_entropy: ignore_index is not supported for floating point target"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Losses.nllLoss(Tensor.zeros(2, 3), new int[] {0, 1}, LossOptions.defaults().labelSmoothing(0.1)));
        assertTrue(e.getMessage().startsWith("nll_loss: label_smoothing"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropy(Tensor.zeros(2, 3), Tensor.zeros(2, 3), LossOptions.defaults().labelSmoothing(-0.1)));
        assertEquals("cross_entropy: label_smoothing must be between 0.0 and 1.0. Got: -0.1", e.getMessage());
    }
}
