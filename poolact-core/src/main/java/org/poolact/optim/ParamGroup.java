package org.poolact.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.poolact.tensor.Tensor;

/**
 * One parameter group, PyTorch's {@code {'params': [...], 'lr': ..., ...}} dict of
 * {@code optimizer.param_groups}. Built with {@link #of(List)} plus the options that override the
 * optimiser's defaults, e.g. {@code ParamGroup.of(biases).lr(0.01).weightDecay(0)}; the optimiser
 * fills the other options from its defaults when it takes the group ({@code add_param_group}).
 * <p>
 * Options use PyTorch's keys and value types: {@code lr}, {@code momentum}, {@code dampening},
 * {@code weight_decay}, {@code eps} as Double; {@code nesterov}, {@code maximize}, {@code amsgrad} as
 * Boolean; {@code betas} as a two-element {@code List<Double>}; {@code initial_lr} (set by the first
 * lr scheduler). Once the group belongs to an optimiser it stays mutable, like
 * {@code optimizer.param_groups[i]['lr'] = x}, but every change is checked by that optimiser
 * (unknown option or invalid value: IllegalArgumentException, nothing changed).
 */
public final class ParamGroup {
    private final List<Tensor> params;
    private final Map<String, Object> options = new LinkedHashMap<>();
    private Optimizer owner;
    private int index = -1;

    private ParamGroup(List<Tensor> params) {
        this.params = Collections.unmodifiableList(new ArrayList<>(params));
    }

    /** A group of {@code params} with no options of its own yet (all from the optimiser's defaults). */
    public static ParamGroup of(List<Tensor> params) {
        return new ParamGroup(params);
    }

    /** {@code group['params']}, in order (read-only). */
    public List<Tensor> params() {
        return params;
    }

    /** The options, without {@code params}, in insertion order (a read-only view). */
    public Map<String, Object> options() {
        return Collections.unmodifiableMap(options);
    }

    /** {@code group[key]}, or null if absent. */
    public Object get(String key) {
        return options.get(key);
    }

    /**
     * {@code group[key] = value}. Numbers are stored as Double; for {@code betas} a {@code double[]} or
     * a list of two numbers is accepted.
     *
     * @throws IllegalArgumentException if the group belongs to an optimiser that has no such option or
     *                                  rejects the value (the group is then unchanged)
     */
    public ParamGroup set(String key, Object value) {
        Object v = normalise(key, value);
        if (owner == null) {
            options.put(key, v);
            return this;
        }
        Map<String, Object> candidate = new LinkedHashMap<>(options);
        candidate.put(key, v);
        owner.checkGroupOptions(candidate, index);
        options.put(key, v);
        return this;
    }

    /** {@code group['lr']}. */
    public double lr() {
        return doubleOption("lr");
    }

    /** Sets {@code lr}. */
    public ParamGroup lr(double lr) {
        return set("lr", lr);
    }

    /** {@code group['initial_lr']} (set by the first lr scheduler), or null. */
    public Double initialLr() {
        return (Double) options.get("initial_lr");
    }

    /** Sets {@code momentum} (SGD). */
    public ParamGroup momentum(double v) {
        return set("momentum", v);
    }

    /** Sets {@code dampening} (SGD). */
    public ParamGroup dampening(double v) {
        return set("dampening", v);
    }

    /** Sets {@code nesterov} (SGD). */
    public ParamGroup nesterov(boolean v) {
        return set("nesterov", v);
    }

    /** Sets {@code weight_decay}. */
    public ParamGroup weightDecay(double v) {
        return set("weight_decay", v);
    }

    /** Sets {@code maximize}. */
    public ParamGroup maximize(boolean v) {
        return set("maximize", v);
    }

    /** Sets {@code betas} (Adam, AdamW). */
    public ParamGroup betas(double beta1, double beta2) {
        return set("betas", List.of(beta1, beta2));
    }

    /** Sets {@code eps} (Adam, AdamW). */
    public ParamGroup eps(double v) {
        return set("eps", v);
    }

    /** Sets {@code amsgrad} (Adam, AdamW). */
    public ParamGroup amsgrad(boolean v) {
        return set("amsgrad", v);
    }

    double doubleOption(String key) {
        Object v = options.get(key);
        if (v == null) {
            throw new IllegalStateException("param group has no option " + key + " (it gets the optimizer's default"
                    + " when added to an optimizer)");
        }
        return (Double) v;
    }

    /** Binds the group to its optimiser after the defaults were filled in and checked. */
    void bind(Optimizer optimizer, int groupIndex, Map<String, Object> filled) {
        if (owner != null) {
            throw new IllegalArgumentException(optimizer.name() + ": the param group already belongs to an optimizer");
        }
        options.clear();
        options.putAll(filled);
        owner = optimizer;
        index = groupIndex;
    }

    /** Replaces all options (load_state_dict); {@code filled} was checked by the owner. */
    void replaceOptions(Map<String, Object> filled) {
        options.clear();
        options.putAll(filled);
    }

    /** A value as stored: numbers as Double, betas as a two-element List of Double; null rejected. */
    static Object normalise(String key, Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if ("betas".equals(key) && value instanceof double[] a && a.length == 2) {
            return List.of(a[0], a[1]);
        }
        if ("betas".equals(key) && value instanceof List<?> l && l.size() == 2
                && l.get(0) instanceof Number b1 && l.get(1) instanceof Number b2) {
            return List.of(b1.doubleValue(), b2.doubleValue());
        }
        if (value == null) {
            throw new IllegalArgumentException("param group option " + key + ": expected a value, got null");
        }
        return value;
    }
}
