package org.poolact.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.poolact.autograd.GradMode;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;

/**
 * Base of the optimisers ({@code torch.optim.Optimizer}) over one or more {@link ParamGroup}s, each
 * with its own options (defaults filled in from the optimiser's). All per-parameter state (momentum
 * buffers, moments, step counts) lives here, keyed by parameter identity, never in the layers.
 * {@link #step()} runs under no-grad and updates parameters in place; parameters whose {@code .grad}
 * is null are skipped, as in PyTorch.
 * <p>
 * Updates follow PyTorch's single-tensor ({@code foreach=False}, the CPU default) code op by op; each
 * tensor op's result is rounded to the parameter's dtype, and Python-float scalars are rounded to
 * the dtype before use, as PyTorch's CPU kernels do for float32.
 */
public abstract class Optimizer {
    /** PyTorch implementation switches a loaded state dict may carry; accepted and ignored when off. */
    private static final Set<String> TORCH_ONLY_FLAGS = Set.of("foreach", "differentiable", "fused", "capturable");

    private final Map<String, Object> defaults;
    private final List<ParamGroup> groups = new ArrayList<>();
    private final Map<Tensor, Map<String, Tensor>> state = new IdentityHashMap<>();

    /**
     * {@code Optimizer(params, defaults)} with parameter groups.
     *
     * @param groups   the groups (options they set override {@code defaults})
     * @param defaults every option of this optimiser with its default, PyTorch's keys
     * @throws IllegalArgumentException on an empty group list or an invalid default
     */
    protected Optimizer(List<ParamGroup> groups, Map<String, Object> defaults) {
        this.defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        if (groups.isEmpty()) {
            throw new IllegalArgumentException(name() + ": optimizer got an empty parameter list");
        }
        checkOptions(this.defaults, "");
        for (ParamGroup g : groups) {
            addParamGroup(g);
        }
    }

    /** The single group of the classic {@code Optimizer(params, lr=...)} form (no group for no params). */
    protected static List<ParamGroup> singleGroup(List<Tensor> params) {
        return params.isEmpty() ? List.of() : List.of(ParamGroup.of(params));
    }

    /** The class name used in messages ("SGD", "Adam", "AdamW"). */
    protected String name() {
        return getClass().getSimpleName();
    }

    /**
     * Checks a complete option map (every default key present).
     *
     * @param where "" for the defaults, or " (param group i)" for a group, appended to messages
     * @throws IllegalArgumentException naming the option, what was expected and what came
     */
    protected abstract void checkOptions(Map<String, Object> options, String where);

    /**
     * {@code optimizer.add_param_group(group)}: fills the options the group does not set from the
     * defaults ({@code setdefault}) and checks them.
     *
     * @throws IllegalArgumentException on a non-leaf tensor, a parameter already in another group, an
     *                                  option this optimiser does not have or an invalid value
     */
    public void addParamGroup(ParamGroup group) {
        for (Tensor p : group.params()) {
            if (!p.isLeaf()) {
                throw new IllegalArgumentException(name() + ": can't optimize a non-leaf Tensor");
            }
            for (ParamGroup other : groups) {
                for (Tensor q : other.params()) {
                    if (q == p) {
                        throw new IllegalArgumentException(name() + ": some parameters appear in more than one parameter group");
                    }
                }
            }
        }
        Map<String, Object> filled = new LinkedHashMap<>(defaults);
        filled.putAll(group.options());
        checkGroupOptions(filled, groups.size());
        group.bind(this, groups.size(), filled);
        groups.add(group);
    }

    /** Checks a group's complete options: known keys only, then the optimiser's value checks. */
    void checkGroupOptions(Map<String, Object> options, int index) {
        String where = " (param group " + index + ")";
        for (Map.Entry<String, Object> e : options.entrySet()) {
            String k = e.getKey();
            if (k.equals("initial_lr")) {
                if (!(e.getValue() instanceof Double)) {
                    throw new IllegalArgumentException(name() + ": initial_lr must be a number, got " + e.getValue() + where);
                }
            } else if (!defaults.containsKey(k)) {
                throw new IllegalArgumentException(name() + ": unknown option '" + k + "'" + where
                        + ": expected one of " + defaults.keySet());
            }
        }
        checkOptions(options, where);
    }

