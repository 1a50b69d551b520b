package org.poolact.lab.train;

import java.util.ArrayList;
import java.util.List;

import org.poolact.lab.order.PoolType;
import org.poolact.nn.Module;
import org.poolact.nn.Sequential;
import org.poolact.nn.conv.Conv2d;
import org.poolact.nn.dropout.Dropout;
import org.poolact.nn.functional.ActivationSpec;
import org.poolact.nn.linear.Flatten;
import org.poolact.nn.linear.Linear;
import org.poolact.nn.norm.BatchNorm2d;
import org.poolact.nn.pooling.AvgPool2d;
import org.poolact.nn.pooling.MaxPool2d;
import org.poolact.random.Generator;

/**
 * Builds an {@code nn.Sequential} from an {@link ArchSpec}. Modules are created in spec order, each
 * drawing its initial weights from the one explicit generator as PyTorch's constructors do (conv
 * and linear: weight, then bias), so a model built here from {@code Generator(seed)} has the
 * weights {@code torch.manual_seed(seed)} followed by the same module constructors would give.
 * Activations and poolings draw nothing, which is why both block orders get the same weights.
 */
public final class CnnBuilder {
    /**
     * The poolings a conv block can use, in {@code --pool} order: {@link PoolType#MAX} ({@code nn.MaxPool2d(k)})
     * and {@link PoolType#AVG} ({@code nn.AvgPool2d(k)}), stride = kernel, no padding. The other
     * {@link PoolType}s belong to the order analysis ({@code poolact analyze --pools}).
     */
    public static final List<PoolType> POOLS = List.of(PoolType.MAX, PoolType.AVG);

    private CnnBuilder() {
    }

    /**
     * The pooling of {@link #POOLS} spelled exactly {@code s} ({@code max} or {@code avg}, its
     * {@link PoolType#label()}), as {@code train --pool} and {@code study --pools} take it and
     * {@code results.jsonl} stores it.
     *
     * @throws IllegalArgumentException {@code pool: expected one of max, avg but got 's'}
     */
    public static PoolType parsePool(String s) {
        return CliNamed.parse("pool", s, POOLS, PoolType::label);
    }

    /**
     * {@code pool} if a conv block can use it.
     *
     * @throws IllegalArgumentException {@code pool: expected one of max, avg but got 'lp'} for the others
     */
    public static PoolType checkPool(PoolType pool) {
        return parsePool(pool.label());
    }

    /**
     * A built network and where its blocks end.
     *
     * @param net    the layers
     * @param blocks the conv blocks (a conv with the B/A/P/D layers after it) and hidden linear
     *               blocks (a linear followed by an activation), in order
     */
    public record Model(Sequential net, List<Block> blocks) {
    }

    /**
     * One block, whose output is measured for sparsity.
     *
     * @param name      {@code conv1}, {@code conv2}, ..., {@code fc1}, ...
     * @param lastLayer index in the Sequential of the block's last layer (its output is the block's)
     * @param units     channels (conv) or features (linear) of the block's output
     */
    public record Block(String name, int lastLayer, int units) {
    }

    /**
     * Builds the network for inputs {@code [N, channels, height, width]}.
     *
     * @param init    draws the initial weights
     * @param dropout draws dropout masks during training (unused without D layers)
     * @param pool    one of {@link #POOLS}
     * @throws IllegalArgumentException if the spec does not fit the input or the class count, or the
     *                                  pooling is not one of {@link #POOLS}
     */
    public static Model build(ArchSpec arch, ActivationSpec act, PoolType pool, int channels, int height, int width,
                              int numClasses, Generator init, Generator dropout) {
        checkPool(pool);
        List<int[]> shapes = arch.shapes(channels, height, width, numClasses);
        Sequential net = new Sequential();
        List<Block> blocks = new ArrayList<>();
        List<LayerSpec> layers = arch.layers();
        int inC = channels;
        int inFeatures = -1;
        int convCount = 0;
        int fcCount = 0;
        String openBlock = null;
        int openUnits = 0;
        boolean fcHasAct = false;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            int[] shape = shapes.get(i);
            if (l instanceof LayerSpec.Conv || l instanceof LayerSpec.Linear) {
                if (openBlock != null && (openBlock.startsWith("conv") || fcHasAct)) {
                    blocks.add(new Block(openBlock, net.size() - 1, openUnits));
                }
                openBlock = null;
                fcHasAct = false;
            }
            if (l instanceof LayerSpec.Conv c) {
                net.add(new Conv2d(inC, c.outChannels(), c.kernelSize(), c.stride(), c.padding(), init));
                inC = c.outChannels();
                openBlock = "conv" + (++convCount);
                openUnits = inC;
            } else if (l instanceof LayerSpec.Linear f) {
                if (inFeatures < 0) {
                    net.add(new Flatten());
                    int[] before = i == 0 ? new int[] {channels, height, width} : shapes.get(i - 1);
                    inFeatures = before[0] * before[1] * before[2];
                }
                net.add(new Linear(inFeatures, f.outFeatures(), init));
                inFeatures = f.outFeatures();
                openBlock = "fc" + (++fcCount);
                openUnits = inFeatures;
            } else if (l instanceof LayerSpec.Act) {
                net.add(act.toModule());
                fcHasAct |= openBlock != null && openBlock.startsWith("fc");
            } else if (l instanceof LayerSpec.Pool p) {
                net.add(poolModule(pool, p.kernelSize()));
            } else if (l instanceof LayerSpec.BatchNorm) {
                net.add(new BatchNorm2d(shape[0]));
            } else if (l instanceof LayerSpec.Dropout d) {
                net.add(new Dropout(d.p(), dropout));
            }
        }
        if (openBlock != null && (openBlock.startsWith("conv") || fcHasAct)) {
            blocks.add(new Block(openBlock, net.size() - 1, openUnits));
        }
        return new Model(net, List.copyOf(blocks));
    }

    /** {@code nn.MaxPool2d(k)} or {@code nn.AvgPool2d(k)}. */
    private static Module poolModule(PoolType pool, int k) {
        return switch (pool) {
            case MAX -> new MaxPool2d(k);
            case AVG -> new AvgPool2d(k);
            default -> throw new IllegalStateException("not a conv-block pooling: " + pool.label());
        };
    }
}
