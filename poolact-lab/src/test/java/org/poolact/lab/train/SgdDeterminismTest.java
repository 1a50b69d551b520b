package org.poolact.lab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.poolact.data.Batch;
import org.poolact.data.DataLoader;
import org.poolact.data.Dataset;
import org.poolact.data.Normalization;
import org.poolact.nn.functional.ActivationSpec;
import org.poolact.nn.functional.Losses;
import org.poolact.optim.SGD;
import org.poolact.random.Generator;
import org.poolact.tensor.Tensor;

/**
 * Issue 6's "deterministic for a seed" on the small CNN of {@link TorchTrainingCrossCheckTest}: the 20
 * SGD losses are the same doubles from run to run, also when three trainings share the engine's
 * thread pool at once (so which thread runs which chunk of a kernel changes between runs).
 */
class SgdDeterminismTest {

    /** The 20 losses of SGD with momentum on the cross-check's model and batches. */
    static List<Double> losses(String actName, String poolName, String orderName) {
        ArchSpec arch = ArchSpec.parse("c4k3p1,A,P2,c6k3p1,A,P2,f8,A,f4").withOrder(BlockOrder.parse(orderName));
        CnnBuilder.Model model = CnnBuilder.build(arch, ActivationSpec.parse(actName), CnnBuilder.parsePool(poolName), 1,
                12, 12, 4, new Generator(11), new Generator(0));
        Dataset data = SyntheticData.make("xcheck", 20 * 16, 5);
        DataLoader loader = DataLoader.builder(data).batchSize(16).shuffle(new Generator(3))
                .normalize(Normalization.MNIST).build();
        return train(model, loader, 0.05, 0.9, new ArrayList<>());
    }

    /** One epoch of SGD (lr, momentum) on cross entropy over {@code loader}; the batches go to {@code seen}. */
    static List<Double> train(CnnBuilder.Model model, DataLoader loader, double lr, double momentum, List<Batch> seen) {
        SGD sgd = new SGD(model.net().parameters(), SGD.Options.lr(lr).withMomentum(momentum));
        List<Double> out = new ArrayList<>();
        for (Batch batch : loader) {
            Tensor loss = Losses.crossEntropy(model.net().forward(batch.images()), batch.labels());
            sgd.zeroGrad();
            loss.backward();
            sgd.step();
            out.add(loss.item());
            seen.add(batch);
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"relu, avg, act-pool", "gelu, max, pool-act"})
    void sameLossesRunToRunAndUnderASharedPool(String act, String pool, String order) throws Exception {
        List<Double> reference = losses(act, pool, order);
        assertEquals(20, reference.size());
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 3; round++) {
                assertEquals(reference, losses(act, pool, order), "round " + round + ", alone");
                List<Future<List<Double>>> runs = new ArrayList<>();
                for (int c = 0; c < 3; c++) {
                    runs.add(callers.submit(() -> losses(act, pool, order)));
                }
                for (int c = 0; c < runs.size(); c++) {
                    assertEquals(reference, runs.get(c).get(), "round " + round + ", concurrent run " + c);
                }
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
