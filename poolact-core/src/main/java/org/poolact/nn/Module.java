package org.poolact.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.poolact.tensor.Tensor;

/**
 * Base class of all layers: {@code torch.nn.Module}. A module registers its parameters, buffers and
 * children in order; {@link #namedParameters()} walks them like PyTorch ({@code "0.weight"}, ...),
 * and {@link #toString()} prints PyTorch's repr.
 */
public abstract class Module {
    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** The forward computation. */
    public abstract Tensor forward(Tensor input);

    /** Registers a learnable parameter (marked requires_grad) under {@code name}; null is allowed (e.g. no bias). */
    protected Tensor registerParameter(String name, Tensor value) {
        if (value != null) {
            value.requiresGrad(true);
        }
        parameters.put(name, value);
        return value;
    }

    /** Registers a non-learnable state tensor (e.g. BatchNorm's running_mean). */
    protected Tensor registerBuffer(String name, Tensor value) {
        buffers.put(name, value);
        return value;
    }

    /** Registers a child module. */
    protected <M extends Module> M registerModule(String name, M module) {
        children.put(name, module);
        return module;
    }

    /** The direct parameter called {@code name}, or null. */
    public Tensor parameter(String name) {
        return parameters.get(name);
    }

    /** The direct buffer called {@code name}, or null. */
    public Tensor buffer(String name) {
        return buffers.get(name);
    }

    /** Direct children in registration order: {@code named_children()}. */
    public Map<String, Module> namedChildren() {
        return new LinkedHashMap<>(children);
    }

    /** All parameters, recursively, with dotted names: {@code named_parameters()}. */
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect(out, "", true);
        return out;
    }

    /** All buffers, recursively, with dotted names: {@code named_buffers()}. */
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect(out, "", false);
        return out;
    }

    private void collect(Map<String, Tensor> out, String prefix, boolean params) {
        for (Map.Entry<String, Tensor> e : (params ? parameters : buffers).entrySet()) {
            if (e.getValue() != null) {
                out.put(prefix + e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, Module> c : children.entrySet()) {
            c.getValue().collect(out, prefix + c.getKey() + ".", params);
        }
    }

    /** All parameters, recursively: {@code parameters()}. */
    public List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Parameters and buffers with dotted names: {@code state_dict()}. */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collectState(out, "");
        return out;
    }

    private void collectState(Map<String, Tensor> out, String prefix) {
        parameters.forEach((k, v) -> {
            if (v != null) {
                out.put(prefix + k, v);
            }
        });
        buffers.forEach((k, v) -> {
            if (v != null) {
                out.put(prefix + k, v);
            }
        });
        children.forEach((k, v) -> v.collectState(out, prefix + k + "."));
    }

    /**
     * Copies values into this module's parameters and buffers in place: {@code load_state_dict(strict=True)}.
     *
     * @throws IllegalArgumentException on a missing or unexpected key or a shape mismatch
     */
    public void loadStateDict(Map<String, Tensor> state) {
        Map<String, Tensor> own = stateDict();
        for (String k : state.keySet()) {
            if (!own.containsKey(k)) {
                throw new IllegalArgumentException("loadStateDict: unexpected key \"" + k + "\"");
            }
        }
        for (Map.Entry<String, Tensor> e : own.entrySet()) {
            Tensor src = state.get(e.getKey());
            if (src == null) {
                throw new IllegalArgumentException("loadStateDict: missing key \"" + e.getKey() + "\"");
            }
            Tensor dst = e.getValue();
            if (!java.util.Arrays.equals(src.shape(), dst.shape())) {
                throw new IllegalArgumentException("loadStateDict: size mismatch for " + e.getKey()
                        + ": copying a param with shape " + java.util.Arrays.toString(src.shape())
                        + ", the shape in current model is " + java.util.Arrays.toString(dst.shape()));
            }
            for (int i = 0; i < dst.numel(); i++) {
                dst.setFlat(i, src.getFlat(i));
            }
        }
    }

    /** Sets training mode recursively: {@code train(mode)}. */
    public Module train(boolean mode) {
        training = mode;
        for (Module c : children.values()) {
            c.train(mode);
        }
        return this;
    }

    /** {@code train()}. */
    public Module train() {
        return train(true);
    }

    /** {@code eval()}. */
    public Module eval() {
        return train(false);
    }

    /** {@code module.training}. */
    public boolean isTraining() {
        return training;
    }

    /** Clears every parameter's gradient: {@code zero_grad()} (set_to_none=True, PyTorch 2.x's default). */
    public void zeroGrad() {
        for (Tensor p : parameters()) {
            p.setGrad(null);
        }
    }

    /** The text inside the parentheses of this module's repr, e.g. {@code 1, 1, kernel_size=(3, 3), stride=(1, 1)}. */
    public String extraRepr() {
        return "";
    }

    /** The class name PyTorch prints, e.g. {@code Conv2d}. */
    public String typeName() {
        return getClass().getSimpleName();
    }

    /** PyTorch's module repr, nesting children two spaces deeper. */
    @Override
    public String toString() {
        if (children.isEmpty()) {
            return typeName() + "(" + extraRepr() + ")";
        }
        StringBuilder sb = new StringBuilder(typeName()).append("(");
        String extra = extraRepr();
        if (!extra.isEmpty()) {
            sb.append("\n  ").append(extra);
        }
        for (Map.Entry<String, Module> c : children.entrySet()) {
            String child = c.getValue().toString().replace("\n", "\n  ");
            sb.append("\n  (").append(c.getKey()).append("): ").append(child);
        }
        return sb.append("\n)").toString();
    }
}
