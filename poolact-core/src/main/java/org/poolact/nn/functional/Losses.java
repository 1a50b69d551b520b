package org.poolact.nn.functional;

import java.util.Arrays;

import org.poolact.autograd.Autograd;
import org.poolact.ops.Elementwise;
import org.poolact.tensor.IndexTensor;
import org.poolact.tensor.Tensor;

/** Loss functions: {@code F.nll_loss}, {@code F.cross_entropy}, {@code F.mse_loss}. */
public final class Losses {
    /** PyTorch's default {@code ignore_index}: targets equal to it contribute nothing. */
    public static final int IGNORE_INDEX = -100;

    private Losses() {
    }

    // ------------------------------------------------------------------ nll_loss

    /** {@code F.nll_loss(input, target)} with reduction mean. */
    public static Tensor nllLoss(Tensor input, int[] target) {
        return nllLoss(input, target, LossOptions.defaults());
    }

    /** {@code F.nll_loss(input, target, reduction)} with int64 targets. */
    public static Tensor nllLoss(Tensor input, IndexTensor target, Reduction reduction) {
        return nllLoss(input, target, LossOptions.defaults().reduction(reduction));
    }

    /** {@code F.nll_loss(input, target, reduction=...)} for input [N, C] and 1-D targets [N]. */
    public static Tensor nllLoss(Tensor input, int[] target, Reduction reduction) {
        return nllLoss(input, target, LossOptions.defaults().reduction(reduction));
    }

    /** {@link #nllLoss(Tensor, IndexTensor, LossOptions)} with a 1-D target [N] given as ints. */
    public static Tensor nllLoss(Tensor input, int[] target, LossOptions options) {
        return nllLoss(input, oneD(target), options);
    }

    /**
     * {@code F.nll_loss(input, target, weight, ignore_index, reduction)} for log-probabilities
     * {@code input [N, C, d1, ...]} (or unbatched {@code [C]}) and class indices
     * {@code target [N, d1, ...]} (or a 0-D target): {@code loss = -w[t] * input[n, t, d...]}
     * ({@code w = 1} without weight); targets equal to {@code ignoreIndex} give 0 and are not counted.
     * NONE returns the target's shape; SUM the sum; MEAN the sum divided by the sum of {@code w[t]}
     * over the counted targets (NaN if there is none, as PyTorch).
     * <p>
     * grad_fn as PyTorch's {@code nll_loss_nd}: {@code NllLossBackward0} for 1-D and 2-D input,
     * {@code NllLoss2DBackward0} for 4-D input and for 3-D / 5-D+ input with MEAN or SUM (PyTorch runs
     * those as a [N, C, 1, S] nll_loss2d); 3-D / 5-D+ input with NONE ends in {@code ViewBackward0}.
     *
     * @throws IllegalArgumentException on a target of the wrong shape ("Expected target size [2, 3], got
     *                                  [2, 4]"), a target outside [0, C) other than ignoreIndex ("Target 12
     *                                  is out of bounds."), a weight not of C elements, or label smoothing
     */
    public static Tensor nllLoss(Tensor input, IndexTensor target, LossOptions options) {
        if (options.labelSmoothing() != 0) {
            throw new IllegalArgumentException("nll_loss: label_smoothing is a cross_entropy option, but got "
                    + options.labelSmoothing());
        }
        return nll("nll_loss", input, target, options);
    }

    /** Checks shapes and targets; returns w[t] per target element (0 where ignored). */
    private static double[] targetWeights(String op, Tensor input, IndexTensor target, LossOptions o) {
        int dim = input.dim();
        if (dim < 1) {
            throw new IllegalArgumentException(op + ": input tensor should be 1D or more, but got a 0-D input");
        }
        int[] ts = target.shape();
        if (dim >= 2 && ts.length >= 1 && ts[0] != input.size(0)) {
            throw new IllegalArgumentException(op + ": Expected input batch_size (" + input.size(0)
                    + ") to match target batch_size (" + ts[0] + ").");
        }
        int[] expected = expectedTargetShape(input);
        if (!Arrays.equals(ts, expected)) {
            throw new IllegalArgumentException(op + ": Expected target size " + Arrays.toString(expected) + ", got "
                    + Arrays.toString(ts));
        }
        int c = input.size(dim == 1 ? 0 : 1);
        double[] w = classWeights(op, o.weight(), c);
        double[] tw = new double[target.numel()];
        for (int i = 0; i < tw.length; i++) {
            long t = target.getFlat(i);
            if (t == o.ignoreIndex()) {
                continue;
            }
            if (t < 0 || t >= c) {
                throw new IllegalArgumentException(op + ": Target " + t + " is out of bounds. (target must be in [0, "
                        + c + ") or ignore_index " + o.ignoreIndex() + ")");
            }
            tw[i] = w == null ? 1 : w[(int) t];
        }
        return tw;
    }

