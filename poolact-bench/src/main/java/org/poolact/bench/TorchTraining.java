package org.poolact.bench;

import java.util.List;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

import org.poolact.data.Batch;
import org.poolact.data.DataLoader;
import org.poolact.tensor.Tensor;

/**
 * Training of the default model in libtorch 2.7.1 through DJL's PyTorch engine, as a PyTorch user
 * writes it: per batch {@code optimizer.zero_grad()}, forward ({@link TorchStep#logits}),
 * cross-entropy, {@code backward()}, then {@code torch.optim.SGD}'s momentum update in in-place
 * tensor ops without autograd:
 * <pre>
 * buf = grad.clone()             on the first step
 * buf = momentum * buf + grad    afterwards   (buf.mul_(momentum).add_(grad))
 * p  -= lr * buf                              (p.sub_(lr * buf))
 * </pre>
 * Parameters and momentum buffers stay in libtorch; per step only the batch goes in (its float
 * array, as a DataLoader hands it over, plus the labels) and the loss comes out.
 */
final class TorchTraining implements AutoCloseable {
    private final NDManager base;
    private final NDArray[] params;
    private final NDArray[] buffers;
    private final float lr;
    private final float momentum;
    private long updateNanos;

    /**
     * Copies {@code initial} (the default model's parameters in {@link DefaultModelWeights#shapes()}
     * order) into libtorch.
     */
    TorchTraining(List<Tensor> initial, double lr, double momentum) {
        base = NDManager.newBaseManager("PyTorch");
        params = new NDArray[initial.size()];
        buffers = new NDArray[initial.size()];
        for (int i = 0; i < params.length; i++) {
            Tensor t = initial.get(i);
            params[i] = base.create(t.toFloatArray(), shape(t.shape()));
            params[i].setRequiresGradient(true);
        }
        this.lr = (float) lr;
        this.momentum = (float) momentum;
    }

    /** One SGD step on {@code batch}; returns the batch's mean cross-entropy before the update. */
    double step(Batch batch) {
        for (NDArray p : params) {
            // NOTE: zero_grad(set_to_none=False): DJL cannot drop a gradient, so the next backward adds into zeros
            JniUtils.zeroGrad((PtNDArray) p);
        }
        try (NDManager sub = base.newSubManager()) {
            NDArray x = upload(sub, batch);
            NDArray oneHot = sub.create(batch.labels()).oneHot(10, DataType.FLOAT32);
            NDArray loss;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                loss = TorchStep.crossEntropy(TorchStep.logits(x, params), oneHot);
                gc.backward(loss);
            }
            // NOTE: the collector restored libtorch's grad mode to off (DJL's engine starts with it off):
            // the in-place updates below run as under torch.no_grad()
            long t0 = System.nanoTime();
            for (int i = 0; i < params.length; i++) {
                try (NDArray g = params[i].getGradient()) {
                    if (buffers[i] == null) {
                        buffers[i] = g.duplicate();
                    } else {
                        buffers[i].muli(momentum).addi(g);
                    }
                }
                try (NDArray delta = buffers[i].mul(lr)) {
                    params[i].subi(delta);
                }
            }
            updateNanos += System.nanoTime() - t0;
            return loss.getFloat();
        }
    }

    /** Seconds spent in the SGD updates so far. */
    double updateSeconds() {
        return updateNanos / 1e9;
    }

    /**
     * Test-set evaluation without autograd: mean cross-entropy and accuracy (first maximum on ties,
     * as torch.argmax).
     *
     * @return {loss, accuracy}
     */
    double[] evaluate(DataLoader loader) {
        double lossSum = 0;
        long correct = 0;
        long count = 0;
        for (Batch batch : loader) {
            try (NDManager sub = base.newSubManager()) {
                NDArray logits = TorchStep.logits(upload(sub, batch), params);
                NDArray oneHot = sub.create(batch.labels()).oneHot(10, DataType.FLOAT32);
                lossSum += logits.logSoftmax(1).mul(oneHot).sum().neg().getFloat();
                long[] predicted = logits.argMax(1).toLongArray();
                for (int i = 0; i < predicted.length; i++) {
                    correct += predicted[i] == batch.labels()[i] ? 1 : 0;
                }
                count += batch.size();
            }
        }
        return new double[] {lossSum / count, (double) correct / count};
    }

    /** The batch's images {@code [B, 1, 28, 28]}: one copy of its float array into libtorch. */
    private static NDArray upload(NDManager m, Batch batch) {
        return m.create(batch.images().floatData(), shape(batch.images().shape()));
    }

    private static Shape shape(int[] dims) {
        long[] s = new long[dims.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = dims[i];
        }
        return new Shape(s);
    }

    @Override
    public void close() {
        base.close();
    }
}
