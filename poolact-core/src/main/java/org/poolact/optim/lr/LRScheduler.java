package org.poolact.optim.lr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.poolact.optim.Optimizer;
import org.poolact.optim.ParamGroup;

/**
 * Base of the learning-rate schedulers ({@code torch.optim.lr_scheduler.LRScheduler}). Construction
 * sets {@code initial_lr} on every param group that lacks it ({@code group.setdefault('initial_lr',
 * group['lr'])}), takes {@code base_lrs} from them and performs PyTorch's initial step (epoch 0); each
 * {@link #step()} advances one epoch and sets every group's lr with the scheduler's recursive
 * ("chainable") rule from that group's current lr and its own base lr, as PyTorch's {@code get_lr()}
 * does. Call it after {@code optimizer.step()}.
 */
public abstract class LRScheduler {
    private final Optimizer optimizer;
    private final List<Double> baseLrs = new ArrayList<>();
    private List<Double> lastLrs = List.of();
    private int lastEpoch = -1;
    private int stepCount;

    protected LRScheduler(Optimizer optimizer) {
        this.optimizer = optimizer;
        for (ParamGroup g : optimizer.paramGroups()) {
            if (g.initialLr() == null) {
                g.set("initial_lr", g.lr());
            }
            baseLrs.add(g.initialLr());
        }
    }

    /** PyTorch's {@code _initial_step()}; subclasses call it last in their constructor. */
    protected final void initialStep() {
        step();
    }

    /**
     * Advances one epoch and updates every group's learning rate.
     *
     * @throws IllegalStateException if param groups were added to the optimiser after this scheduler
     *                               was created (it has no base lr for them)
     */
    public void step() {
        List<ParamGroup> groups = optimizer.paramGroups();
        if (groups.size() != baseLrs.size()) {
            throw new IllegalStateException(getClass().getSimpleName() + ": the optimizer has " + groups.size()
                    + " param groups but the scheduler knows " + baseLrs.size() + " (add groups before creating the scheduler)");
        }
        stepCount++;
        lastEpoch++;
        List<Double> lrs = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            lrs.add(nextLr(groups.get(i).lr(), baseLrs.get(i), lastEpoch));
        }
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).lr(lrs.get(i));
        }
        lastLrs = List.copyOf(lrs);
    }

    /** One group's learning rate for {@code epoch} given its current one and its base lr (PyTorch's {@code get_lr()}). */
    protected abstract double nextLr(double currentLr, double baseLr, int epoch);

    /** {@code base_lrs[0]}: the first group's {@code initial_lr}. */
    public double baseLr() {
        return baseLrs.get(0);
    }

    /** {@code base_lrs}: every group's {@code initial_lr}. */
    public List<Double> baseLrs() {
        return List.copyOf(baseLrs);
    }

    /** {@code last_epoch}. */
    public int lastEpoch() {
        return lastEpoch;
    }

    /** {@code get_last_lr()[0]}. */
    public double lastLr() {
        return lastLrs.get(0);
    }

    /** {@code get_last_lr()}: the lr of every group set by the last step. */
    public List<Double> lastLrs() {
        return lastLrs;
    }

    /** The scheduler's own hyper-parameters under PyTorch's attribute names (e.g. step_size, gamma). */
    protected abstract Map<String, Object> hyperParameters();

    /** Sets the hyper-parameters from a state dict (keys as {@link #hyperParameters()}; checked). */
    protected abstract void loadHyperParameters(Map<String, Object> values);

    /**
     * {@code scheduler.state_dict()}: PyTorch's attributes but the optimiser: the hyper-parameters,
     * {@code base_lrs}, {@code last_epoch}, {@code _step_count} and {@code _last_lr}.
     */
    public Map<String, Object> stateDict() {
        Map<String, Object> sd = new LinkedHashMap<>(hyperParameters());
        sd.put("base_lrs", List.copyOf(baseLrs));
        sd.put("last_epoch", lastEpoch);
        sd.put("_step_count", stepCount);
        sd.put("_last_lr", lastLrs);
        return sd;
    }

    /**
     * {@code scheduler.load_state_dict(sd)}: restores the attributes (not the optimiser's lr, which
     * the optimiser's own state dict carries, as in PyTorch).
     *
     * @throws IllegalArgumentException on a missing key, a value of the wrong type or a different number of groups
     */
    public void loadStateDict(Map<String, Object> sd) {
        String op = getClass().getSimpleName();
        List<Double> bases = doubles(op, sd, "base_lrs");
        List<Double> last = doubles(op, sd, "_last_lr");
        int groups = optimizer.paramGroups().size();
        if (bases.size() != groups) {
            throw new IllegalArgumentException(op + ": load_state_dict: expected " + groups + " base_lrs (one per param group), got "
                    + bases.size());
        }
        loadHyperParameters(sd);
        baseLrs.clear();
        baseLrs.addAll(bases);
        lastLrs = last;
        lastEpoch = integer(op, sd, "last_epoch");
        stepCount = integer(op, sd, "_step_count");
    }

    /** An epoch-count hyper-parameter (step_size, T_max), which must be positive: PyTorch's message. */
    static int positive(String op, String key, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(op + ": " + key + " must be greater than zero, but got " + v);
        }
        return v;
    }

    /** A scheduler's hyper-parameters for its state dict: key, value, key, value, ... in order. */
    static Map<String, Object> entries(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static int integer(String op, Map<String, Object> sd, String key) {
        if (!(sd.get(key) instanceof Number n) || n.doubleValue() != n.intValue()) {
            throw new IllegalArgumentException(op + ": load_state_dict: " + key + " must be an integer, got " + sd.get(key));
        }
        return n.intValue();
    }

    static double number(String op, Map<String, Object> sd, String key) {
        if (!(sd.get(key) instanceof Number n)) {
            throw new IllegalArgumentException(op + ": load_state_dict: " + key + " must be a number, got " + sd.get(key));
        }
        return n.doubleValue();
    }

    private static List<Double> doubles(String op, Map<String, Object> sd, String key) {
        List<Double> out = new ArrayList<>();
        if (sd.get(key) instanceof List<?> l) {
            for (Object o : l) {
                if (!(o instanceof Number n)) {
                    out = null;
                    break;
                }
                out.add(n.doubleValue());
            }
            if (out != null) {
                return List.copyOf(out);
            }
        }
        throw new IllegalArgumentException(op + ": load_state_dict: " + key + " must be a list of numbers, got " + sd.get(key));
    }
}
