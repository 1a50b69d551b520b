package org.poolact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;

import org.junit.jupiter.api.Test;
import org.poolact.autograd.Autograd;
import org.poolact.nn.activation.ReLU;
import org.poolact.nn.conv.Conv2d;
import org.poolact.nn.pooling.AvgPool2d;
import org.poolact.nn.pooling.MaxPool2d;
import org.poolact.random.Generator;
import org.poolact.tensor.Tensor;
import org.poolact.tensor.TensorPrinter;
import org.poolact.testing.TorchRandom;
import org.poolact.testing.TorchRef;

/**
 * The seed post's experiment, written with poolact as the post writes it in PyTorch, against libtorch
 * 2.7.1 for seeds 0..49:
 * <pre>
 * torch.manual_seed(s)
 * x = torch.randn(1, 1, 7, 7)
 * conv = nn.Conv2d(1, 1, 3, 1)
 * out = conv(x)                       # printed: tensor([[[[...]]]], grad_fn=&lt;ConvolutionBackward0&gt;)
 * pool(relu(out)), relu(pool(out))    # for pool = nn.MaxPool2d(2) and nn.AvgPool2d(2)
 * </pre>
 * libtorch side (DJL): {@code manual_seed(s)}, then the same draws in the same order that
 * {@code torch.randn} and {@code Conv2d.reset_parameters} make ({@code normal_} for x, then
 * {@code uniform_(-bound, bound)} for the weight and the bias, bounds from init.py and conv.py; the
 * draws themselves are checked bit for bit in {@code InitTest#postsInputThenConvDrawLikeTorch}), then
 * libtorch's conv2d, relu, max_pool2d and avg_pool2d on those tensors.
 *
 * <p>Each of our printouts must equal, character for character, {@link TensorPrinter}'s rendering of
 * libtorch's values under the grad_fn that PyTorch 2.x prints for that expression (DJL cannot return
 * Python's own {@code repr}, so the printer is ours on both sides; the printer itself is checked against
 * strings PyTorch printed in {@code TensorPrinterTest}). Values must agree within 1e-6.
 */
class PostExperimentTorchTest {
    private static final int SEEDS = 50;

    @Test
    void postExperimentPrintsWhatLibtorchComputesForSeeds0To49() {
        double gain = Math.sqrt(2.0 / (1 + Math.pow(Math.sqrt(5), 2)));
        double weightBound = Math.sqrt(3.0) * (gain / Math.sqrt(9));
        double biasBound = 1 / Math.sqrt(9);
        int printouts = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            // ---- poolact, as the post's code
            Generator.manualSeedDefault(seed);
            Tensor x = Tensor.randn(1, 1, 7, 7);
            Conv2d conv = new Conv2d(1, 1, 3, 1);
            Tensor out = conv.forward(x);
            MaxPool2d maxPool = new MaxPool2d(2);
            AvgPool2d avgPool = new AvgPool2d(2);
            ReLU relu = new ReLU();
            Tensor[] ours = {out, maxPool.forward(relu.forward(out)), relu.forward(maxPool.forward(out)),
                avgPool.forward(relu.forward(out)), relu.forward(avgPool.forward(out))};

            // ---- libtorch, the same seed and draws
            try (NDManager m = TorchRef.sub()) {
                TorchRandom.seed(seed);
                NDArray tx = m.create(TorchRandom.normal(m, 0f, 1f, 1, 1, 7, 7), new Shape(1, 1, 7, 7));
                NDArray tw = m.create(TorchRandom.uniform(m, -(float) weightBound, (float) weightBound, 1, 1, 3, 3),
                        new Shape(1, 1, 3, 3));
                NDArray tb = m.create(TorchRandom.uniform(m, -(float) biasBound, (float) biasBound, 1), new Shape(1));
                NDArray tOut = ai.djl.nn.convolutional.Conv2d.conv2d(tx, tw, tb).singletonOrThrow();
                Shape two = new Shape(2, 2);
                Shape zero = new Shape(0, 0);
                NDArray[] torch = {tOut,
                    Pool.maxPool2d(Activation.relu(tOut), two, two, zero, false),
                    Activation.relu(Pool.maxPool2d(tOut, two, two, zero, false)),
                    Pool.avgPool2d(Activation.relu(tOut), two, two, zero, false, true),
                    Activation.relu(Pool.avgPool2d(tOut, two, two, zero, false, true))};
                String[] gradFns = {"ConvolutionBackward0", "MaxPool2DWithIndicesBackward0", "ReluBackward0",
                    "AvgPool2DBackward0", "ReluBackward0"};
                String[] what = {"conv(x)", "maxpool(relu)", "relu(maxpool)", "avgpool(relu)", "relu(avgpool)"};
                for (int i = 0; i < ours.length; i++) {
                    String label = what[i] + " seed " + seed;
                    TorchRef.assertClose(label, ours[i], torch[i], 1e-6);
                    assertEquals(TensorPrinter.format(withGradFn(TorchRef.fromNd(torch[i]), gradFns[i])),
                            ours[i].toString(), label);
                    printouts++;
                }
            }
        }
        assertEquals(SEEDS * 5, printouts);
    }

    /** libtorch's values as our tensor, carrying PyTorch's grad_fn name so the printer adds the suffix. */
    private static Tensor withGradFn(Tensor values, String gradFn) {
        Tensor leaf = Tensor.zeros(1).requiresGrad(true);
        return Autograd.record(values, gradFn, g -> new Tensor[] {null}, leaf);
    }
}
