package org.poolact.lab.train;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;

import org.poolact.nn.Module;
import org.poolact.nn.conv.Conv2d;
import org.poolact.nn.functional.ActivationSpec;
import org.poolact.nn.linear.Flatten;
import org.poolact.nn.pooling.AvgPool2d;
import org.poolact.nn.pooling.MaxPool2d;
import org.poolact.tensor.Tensor;

/** A poolact Sequential re-expressed in libtorch ops through DJL (relu or gelu activations), for tests and benchmarks. */
final class TorchCnn {
    private TorchCnn() {
    }

    /** Our float32 tensor as an NDArray in {@code m}. */
    static NDArray nd(NDManager m, Tensor t) {
        return m.create(t.toFloatArray(), new Shape(Arrays.stream(t.shape()).asLongStream().toArray()));
    }

    /** The forward pass of {@code layers}, layer by layer, in libtorch ops on {@code params} (named as our state dict). */
    static NDArray forward(List<Module> layers, Map<String, NDArray> params, NDArray x, ActivationSpec act) {
        for (int i = 0; i < layers.size(); i++) {
            Module l = layers.get(i);
            if (l instanceof Conv2d c) {
                int p = c.options().padding().height();
                x = ai.djl.nn.convolutional.Conv2d.conv2d(x, params.get(i + ".weight"), params.get(i + ".bias"),
                        new Shape(1, 1), new Shape(p, p)).singletonOrThrow();
            } else if (l instanceof MaxPool2d mp) {
                long k = mp.options().kernelSize().h();
                x = Pool.maxPool2d(x, new Shape(k, k), new Shape(k, k), new Shape(0, 0), false);
            } else if (l instanceof AvgPool2d ap) {
                long k = ap.options().kernelSize().h();
                x = Pool.avgPool2d(x, new Shape(k, k), new Shape(k, k), new Shape(0, 0), false, true);
            } else if (l instanceof Flatten) {
                x = x.reshape(x.getShape().get(0), -1);
            } else if (l instanceof org.poolact.nn.linear.Linear) {
                x = Linear.linear(x, params.get(i + ".weight"), params.get(i + ".bias")).singletonOrThrow();
            } else if (act.name().equals("relu")) {
                x = Activation.relu(x);
            } else if (act.name().equals("gelu")) {
                x = Activation.gelu(x);
            } else {
                throw new IllegalArgumentException("TorchCnn: no libtorch form for layer " + l);
            }
        }
        return x;
    }
}
