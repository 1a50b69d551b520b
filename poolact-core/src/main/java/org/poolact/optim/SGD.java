package org.poolact.optim;

import java.util.List;
import java.util.Map;

import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;

/**
 * {@code torch.optim.SGD(params, lr, momentum=0, dampening=0, weight_decay=0, nesterov=False)}, per
 * parameter p with gradient g:
 * <pre>
 * g = g + weight_decay * p                          (if weight_decay != 0)
 * buf = g                      on the first step    (if momentum != 0)
 * buf = momentum * buf + (1 - dampening) * g        afterwards
 * g = nesterov ? g + momentum * buf : buf
 * p = p - lr * g
 * </pre>
 */
public final class SGD extends Optimizer {
    private final Options options;

    /** SGD's hyper-parameters; start from {@link #lr(double)} and add what differs from PyTorch's defaults. */
    public record Options(double lr, double momentum, double dampening, double weightDecay, boolean nesterov) {
        /** lr with PyTorch's defaults for everything else (no momentum, no decay). */
        public static Options lr(double lr) {
            return new Options(lr, 0, 0, 0, false);
        }

        public Options withMomentum(double m) {
            return new Options(lr, m, dampening, weightDecay, nesterov);
        }

        public Options withDampening(double d) {
            return new Options(lr, momentum, d, weightDecay, nesterov);
        }

        public Options withWeightDecay(double wd) {
            return new Options(lr, momentum, dampening, wd, nesterov);
        }

        public Options withNesterov(boolean n) {
            return new Options(lr, momentum, dampening, weightDecay, n);
        }
    }

    /** {@code SGD(params, lr)}. */
    public SGD(List<Tensor> params, double lr) {
        this(params, Options.lr(lr));
    }

    /**
     * {@code SGD(params, **options)}.
     *
     * @throws IllegalArgumentException on a negative lr, momentum or weight decay, or nesterov without
     *                                  momentum or with dampening (PyTorch's messages)
     */
    public SGD(List<Tensor> params, Options options) {
        super(params, options.lr());
        checkNonNegative("SGD", "momentum", options.momentum());
        checkNonNegative("SGD", "weight_decay", options.weightDecay());
        if (options.nesterov() && (options.momentum() <= 0 || options.dampening() != 0)) {
            throw new IllegalArgumentException("SGD: Nesterov momentum requires a momentum and zero dampening (got momentum="
                    + options.momentum() + ", dampening=" + options.dampening() + ")");
        }
        this.options = options;
    }

    /** The hyper-parameters (lr as given at construction; see {@link #lr()} for the current one). */
    public Options options() {
        return options;
    }

    @Override
    protected void update(Tensor param, Tensor grad, Map<String, Tensor> st) {
        DType dt = param.dtype();
        int n = param.numel();
        double wd = round(dt, options.weightDecay());
        double mom = round(dt, options.momentum());
        double oneMinusDamp = round(dt, 1 - options.dampening());
        double negLr = round(dt, -lr());
        Tensor buf = st.get("momentum_buffer");
        boolean first = buf == null;
        if (options.momentum() != 0 && first) {
            buf = Tensor.empty(dt, param.shape());
            st.put("momentum_buffer", buf);
        }
        for (int i = 0; i < n; i++) {
            double p = param.getFlat(i);
            double g = grad.getFlat(i);
            if (options.weightDecay() != 0) {
                g = round(dt, g + wd * p);
            }
            if (options.momentum() != 0) {
                double b = first ? g : round(dt, round(dt, buf.getFlat(i) * mom) + oneMinusDamp * g);
                buf.setFlat(i, b);
                g = options.nesterov() ? round(dt, g + mom * b) : b;
            }
            param.setFlat(i, p + negLr * g);
        }
    }
}
