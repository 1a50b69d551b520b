package org.poolact.optim;

import java.util.List;
import java.util.Map;

import org.poolact.kernels.Parallel;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;

/**
 * {@code torch.optim.Adam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False)},
 * PyTorch's single-tensor algorithm, per parameter p with gradient g at step t (from 1):
 * <pre>
 * g = g + weight_decay * p                          (Adam, if weight_decay != 0)
 * p = p * (1 - lr * weight_decay)                   (AdamW: decoupled decay instead)
 * m = lerp(m, g, 1 - beta1)
 * v = beta2 * v + (1 - beta2) * g * g
 * vmax = max(vmax, v)                               (amsgrad; then v := vmax below)
 * denom = sqrt(v) / sqrt(1 - beta2^t) + eps
 * p = p - (lr / (1 - beta1^t)) * m / denom
 * </pre>
 */
public class Adam extends Optimizer {
    private final Options options;
    private final boolean decoupledWeightDecay;

    /** Adam's hyper-parameters; {@link #defaults()} gives PyTorch's. */
    public record Options(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        /** Adam's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight decay 0, no amsgrad. */
        public static Options defaults() {
            return new Options(1e-3, 0.9, 0.999, 1e-8, 0, false);
        }

        public Options withLr(double v) {
            return new Options(v, beta1, beta2, eps, weightDecay, amsgrad);
        }

        public Options withBetas(double b1, double b2) {
            return new Options(lr, b1, b2, eps, weightDecay, amsgrad);
        }

        public Options withEps(double v) {
            return new Options(lr, beta1, beta2, v, weightDecay, amsgrad);
        }

        public Options withWeightDecay(double v) {
            return new Options(lr, beta1, beta2, eps, v, amsgrad);
        }

        public Options withAmsgrad(boolean v) {
            return new Options(lr, beta1, beta2, eps, weightDecay, v);
        }
    }

    /** {@code Adam(params)} with PyTorch's defaults. */
    public Adam(List<Tensor> params) {
        this(params, Options.defaults());
    }

    /**
     * {@code Adam(params, **options)}.
     *
     * @throws IllegalArgumentException on a negative lr, eps or weight decay, or a beta outside [0, 1)
     */
    public Adam(List<Tensor> params, Options options) {
        this(params, options, false);
    }

    Adam(List<Tensor> params, Options options, boolean decoupledWeightDecay) {
        super(params, options.lr());
        String op = decoupledWeightDecay ? "AdamW" : "Adam";
        checkNonNegative(op, "epsilon", options.eps());
        checkNonNegative(op, "weight_decay", options.weightDecay());
        checkBeta(op, 0, options.beta1());
        checkBeta(op, 1, options.beta2());
        this.options = options;
        this.decoupledWeightDecay = decoupledWeightDecay;
    }

    private static void checkBeta(String op, int index, double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException(op + ": Invalid beta parameter at index " + index
                    + ": expected a value in [0, 1), got " + beta);
        }
    }

    /** The hyper-parameters (lr as given at construction; see {@link #lr()} for the current one). */
    public Options options() {
        return options;
    }

    @Override
    protected void update(Tensor param, Tensor grad, Map<String, Tensor> st) {
        DType dt = param.dtype();
        int n = param.numel();
        if (!st.containsKey("step")) {
            // NOTE: PyTorch keeps step as a float32 scalar tensor; integers stay exact up to 2^24.
            st.put("step", Tensor.scalar(0));
            st.put("exp_avg", Tensor.zeros(dt, param.shape()));
            st.put("exp_avg_sq", Tensor.zeros(dt, param.shape()));
            if (options.amsgrad()) {
                st.put("max_exp_avg_sq", Tensor.zeros(dt, param.shape()));
            }
        }
        Tensor stepT = st.get("step");
        stepT.setFlat(0, stepT.getFlat(0) + 1);
        double step = stepT.getFlat(0);
        Tensor expAvg = st.get("exp_avg");
        Tensor expAvgSq = st.get("exp_avg_sq");
        Tensor maxSq = st.get("max_exp_avg_sq");
        double lr = lr();
        double decay = round(dt, 1 - lr * options.weightDecay());
        double wd = round(dt, options.weightDecay());
        double w = round(dt, 1 - options.beta1());
        double beta2 = round(dt, options.beta2());
        double oneMinusBeta2 = round(dt, 1 - options.beta2());
        double biasCorrection1 = 1 - Math.pow(options.beta1(), step);
        double biasCorrection2 = 1 - Math.pow(options.beta2(), step);
        double negStepSize = round(dt, -(lr / biasCorrection1));
        double bc2Sqrt = round(dt, Math.sqrt(biasCorrection2));
        double eps = round(dt, options.eps());
        // NOTE: every element's update is independent, so the loop is split over the engine's threads
        // (kernels.Parallel) with the same arithmetic; the result does not depend on the split.
        Parallel.forChunks(n, Parallel.chunks(n, 1 << 15), (from, to, chunk) -> {
            for (int i = from; i < to; i++) {
                double p = param.getFlat(i);
                double g = grad.getFlat(i);
                if (options.weightDecay() != 0) {
                    if (decoupledWeightDecay) {
                        p = round(dt, p * decay);
                    } else {
                        g = round(dt, g + wd * p);
                    }
                }
                double m = expAvg.getFlat(i);
                double diff = round(dt, g - m);
                // NOTE: torch.lerp switches formula at weight 0.5 to stay exact at both ends.
                m = w < 0.5 ? round(dt, m + w * diff) : round(dt, g - diff * (1 - w));
                expAvg.setFlat(i, m);
                double v = round(dt, expAvgSq.getFlat(i) * beta2);
                v = round(dt, v + round(dt, round(dt, oneMinusBeta2 * g) * g));
                expAvgSq.setFlat(i, v);
                if (maxSq != null) {
                    v = Math.max(maxSq.getFlat(i), v);
                    maxSq.setFlat(i, v);
                }
                double denom = round(dt, round(dt, round(dt, Math.sqrt(v)) / bc2Sqrt) + eps);
                // NOTE: addcdiv_ computes self + (value * t1) / t2, in that order.
                param.setFlat(i, p + round(dt, round(dt, negStepSize * m) / denom));
            }
        });
    }
}
