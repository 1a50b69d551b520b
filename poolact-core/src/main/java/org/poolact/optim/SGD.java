package org.poolact.optim;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;

/**
 * {@code torch.optim.SGD(params, lr, momentum=0, dampening=0, weight_decay=0, nesterov=False, *,
 * maximize=False)}, per parameter p with gradient g, with its group's options (PyTorch's
 * {@code _single_tensor_sgd}):
 * <pre>
 * g = maximize ? -g : g
 * g = g + weight_decay * p                          (if weight_decay != 0)
 * buf = g                      on the first step    (if momentum != 0)
 * buf = momentum * buf + (1 - dampening) * g        afterwards
 * g = nesterov ? g + momentum * buf : buf
 * p = p - lr * g
 * </pre>
 * NOTE: the docs' algorithm box applies maximize at the end ({@code p = p + lr * g}); the code negates
 * the gradient first, which differs once weight decay is on. We follow the code (the fixtures check it).
 * <p>
 * Parameter groups: {@code torch.optim.SGD([{'params': w}, {'params': b, 'lr': 0.01}], lr=0.1,
 * momentum=0.9)} is {@code new SGD(List.of(ParamGroup.of(w), ParamGroup.of(b).lr(0.01)),
 * SGD.Options.lr(0.1).withMomentum(0.9))}.
 */
public final class SGD extends Optimizer {
    private final Options options;

    /** SGD's hyper-parameters; start from {@link #lr(double)} and add what differs from PyTorch's defaults. */
    public record Options(double lr, double momentum, double dampening, double weightDecay, boolean nesterov,
                          boolean maximize) {
        /** The options without {@code maximize} (false). */
        public Options(double lr, double momentum, double dampening, double weightDecay, boolean nesterov) {
            this(lr, momentum, dampening, weightDecay, nesterov, false);
        }

        /** lr with PyTorch's defaults for everything else (no momentum, no decay). */
        public static Options lr(double lr) {
            return new Options(lr, 0, 0, 0, false, false);
        }

        public Options withLr(double v) {
            return new Options(v, momentum, dampening, weightDecay, nesterov, maximize);
        }

        public Options withMomentum(double m) {
            return new Options(lr, m, dampening, weightDecay, nesterov, maximize);
        }

        public Options withDampening(double d) {
            return new Options(lr, momentum, d, weightDecay, nesterov, maximize);
        }

        public Options withWeightDecay(double wd) {
            return new Options(lr, momentum, dampening, wd, nesterov, maximize);
        }

        public Options withNesterov(boolean n) {
            return new Options(lr, momentum, dampening, weightDecay, n, maximize);
        }

        public Options withMaximize(boolean m) {
            return new Options(lr, momentum, dampening, weightDecay, nesterov, m);
        }

        /** The options as a param group's dict, PyTorch's keys in its order. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lr", lr);
            m.put("momentum", momentum);
            m.put("dampening", dampening);
            m.put("weight_decay", weightDecay);
            m.put("nesterov", nesterov);
            m.put("maximize", maximize);
            return m;
        }

        static Options fromMap(Map<String, Object> m, String where) {
            return new Options(number("SGD", m, "lr", where), number("SGD", m, "momentum", where),
                    number("SGD", m, "dampening", where), number("SGD", m, "weight_decay", where),
                    flag("SGD", m, "nesterov", where), flag("SGD", m, "maximize", where));
        }
    }

    /** {@code SGD(params, lr)}. */
    public SGD(List<Tensor> params, double lr) {
        this(params, Options.lr(lr));
    }

    /**
     * {@code SGD(params, **options)}: one parameter group.
     *
     * @throws IllegalArgumentException on a negative lr, momentum or weight decay, or nesterov without
     *                                  momentum or with dampening (PyTorch's messages)
     */
    public SGD(List<Tensor> params, Options options) {
        super(singleGroup(params), options.toMap());
        this.options = options;
    }

    /**
     * {@code SGD([{'params': ..., 'lr': ...}, ...], **defaults)}: parameter groups whose own options
     * override {@code defaults}.
     *
     * @throws IllegalArgumentException as {@link #SGD(List, Options)}, for the defaults and every group
     *                                  (the message then names the group)
     */
    public SGD(Collection<ParamGroup> groups, Options defaults) {
        super(List.copyOf(groups), defaults.toMap());
        this.options = defaults;
    }

    /** The defaults given at construction ({@code optimizer.defaults}); see {@link #options(int)} for a group's. */
    public Options options() {
        return options;
    }

    /** The current options of group {@code group} (its lr as changed by schedulers). */
    public Options options(int group) {
        return Options.fromMap(paramGroups().get(group).options(), "");
    }

    @Override
    protected void checkOptions(Map<String, Object> options, String where) {
        Options o = Options.fromMap(options, where);
        if (!(o.lr() >= 0)) {
            throw new IllegalArgumentException("SGD: Invalid learning rate: " + o.lr() + where);
        }
        checkNonNegative("SGD", "momentum", o.momentum(), where);
        checkNonNegative("SGD", "weight_decay", o.weightDecay(), where);
        if (o.nesterov() && (o.momentum() <= 0 || o.dampening() != 0)) {
            throw new IllegalArgumentException("SGD: Nesterov momentum requires a momentum and zero dampening (got momentum="
                    + o.momentum() + ", dampening=" + o.dampening() + ")" + where);
        }
    }

    @Override
    protected void update(ParamGroup group, Tensor param, Tensor grad, Map<String, Tensor> st) {
        Options o = Options.fromMap(group.options(), "");
        DType dt = param.dtype();
        Tensor buf = st.get("momentum_buffer");
        boolean first = buf == null;
        if (o.momentum() != 0 && first) {
            buf = Tensor.empty(dt, param.shape());
            st.put("momentum_buffer", buf);
        }
        updateElements(param, grad, o.momentum() != 0 ? buf : null, first, round(dt, o.weightDecay()),
                round(dt, o.momentum()), round(dt, 1 - o.dampening()), round(dt, -o.lr()), o.nesterov(), o.maximize());
    }

    /**
     * The per-element SGD update of one parameter, in place; kept apart so a fused kernel can replace
     * this loop. Scalars come already rounded to the dtype.
     *
     * @param buf   the momentum buffer (written), or null without momentum
     * @param first whether {@code buf} is new (then it is set to the gradient, PyTorch's clone)
     */
    static void updateElements(Tensor param, Tensor grad, Tensor buf, boolean first, double wd, double mom,
                               double oneMinusDamp, double negLr, boolean nesterov, boolean maximize) {
        DType dt = param.dtype();
        int n = param.numel();
        for (int i = 0; i < n; i++) {
            double p = param.getFlat(i);
            double g = maximize ? -grad.getFlat(i) : grad.getFlat(i);
            if (wd != 0) {
                g = round(dt, g + wd * p);
            }
            if (buf != null) {
                double b = first ? g : round(dt, round(dt, buf.getFlat(i) * mom) + oneMinusDamp * g);
                buf.setFlat(i, b);
                g = nesterov ? round(dt, g + mom * b) : b;
            }
            param.setFlat(i, p + negLr * g);
        }
    }
}
