package org.poolact.lab.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import org.poolact.io.SafeTensors;
import org.poolact.nn.Module;
import org.poolact.optim.Optimizer;
import org.poolact.tensor.Tensor;

/**
 * A training checkpoint in the safetensors format, written atomically after each epoch. The model's
 * {@code state_dict} is stored under its own names ({@code 0.weight}, {@code 0.bias}, ...), so
 * {@code model.load_state_dict(safetensors.torch.load_file(f), strict=False)} works in PyTorch;
 * optimiser state is stored as {@code optimizer.<param>.<key>} (e.g. {@code optimizer.0.weight.momentum_buffer}).
 * Metadata: {@code poolact.checkpoint} (format version), {@code fingerprint} (the run's
 * {@link TrainConfig#fingerprint()}), {@code epochs_done} and {@code history} (the epochs' metrics as JSON).
 */
public final class Checkpoint {
    static final String FORMAT = "poolact.checkpoint";
    static final String OPTIMIZER_PREFIX = "optimizer.";

    private Checkpoint() {
    }

    /**
     * What a checkpoint restores.
     *
     * @param epochsDone epochs completed
     * @param history    their metrics
     */
    public record Restored(int epochsDone, List<EpochMetrics> history) {
    }

    /** Writes model, optimiser state and history atomically to {@code file}. */
    public static void save(Path file, String fingerprint, Module model, Optimizer optimizer, List<EpochMetrics> history)
            throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>(model.stateDict());
        Map<Tensor, String> names = new java.util.IdentityHashMap<>();
        model.namedParameters().forEach((k, v) -> names.put(v, k));
        for (Tensor p : optimizer.params()) {
            optimizer.state(p).forEach((key, value) -> tensors.put(OPTIMIZER_PREFIX + names.get(p) + "." + key, value));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(FORMAT, "1");
        meta.put("fingerprint", fingerprint);
        meta.put("epochs_done", Integer.toString(history.size()));
        meta.put("history", LabJson.mapper().writeValueAsString(history));
        SafeTensors.save(tensors, meta, file);
    }

    /**
     * Loads {@code file} into {@code model} and {@code optimizer}.
     *
     * @throws IllegalArgumentException if the file is not a poolact checkpoint or was written by a
     *                                  run with another fingerprint (the message shows both)
     * @throws IOException              if the file cannot be read or is corrupt
     */
    public static Restored load(Path file, String fingerprint, Module model, Optimizer optimizer) throws IOException {
        SafeTensors.Contents c = SafeTensors.load(file);
        Map<String, String> meta = c.metadata();
        if (!"1".equals(meta.get(FORMAT))) {
            throw new IllegalArgumentException("resume: " + file + " is not a poolact training checkpoint (no "
                    + FORMAT + "=1 in its metadata)");
        }
        if (!fingerprint.equals(meta.get("fingerprint"))) {
            throw new IllegalArgumentException("resume: " + file + " belongs to another run: expected fingerprint "
                    + fingerprint + " but the checkpoint has " + meta.get("fingerprint"));
        }
        Map<String, Tensor> modelState = new LinkedHashMap<>();
        Map<String, Map<String, Tensor>> optState = new LinkedHashMap<>();
        Map<String, Tensor> params = model.namedParameters();
        for (Map.Entry<String, Tensor> e : c.tensors().entrySet()) {
            String k = e.getKey();
            if (!k.startsWith(OPTIMIZER_PREFIX)) {
                modelState.put(k, e.getValue());
                continue;
            }
            String rest = k.substring(OPTIMIZER_PREFIX.length());
            String param = null;
            for (String name : params.keySet()) {
                if (rest.startsWith(name + ".") && (param == null || name.length() > param.length())) {
                    param = name;
                }
            }
            if (param == null) {
                throw new IllegalArgumentException("resume: " + file + ": optimizer state " + k + " names no parameter of the model");
            }
            optState.computeIfAbsent(param, x -> new LinkedHashMap<>()).put(rest.substring(param.length() + 1), e.getValue());
        }
        model.loadStateDict(modelState);
        optState.forEach((name, st) -> optimizer.loadState(params.get(name), st));
        List<EpochMetrics> history = new ArrayList<>(LabJson.mapper().readValue(meta.get("history"),
                new TypeReference<List<EpochMetrics>>() { }));
        return new Restored(Integer.parseInt(meta.get("epochs_done")), history);
    }
}