    /** The target shape PyTorch expects for class indices: the input's shape without the class dim. */
    private static int[] expectedTargetShape(Tensor input) {
        int[] s = input.shape();
        if (s.length == 1) {
            return new int[0];
        }
        int[] e = new int[s.length - 1];
        e[0] = s[0];
        System.arraycopy(s, 2, e, 1, s.length - 2);
        return e;
    }

    /** The weight's values, or null; PyTorch requires exactly C of them. */
    private static double[] classWeights(String op, Tensor weight, int c) {
        if (weight == null) {
            return null;
        }
        if (weight.dim() != 1 || weight.numel() != c) {
            throw new IllegalArgumentException(op + ": weight tensor should be defined either for all " + c
                    + " classes or no classes but got weight tensor of shape: " + Arrays.toString(weight.shape()));
        }
        return weight.toDoubleArray();
    }

    private static double total(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    private static Tensor nll(String op, Tensor input, IndexTensor target, LossOptions o) {
        double[] tw = targetWeights(op, input, target, o);
        int dim = input.dim();
        int n = dim == 1 ? 1 : input.size(0);
        int c = input.size(dim == 1 ? 0 : 1);
        int sp = tw.length / Math.max(n, 1);
        Reduction reduction = o.reduction();
        double[] per = new double[tw.length];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < sp; s++) {
                int k = i * sp + s;
                if (tw[k] != 0) {
                    per[k] = -tw[k] * input.getFlat((i * c + (int) target.getFlat(k)) * sp + s);
                    sum += per[k];
                }
            }
        }
        final double totalWeight = total(tw);
        // NOTE: 3-D and 5-D+ input go through PyTorch's nll_loss2d on a [N, C, 1, S] view; with NONE
        // its [N, 1, S] result is then viewed to [N, d1, ...], so the grad_fn is ViewBackward0.
        boolean viaView = reduction == Reduction.NONE && (dim == 3 || dim > 4);
        Tensor out = switch (reduction) {
            case NONE -> Tensor.fromDoubles(per, input.dtype(), viaView ? new int[] {n, 1, sp} : target.shape());
            case SUM -> Tensor.scalar(sum, input.dtype());
            case MEAN -> Tensor.scalar(sum / totalWeight, input.dtype());
        };
        int[] shape = input.shape();
        String name = dim <= 2 ? "NllLossBackward0" : "NllLoss2DBackward0";
        Tensor res = Autograd.record(out, name, g -> {
            Tensor gx = Tensor.zeros(input.dtype(), shape);
            for (int i = 0; i < n; i++) {
                for (int s = 0; s < sp; s++) {
                    int k = i * sp + s;
                    if (tw[k] == 0) {
                        continue;
                    }
                    double gk = switch (reduction) {
                        case NONE -> g.getFlat(k);
                        case SUM -> g.item();
                        case MEAN -> g.item() / totalWeight;
                    };
                    gx.setFlat((i * c + (int) target.getFlat(k)) * sp + s, -tw[k] * gk);
                }
            }
            return new Tensor[] {gx};
        }, input);
        return viaView ? res.view(target.shape()) : res;
    }

    // ------------------------------------------------------------------ cross_entropy

    /** {@code F.cross_entropy(logits, target)}: mean reduction, no label smoothing. */
    public static Tensor crossEntropy(Tensor logits, int[] target) {
        return crossEntropy(logits, target, LossOptions.defaults());
    }

    /** {@code F.cross_entropy(logits, target, reduction)}. */
    public static Tensor crossEntropy(Tensor logits, int[] target, Reduction reduction) {
        return crossEntropy(logits, target, LossOptions.defaults().reduction(reduction));
    }

    /** {@code F.cross_entropy} with int64 targets. */
    public static Tensor crossEntropy(Tensor logits, IndexTensor target, Reduction reduction, double labelSmoothing) {
        return crossEntropy(logits, target, LossOptions.defaults().reduction(reduction).labelSmoothing(labelSmoothing));
    }

    /** {@code F.cross_entropy(logits, target, reduction, label_smoothing)} for logits [N, C] and targets [N]. */
    public static Tensor crossEntropy(Tensor logits, int[] target, Reduction reduction, double labelSmoothing) {
        return crossEntropy(logits, target, LossOptions.defaults().reduction(reduction).labelSmoothing(labelSmoothing));
    }

    /** {@link #crossEntropy(Tensor, IndexTensor, LossOptions)} with a 1-D target [N] given as ints. */
    public static Tensor crossEntropy(Tensor logits, int[] target, LossOptions options) {
        return crossEntropy(logits, oneD(target), options);
    }

    /**
     * {@code F.cross_entropy(logits, target, weight, ignore_index, reduction, label_smoothing)} for
     * logits {@code [N, C, d1, ...]} (or unbatched {@code [C]}) and class indices: {@code
     * nll_loss(log_softmax(logits, 1), target, weight, ignore_index, reduction)} (class dim 0 when
     * unbatched; grad_fn as {@link #nllLoss(Tensor, IndexTensor, LossOptions)}). With
     * {@code label_smoothing = e > 0}, PyTorch's composite: {@code (1 - e) * nll + (e / C) * smooth},
     * {@code smooth = -sum_c w[c] * log_softmax[n, c, d...]} (w = 1 without weight), 0 at ignored
     * targets, reduced like nll: MEAN divides by the sum of {@code w[t]} over the counted targets
     * (the count without weight); grad_fn {@code AddBackward0}.
     *
     * @throws IllegalArgumentException as nll_loss, or a label smoothing outside [0, 1]
     */
    public static Tensor crossEntropy(Tensor logits, IndexTensor target, LossOptions options) {
        double e = checkSmoothing(options);
        if (logits.dim() < 1) {
            throw new IllegalArgumentException("cross_entropy: input tensor should be 1D or more, but got a 0-D input");
        }
        int classDim = logits.dim() == 1 ? 0 : 1;
        Tensor logp = Softmax.logSoftmax(logits, classDim);
        Tensor nll = nll("cross_entropy", logp, target, options);
        if (e == 0) {
            return nll;
        }
        double[] tw = targetWeights("cross_entropy", logp, target, options);
        double[] keep = new double[tw.length];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = target.getFlat(i) == options.ignoreIndex() ? 0 : 1;
        }
        Tensor weighted = options.weight() == null ? logp : logp.mul(classWeightView(options.weight(), logits, classDim));
        Tensor smooth = weighted.sum(classDim, false).neg().mul(Tensor.fromDoubles(keep, logits.dtype(), target.shape()));
        Tensor reduced = switch (options.reduction()) {
            case NONE -> smooth;
            case SUM -> smooth.sum();
            case MEAN -> smooth.sum().div(total(tw));
        };
        return nll.mul(1 - e).add(reduced.mul(e / logits.size(classDim)));
    }

    /** {@code F.cross_entropy(logits, probabilities)}: soft targets, mean reduction, no smoothing. */
    public static Tensor crossEntropy(Tensor logits, Tensor target) {
        return crossEntropy(logits, target, LossOptions.defaults());
    }

    /**
     * {@code F.cross_entropy(logits, target, weight, reduction, label_smoothing)} with class
     * probabilities: {@code target} has the logits' shape {@code [N, C, d1, ...]} (or {@code [C]}).
     * PyTorch's formula: {@code t' = t * (1 - e) + e / C}, {@code l = -sum_c w[c] * t'[n, c, d...] *
     * log_softmax[n, c, d...]}; NONE gives [N, d1, ...] (grad_fn {@code NegBackward0}), SUM the sum
     * ({@code NegBackward0}), MEAN the sum divided by {@code numel / C} — the number of samples, not of
     * weights ({@code DivBackward1}). Gradients flow into the logits and the target.
     *
     * @throws IllegalArgumentException if the shapes differ, ignoreIndex is not negative (PyTorch:
     *                                  "ignore_index is not supported for floating point target"), a
     *                                  weight not of C elements, or a label smoothing outside [0, 1]
     */
    public static Tensor crossEntropy(Tensor logits, Tensor target, LossOptions options) {
        double e = checkSmoothing(options);
        if (logits.dim() < 1) {
            throw new IllegalArgumentException("cross_entropy: input tensor should be 1D or more, but got a 0-D input");
        }
        if (!Arrays.equals(logits.shape(), target.shape())) {
            throw new IllegalArgumentException("cross_entropy: Expected target size " + Arrays.toString(logits.shape())
                    + " (class probabilities, as input), got " + Arrays.toString(target.shape()));
        }
        if (options.ignoreIndex() >= 0) {
            throw new IllegalArgumentException("cross_entropy: ignore_index is not supported for floating point target,"
                    + " got ignore_index=" + options.ignoreIndex());
        }
        int classDim = logits.dim() == 1 ? 0 : 1;
        int c = logits.size(classDim);
        classWeights("cross_entropy", options.weight(), c);
        Tensor logp = Softmax.logSoftmax(logits, classDim);
        Tensor t = e > 0 ? target.mul(1 - e).add(e / c) : target;
        Tensor prod = logp.mul(t);
        if (options.weight() != null) {
            prod = prod.mul(classWeightView(options.weight(), logits, classDim));
        }
        return switch (options.reduction()) {
            case NONE -> negate(prod.sum(classDim, false));
            case SUM -> negate(prod.sum());
            case MEAN -> negate(prod.sum()).div((double) (logits.numel() / c));
        };
    }

    private static double checkSmoothing(LossOptions o) {
        double e = o.labelSmoothing();
        if (!(e >= 0 && e <= 1)) {
            throw new IllegalArgumentException("cross_entropy: label_smoothing must be between 0.0 and 1.0. Got: " + e);
        }
        return e;
    }

    /** The weight as a constant of the logits' dtype, shaped [1, C, 1, ...] to broadcast along the class dim. */
    private static Tensor classWeightView(Tensor weight, Tensor logits, int classDim) {
        int[] s = new int[logits.dim()];
        Arrays.fill(s, 1);
        s[classDim] = weight.numel();
        return Tensor.fromDoubles(weight.toDoubleArray(), logits.dtype(), s);
    }

    /** {@code -x} with PyTorch's grad_fn {@code NegBackward0}. */
    private static Tensor negate(Tensor x) {
        return Autograd.record(Elementwise.map(x, v -> -v), "NegBackward0", g -> new Tensor[] {Elementwise.map(g, v -> -v)}, x);
    }

    // ------------------------------------------------------------------ mse_loss

    /** {@code F.mse_loss(input, target)}: mean reduction. */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        return mseLoss(input, target, Reduction.MEAN);
    }

    /**
     * {@code F.mse_loss(input, target, reduction)}: {@code (input - target)^2}, then mean/sum/none.
     * Gradients {@code +-2 * (input - target) * g} (divided by numel for MEAN) flow to both
     * arguments; grad_fn {@code MseLossBackward0}.
     * <p>
     * NOTE: PyTorch broadcasts a target of a different size with only a warning ("This will likely
     * lead to incorrect results"); here that is an error, never a silent broadcast.
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        if (!Arrays.equals(input.shape(), target.shape())) {
            throw new IllegalArgumentException("mse_loss: target size " + Arrays.toString(target.shape())
                    + " must be the same as input size " + Arrays.toString(input.shape()));
        }
        int n = input.numel();
        double[] diff = new double[n];
        double[] sq = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            diff[i] = input.getFlat(i) - target.getFlat(i);
            sq[i] = diff[i] * diff[i];
            sum += sq[i];
        }
        int[] shape = input.shape();
        Tensor out = switch (reduction) {
            case NONE -> Tensor.fromDoubles(sq, input.dtype(), shape);
            case SUM -> Tensor.scalar(sum, input.dtype());
            case MEAN -> Tensor.scalar(sum / n, input.dtype());
        };
        return Autograd.record(out, "MseLossBackward0", g -> {
            double[] gi = new double[n];
            double[] gt = new double[n];
            for (int i = 0; i < n; i++) {
                double gv = switch (reduction) {
                    case NONE -> g.getFlat(i);
                    case SUM -> g.item();
                    case MEAN -> g.item() / n;
                };
                gi[i] = 2 * diff[i] * gv;
                gt[i] = -gi[i];
            }
            return new Tensor[] {Tensor.fromDoubles(gi, input.dtype(), shape),
                Tensor.fromDoubles(gt, target.dtype(), shape)};
        }, input, target);
    }

    private static IndexTensor oneD(int[] target) {
        long[] t = new long[target.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = target[i];
        }
        return new IndexTensor(t, t.length);
    }
}
