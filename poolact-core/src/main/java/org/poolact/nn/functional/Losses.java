package org.poolact.nn.functional;

import java.util.Arrays;

import org.poolact.autograd.Autograd;
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
        return nllLoss(input, target, Reduction.MEAN);
    }

    /** {@code F.nll_loss(input, target, reduction)} with int64 targets. */
    public static Tensor nllLoss(Tensor input, IndexTensor target, Reduction reduction) {
        return nllLoss(input, toInts("nll_loss", target), reduction);
    }

    /**
     * {@code F.nll_loss(input, target, reduction=...)} for log-probabilities {@code input [N, C]} and
     * class indices {@code target [N]}: {@code loss_i = -input[i, target_i]}; targets equal to
     * {@link #IGNORE_INDEX} (-100) give 0 and are not counted. MEAN divides the sum by the number of
     * counted targets (NaN if none, as PyTorch). grad_fn {@code NllLossBackward0}.
     *
     * @throws IllegalArgumentException on a non-2-D input, a target length different from N, or a
     *                                  target outside [0, C) other than -100 ("Target 12 is out of bounds.")
     */
    public static Tensor nllLoss(Tensor input, int[] target, Reduction reduction) {
        return nll("nll_loss", input, target, reduction);
    }

    private static Tensor nll(String op, Tensor input, int[] target, Reduction reduction) {
        if (input.dim() != 2) {
            throw new IllegalArgumentException(op + ": expected input of shape [N, C] (2-D), but got " + input.dim()
                    + "-D input of shape " + Arrays.toString(input.shape()));
        }
        int n = input.size(0);
        int c = input.size(1);
        if (target.length != n) {
            throw new IllegalArgumentException(op + ": Expected input batch_size (" + n + ") to match target batch_size ("
                    + target.length + ").");
        }
        int counted = 0;
        for (int t : target) {
            if (t == IGNORE_INDEX) {
                continue;
            }
            if (t < 0 || t >= c) {
                throw new IllegalArgumentException(op + ": Target " + t + " is out of bounds. (target must be in [0, "
                        + c + ") or " + IGNORE_INDEX + ")");
            }
            counted++;
        }
        int[] tg = target.clone();
        double[] per = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            per[i] = tg[i] == IGNORE_INDEX ? 0 : -input.getFlat(i * c + tg[i]);
            sum += per[i];
        }
        final int count = counted;
        Tensor out = switch (reduction) {
            case NONE -> Tensor.fromDoubles(per, input.dtype(), n);
            case SUM -> Tensor.scalar(sum, input.dtype());
            case MEAN -> Tensor.scalar(sum / count, input.dtype());
        };
        int[] shape = input.shape();
        return Autograd.record(out, "NllLossBackward0", g -> {
            Tensor gx = Tensor.zeros(input.dtype(), shape);
            for (int i = 0; i < n; i++) {
                if (tg[i] == IGNORE_INDEX) {
                    continue;
                }
                double gi = switch (reduction) {
                    case NONE -> g.getFlat(i);
                    case SUM -> g.item();
                    case MEAN -> g.item() / count;
                };
                gx.setFlat(i * c + tg[i], -gi);
            }
            return new Tensor[] {gx};
        }, input);
    }

    // ------------------------------------------------------------------ cross_entropy

    /** {@code F.cross_entropy(logits, target)}: mean reduction, no label smoothing. */
    public static Tensor crossEntropy(Tensor logits, int[] target) {
        return crossEntropy(logits, target, Reduction.MEAN, 0.0);
    }

    /** {@code F.cross_entropy(logits, target, reduction)}. */
    public static Tensor crossEntropy(Tensor logits, int[] target, Reduction reduction) {
        return crossEntropy(logits, target, reduction, 0.0);
    }

    /** {@code F.cross_entropy} with int64 targets. */
    public static Tensor crossEntropy(Tensor logits, IndexTensor target, Reduction reduction, double labelSmoothing) {
        return crossEntropy(logits, toInts("cross_entropy", target), reduction, labelSmoothing);
    }

    /**
     * {@code F.cross_entropy(logits, target, reduction, label_smoothing)} for logits {@code [N, C]}
     * and class indices: {@code nll_loss(log_softmax(logits, 1), target)} (grad_fn
     * {@code NllLossBackward0}). With {@code label_smoothing = e > 0} PyTorch's composite is followed:
     * {@code (1 - e) * nll + (e / C) * smooth}, where {@code smooth_i = -sum_c log_softmax_ic}
     * (0 for ignored targets), reduced like nll (MEAN divides by the counted targets); grad_fn
     * {@code AddBackward0}.
     *
     * @throws IllegalArgumentException as {@link #nllLoss(Tensor, int[], Reduction)}, or a label smoothing outside [0, 1]
     */
    public static Tensor crossEntropy(Tensor logits, int[] target, Reduction reduction, double labelSmoothing) {
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException("cross_entropy: label_smoothing must be between 0.0 and 1.0. Got: "
                    + labelSmoothing);
        }
        if (logits.dim() != 2) {
            throw new IllegalArgumentException("cross_entropy: expected logits of shape [N, C] (2-D), but got "
                    + logits.dim() + "-D input of shape " + Arrays.toString(logits.shape()));
        }
        Tensor logp = Softmax.logSoftmax(logits, 1);
        Tensor nll = nll("cross_entropy", logp, target, reduction);
        if (labelSmoothing == 0) {
            return nll;
        }
        int n = logits.size(0);
        int c = logits.size(1);
        double[] keep = new double[n];
        int counted = 0;
        for (int i = 0; i < n; i++) {
            keep[i] = target[i] == IGNORE_INDEX ? 0 : 1;
            counted += (int) keep[i];
        }
        Tensor smooth = logp.sum(1, false).neg().mul(Tensor.fromDoubles(keep, logits.dtype(), n));
        Tensor reduced = switch (reduction) {
            case NONE -> smooth;
            case SUM -> smooth.sum();
            case MEAN -> smooth.sum().div(counted);
        };
        return nll.mul(1 - labelSmoothing).add(reduced.mul(labelSmoothing / c));
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

    private static int[] toInts(String op, IndexTensor target) {
        if (target.dim() != 1) {
            throw new IllegalArgumentException(op + ": expected a 1-D target of class indices, but got "
                    + target.dim() + "-D target of shape " + Arrays.toString(target.shape()));
        }
        int[] t = new int[target.numel()];
        for (int i = 0; i < t.length; i++) {
            long v = target.getFlat(i);
            if (v != (int) v) {
                throw new IllegalArgumentException(op + ": Target " + v + " is out of bounds.");
            }
            t[i] = (int) v;
        }
        return t;
    }
}