    /** {@code optimizer.param_groups}: the live groups (their options are mutable, checked on change). */
    public List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(groups);
    }

    /** {@code optimizer.defaults}: every option with the default given at construction. */
    public Map<String, Object> defaultOptions() {
        return defaults;
    }

    /** All parameters, group by group, in order. */
    public List<Tensor> params() {
        List<Tensor> all = new ArrayList<>();
        for (ParamGroup g : groups) {
            all.addAll(g.params());
        }
        return all;
    }

    /** The learning rate of the first group ({@code param_groups[0]['lr']}). */
    public double lr() {
        return groups.get(0).lr();
    }

    /** Sets the learning rate of every group ({@code for g in param_groups: g['lr'] = lr}). */
    public void setLr(double lr) {
        for (ParamGroup g : groups) {
            g.lr(lr);
        }
    }

    /** {@code param_groups[0]['initial_lr']}, set by the first scheduler, or null. */
    public Double initialLr() {
        return groups.get(0).initialLr();
    }

    /** {@code optimizer.zero_grad()} with PyTorch 2.x's default {@code set_to_none=True}: every grad becomes null. */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /**
     * {@code optimizer.zero_grad(set_to_none)}: with {@code false}, existing gradients are filled with
     * zeros in place (same tensor objects; gradients that are null stay null), as PyTorch does.
     */
    public void zeroGrad(boolean setToNone) {
        for (Tensor p : params()) {
            Tensor g = p.grad();
            if (g == null) {
                continue;
            }
            if (setToNone) {
                p.setGrad(null);
            } else {
                for (int i = 0, n = g.numel(); i < n; i++) {
                    g.setFlat(i, 0.0);
                }
            }
        }
    }

    /** {@code optimizer.step()}: one update of every parameter that has a gradient, group by group. */
    public void step() {
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            for (ParamGroup group : groups) {
                for (Tensor p : group.params()) {
                    Tensor g = p.grad();
                    if (g == null) {
                        continue;
                    }
                    update(group, p, g, state.computeIfAbsent(p, k -> new LinkedHashMap<>()));
                }
            }
        }
    }

    /** The state of one parameter (e.g. {@code momentum_buffer}, {@code exp_avg}), a read-only view; empty before its first step. */
    public Map<String, Tensor> state(Tensor param) {
        return Collections.unmodifiableMap(state.getOrDefault(param, Map.of()));
    }

    /**
     * Replaces the state of one parameter with copies of {@code values} (what {@code load_state_dict}
     * does for one entry of {@code state}), e.g. to resume training from a checkpoint.
     *
     * @throws IllegalArgumentException if {@code param} is not one of this optimiser's parameters
     */
    public void loadState(Tensor param, Map<String, Tensor> values) {
        if (params().stream().noneMatch(p -> p == param)) {
            throw new IllegalArgumentException(name() + ": loadState: the tensor is not a parameter of this optimizer");
        }
        Map<String, Tensor> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, v.detach().clone()));
        state.put(param, copy);
    }

    /**
     * {@code optimizer.state_dict()} in PyTorch's structure.
     *
     * @param state       per parameter index (counted across the groups, in order) its state tensors,
     *                    only for parameters that have state
     * @param paramGroups per group its options plus {@code "params"}: the list of its parameter indices
     */
    public record StateDict(Map<Integer, Map<String, Tensor>> state, List<Map<String, Object>> paramGroups) {
    }

    /**
     * {@code optimizer.state_dict()}. NOTE: unlike PyTorch, whose state dict holds references to the
     * live state tensors, the tensors here are copies: a saved dict does not change as training goes on.
     */
    public StateDict stateDict() {
        Map<Integer, Map<String, Tensor>> packedState = new LinkedHashMap<>();
        List<Map<String, Object>> packedGroups = new ArrayList<>();
        int index = 0;
        for (ParamGroup g : groups) {
            Map<String, Object> packed = new LinkedHashMap<>(g.options());
            List<Integer> ids = new ArrayList<>();
            for (Tensor p : g.params()) {
                Map<String, Tensor> st = state.get(p);
                if (st != null && !st.isEmpty()) {
                    Map<String, Tensor> copy = new LinkedHashMap<>();
                    st.forEach((k, v) -> copy.put(k, v.detach().clone()));
                    packedState.put(index, Collections.unmodifiableMap(copy));
                }
                ids.add(index++);
            }
            packed.put("params", List.copyOf(ids));
            packedGroups.add(Collections.unmodifiableMap(packed));
        }
        return new StateDict(Collections.unmodifiableMap(packedState), List.copyOf(packedGroups));
    }

    /**
     * {@code optimizer.load_state_dict(sd)}: group options (including {@code lr} and {@code initial_lr})
     * and per-parameter state are taken from {@code sd}, matched to this optimiser's parameters by
     * position. Floating-point state is copied and cast to its parameter's dtype, except {@code step},
     * as PyTorch does. Options missing from {@code sd} get the defaults (PyTorch's {@code __setstate__}
     * does this for options added in later versions); PyTorch-only switches ({@code foreach},
     * {@code fused}, {@code differentiable}, {@code capturable}) are accepted when off and dropped.
     *
     * @throws IllegalArgumentException on a different number of groups, a group of a different size, an
     *                                  unknown option or value, or state of the wrong shape or index;
     *                                  nothing is changed then
     */
    public void loadStateDict(StateDict sd) {
        if (sd.paramGroups().size() != groups.size()) {
            throw new IllegalArgumentException(name() + ": loaded state dict has a different number of parameter groups: expected "
                    + groups.size() + ", got " + sd.paramGroups().size());
        }
        Map<Integer, Tensor> byIndex = new LinkedHashMap<>();
        List<Map<String, Object>> newOptions = new ArrayList<>();
        for (int gi = 0; gi < groups.size(); gi++) {
            Map<String, Object> saved = sd.paramGroups().get(gi);
            List<Tensor> ps = groups.get(gi).params();
            if (!(saved.get("params") instanceof List<?> ids) || ids.size() != ps.size()) {
                throw new IllegalArgumentException(name() + ": loaded state dict contains a parameter group that doesn't match"
                        + " the size of optimizer's group: group " + gi + " has " + ps.size() + " parameters, the saved one "
                        + (saved.get("params") instanceof List<?> l ? l.size() : "none"));
            }
            for (int j = 0; j < ids.size(); j++) {
                byIndex.put(((Number) ids.get(j)).intValue(), ps.get(j));
            }
            Map<String, Object> filled = new LinkedHashMap<>(defaults);
            saved.forEach((k, v) -> {
                if (k.equals("params") || TORCH_ONLY_FLAGS.contains(k) && (v == null || Boolean.FALSE.equals(v))) {
                    return;
                }
                filled.put(k, ParamGroup.normalise(k, v));
            });
            checkGroupOptions(filled, gi);
            newOptions.add(filled);
        }
        Map<Tensor, Map<String, Tensor>> newState = new IdentityHashMap<>();
        for (Map.Entry<Integer, Map<String, Tensor>> e : sd.state().entrySet()) {
            Tensor p = byIndex.get(e.getKey());
            if (p == null) {
                throw new IllegalArgumentException(name() + ": loaded state dict has state for parameter index " + e.getKey()
                        + ", which no group lists (expected one of " + byIndex.keySet() + ")");
            }
            Map<String, Tensor> st = new LinkedHashMap<>();
            for (Map.Entry<String, Tensor> s : e.getValue().entrySet()) {
                Tensor v = s.getValue().detach();
                boolean step = s.getKey().equals("step");
                if (!step && !java.util.Arrays.equals(v.shape(), p.shape())) {
                    throw new IllegalArgumentException(name() + ": loaded state " + s.getKey() + " of parameter " + e.getKey()
                            + " has shape " + java.util.Arrays.toString(v.shape()) + ", expected the parameter's "
                            + java.util.Arrays.toString(p.shape()));
                }
                st.put(s.getKey(), step || v.dtype() == p.dtype() ? v.clone() : v.to(p.dtype()));
            }
            newState.put(p, st);
        }
        for (int gi = 0; gi < groups.size(); gi++) {
            groups.get(gi).replaceOptions(newOptions.get(gi));
        }
        state.clear();
        state.putAll(newState);
    }

    /**
     * Updates {@code param} in place from {@code grad} with its group's options; {@code st} is this
     * parameter's mutable state.
     */
    protected abstract void update(ParamGroup group, Tensor param, Tensor grad, Map<String, Tensor> st);

    /** Rounds a value to the dtype: an op's stored result. */
    protected static double round(DType dtype, double v) {
        return dtype == DType.FLOAT32 ? (float) v : v;
    }

    static void checkNonNegative(String op, String what, double v, String where) {
        if (!(v >= 0)) {
            throw new IllegalArgumentException(op + ": Invalid " + what + " value: " + v + where);
        }
    }

    /** {@code options[key]} as a number, or IllegalArgumentException naming the option. */
    static double number(String op, Map<String, Object> options, String key, String where) {
        Object v = options.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(op + ": option " + key + " must be a number, got " + v + where);
        }
        return n.doubleValue();
    }

    /** {@code options[key]} as a boolean, or IllegalArgumentException naming the option. */
    static boolean flag(String op, Map<String, Object> options, String key, String where) {
        Object v = options.get(key);
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException(op + ": option " + key + " must be a boolean, got " + v + where);
        }
        return b;
    }
}
