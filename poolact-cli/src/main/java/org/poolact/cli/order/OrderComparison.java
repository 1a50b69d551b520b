package org.poolact.cli.order;

import java.util.Arrays;

import org.poolact.lab.order.EngineActivation;
import org.poolact.lab.order.OrderRules;
import org.poolact.lab.order.PoolConfig;
import org.poolact.lab.order.Verdict;
import org.poolact.lab.order.WindowTypes;
import org.poolact.tensor.Tensor;

/**
 * Runs both orders on one map and measures them: order A, {@code pool(act(x))}, and order B,
 * {@code act(pool(x))}. For each order it also runs the backward of the output's sum and counts the
 * input elements that receive a non-zero gradient (the post's "effective features" argument).
 *
 * <p>The map may have rank 2 (HxW), 3 (CxHxW) or 4 (NxCxHxW); it is pooled as a 4-D tensor and the
 * outputs are given back with the input's rank.
 *
 * <p>The general rule is not decided here: it is the verdict of the lab's rule engine
 * ({@link OrderRules}), the same one {@code poolact analyze} uses, so the commands cannot disagree.
 */
public final class OrderComparison {
    private OrderComparison() {
    }

    /**
     * Both orders' outputs and what was measured on them.
     *
     * @param verdict the general rule for this activation and pooling, from {@link OrderRules} (not measured)
     */
    public record Result(int[] inputShape, EngineActivation act, PoolConfig pool, Tensor actThenPool, Tensor poolThenAct,
            boolean equal, boolean equalNan, double maxAbsDiff, int differingOutputs, int[] firstDifference,
            Counts nonzero, Counts gradNonzeroInputs, int outputNumel, int inputNumel, NonFinite inputNonFinite,
            Verdict verdict) {

        /** The rule proves both orders equal on every input (in exact arithmetic): the verdict is identical. */
        public boolean ruleAlwaysEqual() {
            return verdict.kind() == Verdict.Kind.IDENTICAL;
        }
    }

    /** One count per order. */
    public record Counts(int actThenPool, int poolThenAct) {
    }

    /** How many NaN and infinite values a tensor holds. */
    public record NonFinite(int nan, int posInf, int negInf) {
        /** Counts the non-finite values of {@code t}. */
        public static NonFinite of(Tensor t) {
            int nan = 0;
            int pos = 0;
            int neg = 0;
            for (int i = 0; i < t.numel(); i++) {
                double v = t.getFlat(i);
                if (Double.isNaN(v)) {
                    nan++;
                } else if (v == Double.POSITIVE_INFINITY) {
                    pos++;
                } else if (v == Double.NEGATIVE_INFINITY) {
                    neg++;
                }
            }
            return new NonFinite(nan, pos, neg);
        }

        /** Whether any value is NaN or infinite. */
        public boolean any() {
            return nan + posInf + negInf > 0;
        }
    }

