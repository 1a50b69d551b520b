package org.poolact.optim;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.poolact.kernels.Parallel;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;

/**
 * {@code torch.optim.Adam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False, *,
 * maximize=False)}, PyTorch's single-tensor algorithm, per parameter p with gradient g at step t (from 1 per
 * parameter), with its group's options:
 * <pre>
 * g = maximize ? -g : g
 * g = g + weight_decay * p                          (Adam, if weight_decay != 0)
 * p = p * (1 - lr * weight_decay)                   (AdamW: decoupled decay instead)
 * m = lerp(m, g, 1 - beta1)
 * v = beta2 * v + (1 - beta2) * g * g
 * vmax = max(vmax, v)                               (amsgrad; then v := vmax below)
 * denom = sqrt(v) / sqrt(1 - beta2^t) + eps
 * p = p - (lr / (1 - beta1^t)) * m / denom
 * </pre>
 * Parameter groups: {@code torch.optim.Adam([{'params': a}, {'params': b, 'lr': 1e-4, 'amsgrad': True}])}
 * is {@code new Adam(List.of(ParamGroup.of(a), ParamGroup.of(b).lr(1e-4).amsgrad(true)),
 * Adam.Options.defaults())}. t counts this parameter's own steps (parameters without a gradient are
 * skipped and do not count).
 */
public class Adam extends Optimizer {
    private final Options options;
    private final boolean decoupledWeightDecay;

    /** Adam's hyper-parameters; {@link #defaults()} gives PyTorch's. */
    public record Options(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad,
                          boolean maximize) {
        /** The options without {@code maximize} (false). */
        public Options(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
            this(lr, beta1, beta2, eps, weightDecay, amsgrad, false);
        }

        /** Adam's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight decay 0, no amsgrad, no maximize. */
        public static Options defaults() {
            return new Options(1e-3, 0.9, 0.999, 1e-8, 0, false, false);
        }

        public Options withLr(double v) {
            return new Options(v, beta1, beta2, eps, weightDecay, amsgrad, maximize);
        }

        public Options withBetas(double b1, double b2) {
            return new Options(lr, b1, b2, eps, weightDecay, amsgrad, maximize);
        }

        public Options withEps(double v) {
            return new Options(lr, beta1, beta2, v, weightDecay, amsgrad, maximize);
        }

        public Options withWeightDecay(double v) {
            return new Options(lr, beta1, beta2, eps, v, amsgrad, maximize);
        }

        public Options withAmsgrad(boolean v) {
            return new Options(lr, beta1, beta2, eps, weightDecay, v, maximize);
        }

        public Options withMaximize(boolean v) {
            return new Options(lr, beta1, beta2, eps, weightDecay, amsgrad, v);
        }

        /** The options as a param group's dict, PyTorch's keys in its order ({@code betas} a two-element list). */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lr", lr);
            m.put("betas", List.of(beta1, beta2));
            m.put("eps", eps);
            m.put("weight_decay", weightDecay);
            m.put("amsgrad", amsgrad);
            m.put("maximize", maximize);
            return m;
        }

        static Options fromMap(String op, Map<String, Object> m, String where) {
            if (!(m.get("betas") instanceof List<?> b) || b.size() != 2 || !(b.get(0) instanceof Number b1)
                    || !(b.get(1) instanceof Number b2)) {
                throw new IllegalArgumentException(op + ": option betas must be two numbers, got " + m.get("betas") + where);
            }
            return new Options(number(op, m, "lr", where), b1.doubleValue(), b2.doubleValue(), number(op, m, "eps", where),
                    number(op, m, "weight_decay", where), flag(op, m, "amsgrad", where), flag(op, m, "maximize", where));
        }
    }

    /** {@code Adam(params)} with PyTorch's defaults. */
    public Adam(List<Tensor> params) {
        this(params, Options.defaults());
    }

    /**
     * {@code Adam(params, **options)}: one parameter group.
     *
     * @throws IllegalArgumentException on a negative lr, eps or weight decay, or a beta outside [0, 1)
     */
    public Adam(List<Tensor> params, Options options) {
        this(singleGroup(params), options, false);
    }

    /**
     * {@code Adam([{'params': ..., 'lr': ...}, ...], **defaults)}: parameter groups whose own options
     * override {@code defaults}.
     *
     * @throws IllegalArgumentException as {@link #Adam(List, Options)}, for the defaults and every group
     */
    public Adam(Collection<ParamGroup> groups, Options defaults) {
        this(List.copyOf(groups), defaults, false);
    }

    Adam(List<ParamGroup> groups, Options options, boolean decoupledWeightDecay) {
        super(groups, options.toMap());
        this.options = options;
        this.decoupledWeightDecay = decoupledWeightDecay;
    }

    @Override
    protected void checkOptions(Map<String, Object> options, String where) {
        String op = name();
        Options o = Options.fromMap(op, options, where);
        if (!(o.lr() >= 0)) {
            throw new IllegalArgumentException(op + ": Invalid learning rate: " + o.lr() + where);
        }
        checkNonNegative(op, "epsilon", o.eps(), where);
        checkBeta(op, 0, o.beta1(), where);
        checkBeta(op, 1, o.beta2(), where);
        checkNonNegative(op, "weight_decay", o.weightDecay(), where);
    }

    private static void checkBeta(String op, int index, double beta, String where) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException(op + ": Invalid beta parameter at index " + index
                    + ": expected a value in [0, 1), got " + beta + where);
        }
    }

    /** The defaults given at construction ({@code optimizer.defaults}); see {@link #options(int)} for a group's. */
    public Options options() {
        return options;
    }

    /** The current options of group {@code group} (its lr as changed by schedulers). */
    public Options options(int group) {
        return Options.fromMap(name(), paramGroups().get(group).options(), "");
    }

    @Override
    protected void update(ParamGroup group, Tensor param, Tensor grad, Map<String, Tensor> st) {
        Options options = Options.fromMap(name(), group.options(), "");
        DType dt = param.dtype();
        int n = param.numel();
        if (!st.containsKey("step")) {
            // NOTE: PyTorch keeps step as a float32 scalar tensor; integers stay exact up to 2^24.
            st.put("step", Tensor.scalar(0));
            st.put("exp_avg", Tensor.zeros(dt, param.shape()));
            st.put("exp_avg_sq", Tensor.zeros(dt, param.shape()));
        }
        if (options.amsgrad() && !st.containsKey("max_exp_avg_sq")) {
            // NOTE: amsgrad switched on in a group after its first step: PyTorch fails with a KeyError;
            // we start the running maximum at zero, as a fresh state would.
            st.put("max_exp_avg_sq", Tensor.zeros(dt, param.shape()));
        }
        Tensor stepT = st.get("step");
        stepT.setFlat(0, stepT.getFlat(0) + 1);
        double step = stepT.getFlat(0);
        Tensor expAvg = st.get("exp_avg");
        Tensor expAvgSq = st.get("exp_avg_sq");
        Tensor maxSq = st.get("max_exp_avg_sq");
        double lr = options.lr();
        boolean maximize = options.maximize();
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
                double g = maximize ? -grad.getFlat(i) : grad.getFlat(i);
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
