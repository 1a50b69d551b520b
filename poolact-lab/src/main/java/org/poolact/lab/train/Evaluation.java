package org.poolact.lab.train;

import java.util.ArrayList;
import java.util.List;

import org.poolact.autograd.GradMode;
import org.poolact.data.Batch;
import org.poolact.data.DataLoader;
import org.poolact.nn.Sequential;
import org.poolact.nn.functional.Losses;
import org.poolact.nn.functional.Reduction;
import org.poolact.tensor.Tensor;

/**
 * Test-set evaluation in eval mode and without autograd: mean cross-entropy, accuracy and, after
 * each block, the fraction of exact zeros and the units that are zero on the whole set.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /**
     * The result of one evaluation.
     *
     * @param loss     mean cross-entropy
     * @param accuracy fraction correct (ties in the logits go to the lowest class, as torch.argmax)
     * @param blocks   per-block sparsity
     */
    public record Result(double loss, double accuracy, List<BlockStats> blocks) {
    }

    /** Evaluates {@code model} on every batch of {@code loader}; leaves the model in eval mode. */
    public static Result evaluate(CnnBuilder.Model model, DataLoader loader) {
        Sequential net = model.net();
        net.eval();
        List<CnnBuilder.Block> blocks = model.blocks();
        long[] zeros = new long[blocks.size()];
        long[] totals = new long[blocks.size()];
        boolean[][] alive = new boolean[blocks.size()][];
        for (int b = 0; b < blocks.size(); b++) {
            alive[b] = new boolean[blocks.get(b).units()];
        }
        double lossSum = 0;
        long correct = 0;
        long count = 0;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            for (Batch batch : loader) {
                Tensor x = batch.images();
                int nextBlock = 0;
                for (int i = 0; i < net.size(); i++) {
                    x = net.get(i).forward(x);
                    if (nextBlock < blocks.size() && blocks.get(nextBlock).lastLayer() == i) {
                        zeros[nextBlock] += countZeros(x, alive[nextBlock]);
                        totals[nextBlock] += x.numel();
                        nextBlock++;
                    }
                }
                lossSum += Losses.crossEntropy(x, batch.labels(), Reduction.SUM).item();
                correct += countCorrect(x, batch.labels());
                count += batch.size();
            }
        }
        List<BlockStats> stats = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            int dead = 0;
            for (boolean a : alive[b]) {
                dead += a ? 0 : 1;
            }
            stats.add(new BlockStats(blocks.get(b).name(), totals[b] == 0 ? 0 : (double) zeros[b] / totals[b], dead,
                    alive[b].length));
        }
        return new Result(lossSum / count, (double) correct / count, stats);
    }

    /** Zeros in {@code x} ([N, C, ...]); marks {@code alive[c]} for every channel with a non-zero value. */
    static long countZeros(Tensor x, boolean[] alive) {
        int n = x.size(0);
        int c = x.size(1);
        int inner = x.numel() / Math.max(1, n * c);
        long zeros = 0;
        for (int s = 0; s < n; s++) {
            for (int ch = 0; ch < c; ch++) {
                int off = (s * c + ch) * inner;
                boolean any = false;
                for (int k = 0; k < inner; k++) {
                    if (x.getFlat(off + k) == 0) {
                        zeros++;
                    } else {
                        any = true;
                    }
                }
                alive[ch] |= any;
            }
        }
        return zeros;
    }

    /** Examples whose largest logit (first on ties) is the label. */
    static long countCorrect(Tensor logits, int[] labels) {
        int n = logits.size(0);
        int c = logits.size(1);
        long correct = 0;
        for (int s = 0; s < n; s++) {
            int best = 0;
            double bestV = logits.getFlat(s * c);
            for (int k = 1; k < c; k++) {
                double v = logits.getFlat(s * c + k);
                if (v > bestV) {
                    bestV = v;
                    best = k;
                }
            }
            correct += best == labels[s] ? 1 : 0;
        }
        return correct;
    }
}