    /**
     * Compares the two orders on {@code input}.
     *
     * @throws IllegalArgumentException for a rank other than 2, 3 or 4, or pool options the map cannot take
     */
    public static Result compare(Tensor input, EngineActivation act, PoolConfig pool) {
        int[] shape = input.shape();
        if (shape.length < 2 || shape.length > 4) {
            throw new IllegalArgumentException("compare: expected a map of rank 2 (HxW), 3 (CxHxW) or 4 (NxCxHxW), "
                    + "got rank " + shape.length + " with shape " + Arrays.toString(shape));
        }
        int h = shape[shape.length - 2];
        int w = shape[shape.length - 1];
        if (pool.type().windowed()) {
            int padH = pool.padding().h();
            int padW = pool.padding().w();
            if (pool.kernel().h() > h + 2 * padH || pool.kernel().w() > w + 2 * padW) {
                throw new IllegalArgumentException("compare: kernel " + pool.kernel().h() + "x" + pool.kernel().w()
                        + " is bigger than the map " + h + "x" + w
                        + (padH + padW > 0 ? " with padding " + pool.padding() : "")
                        + ": the pooling would have no window");
            }
        }
        Tensor x4 = input.detach().viewStorage(as4d(shape));

        Tensor leafA = x4.detach().requiresGrad(true);
        Tensor a = pool.apply(act.apply(leafA));
        a.sum().backward();

        Tensor leafB = x4.detach().requiresGrad(true);
        Tensor b = act.apply(pool.apply(leafB));
        b.sum().backward();

        Tensor shownA = withRank(a, shape.length);
        Tensor shownB = withRank(b, shape.length);
        int first = firstDifference(a, b);
        return new Result(shape, act, pool, shownA, shownB, a.equalTo(b), equalNan(a, b), maxAbsDiff(a, b),
                countDifferences(a, b), first < 0 ? null : index(shownA.shape(), first), new Counts(countNonzero(a), countNonzero(b)),
                new Counts(countNonzero(leafA.grad()), countNonzero(leafB.grad())),
                a.numel(), input.numel(), NonFinite.of(input), OrderRules.decide(act, WindowTypes.of(pool)));
    }

    private static int[] as4d(int[] shape) {
        int[] s = new int[] {1, 1, 1, 1};
        System.arraycopy(shape, 0, s, 4 - shape.length, shape.length);
        return s;
    }

    /**
     * The output with the input's rank, sharing its storage and showing the same grad_fn, so it
     * prints as PyTorch would print the op's result for an input of that rank.
     */
    private static Tensor withRank(Tensor out4, int rank) {
        if (rank == 4) {
            return out4;
        }
        int[] s = out4.shape();
        Tensor shown = out4.detach().viewStorage(Arrays.copyOfRange(s, 4 - rank, 4));
        shown.setGradFn(out4.gradFn());
        return shown;
    }

    /** {@code torch.count_nonzero}: NaN counts as non-zero; a missing gradient counts as all zero. */
    public static int countNonzero(Tensor t) {
        if (t == null) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < t.numel(); i++) {
            if (t.getFlat(i) != 0) {
                n++;
            }
        }
        return n;
    }

    /** Exact equality where NaN matches NaN at the same position. */
    static boolean equalNan(Tensor a, Tensor b) {
        return firstDifference(a, b) < 0;
    }

    /** Whether two values differ, NaN matching NaN. */
    private static boolean differ(double x, double y) {
        return x != y && !(Double.isNaN(x) && Double.isNaN(y));
    }

    /** The flat index of the first position where the values differ (NaN matching NaN), or -1. */
    static int firstDifference(Tensor a, Tensor b) {
        for (int i = 0; i < a.numel(); i++) {
            if (differ(a.getFlat(i), b.getFlat(i))) {
                return i;
            }
        }
        return -1;
    }

    /** How many positions differ (NaN matching NaN). */
    static int countDifferences(Tensor a, Tensor b) {
        int n = 0;
        for (int i = 0; i < a.numel(); i++) {
            n += differ(a.getFlat(i), b.getFlat(i)) ? 1 : 0;
        }
        return n;
    }

    /** The multi-index of a flat position in a contiguous tensor of this shape. */
    private static int[] index(int[] shape, int flat) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = flat % shape[d];
            flat /= shape[d];
        }
        return idx;
    }

    /**
     * max |a - b| over positions whose values differ; positions with equal values (equal infinities
     * and NaN against NaN included) count as 0. NaN if some position has NaN on one side only.
     */
    static double maxAbsDiff(Tensor a, Tensor b) {
        double m = 0;
        for (int i = 0; i < a.numel(); i++) {
            double x = a.getFlat(i);
            double y = b.getFlat(i);
            if (x == y || (Double.isNaN(x) && Double.isNaN(y))) {
                continue;
            }
            double d = Math.abs(x - y);
            if (Double.isNaN(d)) {
                return Double.NaN;
            }
            m = Math.max(m, d);
        }
        return m;
    }
}
