package org.poolact.nn;

import java.util.ArrayList;
import java.util.List;

import org.poolact.tensor.Tensor;

/** {@code torch.nn.Sequential}: children named "0", "1", ... applied in order. */
public class Sequential extends Module {
    private final List<Module> layers = new ArrayList<>();

    public Sequential(Module... modules) {
        for (Module m : modules) {
            add(m);
        }
    }

    /** {@code append(module)}. */
    public final Sequential add(Module m) {
        registerModule(Integer.toString(layers.size()), m);
        layers.add(m);
        return this;
    }

    /** The i-th layer: {@code seq[i]}. */
    public Module get(int i) {
        return layers.get(i);
    }

    /** {@code len(seq)}. */
    public int size() {
        return layers.size();
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Module m : layers) {
            x = m.forward(x);
        }
        return x;
    }
}
