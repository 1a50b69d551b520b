package org.poolact.lab.train;

import java.io.IOException;
import java.util.Locale;

import org.poolact.data.Batch;
import org.poolact.data.DataLoader;
import org.poolact.data.Dataset;
import org.poolact.data.Normalization;
import org.poolact.lab.data.DataSetId;
import org.poolact.lab.data.IdxFiles;
import org.poolact.lab.data.RealData;
import org.poolact.nn.Module;
import org.poolact.nn.functional.Losses;
import org.poolact.random.Generator;
import org.poolact.tensor.Tensor;

/**
 * Benchmark, not a test (no assertions, run by hand): {@code speed [batches]} times forward+backward
 * of the default model per layer on MNIST batches of 64; {@code torch [batches]} times libtorch (DJL,
 * its default 2 intra-op threads) on the same model and batches; {@code compare [batches]} runs both
 * in one JVM; {@code mnist [epochs] [act] [pool] [order]}
 * trains the default model on full MNIST and prints every epoch. Run from the repository root with
 * the lab's test classpath: {@code java -cp ... org.poolact.lab.train.TrainBenchmark speed 20}.
 */
public final class TrainBenchmark {
    private TrainBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        IdxFiles files = RealData.find(DataSetId.MNIST).orElseThrow(() -> new IllegalStateException("run .ci/fetch-data.sh"));
        Dataset train = files.loadTrain();
        Dataset test = files.loadTest();
        if (args.length == 0 || args[0].equals("speed")) {
            speed(train, args.length > 1 ? Integer.parseInt(args[1]) : 20);
        } else if (args[0].equals("compare")) {
            int n = args.length > 1 ? Integer.parseInt(args[1]) : 20;
            speed(train, n);
            torchSpeed(train, n);
        } else if (args[0].equals("torch")) {
            torchSpeed(train, args.length > 1 ? Integer.parseInt(args[1]) : 20);
        } else {
            TrainConfig.Builder b = TrainConfig.builder().epochs(args.length > 1 ? Integer.parseInt(args[1]) : 2);
            if (args.length > 2) {
                b.act(org.poolact.nn.functional.ActivationSpec.parse(args[2]));
            }
            if (args.length > 3) {
                b.pool(CnnBuilder.parsePool(args[3]));
            }
            if (args.length > 4) {
                b.order(BlockOrder.parse(args[4]));
            }
            TrainResult r = new Trainer(b.build(), train, test).listener(new LogLineListener(new java.io.PrintWriter(System.out, true), 30)).run();
            System.out.println(LabJson.mapper().writeValueAsString(r.epochs()));
        }
    }

    /** libtorch (through DJL) on the same model, batches and SGD update: forward + backward + step per batch. */
    private static void torchSpeed(Dataset train, int batches) {
        System.setProperty("ai.djl.offline", "true");
        TrainConfig c = TrainConfig.builder().build();
        CnnBuilder.Model model = new Trainer(c, train, train).buildModel(new Generator(1));
        java.util.List<Module> layers = new java.util.ArrayList<>();
        for (int i = 0; i < model.net().size(); i++) {
            layers.add(model.net().get(i));
        }
        DataLoader loader = DataLoader.builder(train).batchSize(64).shuffle(new Generator(0))
                .normalize(Normalization.MNIST).build();
        try (ai.djl.ndarray.NDManager m = ai.djl.engine.Engine.getEngine("PyTorch").newBaseManager()) {
            java.util.Map<String, ai.djl.ndarray.NDArray> params = new java.util.LinkedHashMap<>();
            model.net().namedParameters().forEach((k, v) -> params.put(k, TorchCnn.nd(m, v)));
            int done = 0;
            int warm = 3;
            long total = 0;
            for (Batch batch : loader) {
                try (ai.djl.ndarray.NDManager step = m.newSubManager()) {
                    ai.djl.ndarray.NDArray x = TorchCnn.nd(step, batch.images());
                    ai.djl.ndarray.NDArray oneHot = step.create(batch.labels()).oneHot(10,
                            ai.djl.ndarray.types.DataType.FLOAT32);
                    long t0 = System.nanoTime();
                    params.values().forEach(p -> p.setRequiresGradient(true));
                    try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getEngine("PyTorch")
                            .newGradientCollector()) {
                        ai.djl.ndarray.NDArray logp = TorchCnn.forward(layers, params, x, c.act()).logSoftmax(1);
                        gc.backward(logp.mul(oneHot).sum().neg().div(batch.size()));
                    }
                    for (java.util.Map.Entry<String, ai.djl.ndarray.NDArray> e : params.entrySet()) {
                        ai.djl.ndarray.NDArray next = e.getValue().sub(e.getValue().getGradient().mul(0.01));
                        next.attach(m);
                        e.getValue().close();
                        e.setValue(next);
                    }
                    if (done >= warm) {
                        total += System.nanoTime() - t0;
                    }
                }
                if (++done == batches + warm) {
                    break;
                }
            }
            System.out.printf("libtorch forward+backward+SGD: %.1f ms per batch of 64 = %.0f images/s (%d batches, %d warm-up)%n",
                    total / 1e6 / batches, 64.0 * batches / (total / 1e9), batches, warm);
        }
    }

    private static void speed(Dataset train, int batches) {
        TrainConfig c = TrainConfig.builder().build();
        CnnBuilder.Model model = new Trainer(c, train, train).buildModel(new Generator(1));
        DataLoader loader = DataLoader.builder(train).batchSize(64).shuffle(new Generator(0))
                .normalize(Normalization.MNIST).build();
        org.poolact.optim.SGD sgd = new org.poolact.optim.SGD(model.net().parameters(), 0.01);
        int n = model.net().size();
        long[] fwd = new long[n];
        long total = 0;
        long bwd = 0;
        int done = 0;
        int warm = 3;
        for (Batch batch : loader) {
            long t0 = System.nanoTime();
            Tensor x = batch.images();
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                x = model.net().get(i).forward(x);
                if (done >= warm) {
                    fwd[i] += System.nanoTime() - s;
                }
            }
            Tensor loss = Losses.crossEntropy(x, batch.labels());
            long s = System.nanoTime();
            loss.backward();
            sgd.step();
            if (done >= warm) {
                bwd += System.nanoTime() - s;
                total += System.nanoTime() - t0;
            }
            model.net().zeroGrad();
            if (++done == batches + warm) {
                break;
            }
        }
        for (int i = 0; i < n; i++) {
            Module m = model.net().get(i);
            System.out.printf("forward %2d %-40s %8.2f ms/batch%n", i, m.toString().split("\n")[0], fwd[i] / 1e6 / batches);
        }
        System.out.printf("backward (all layers) + SGD step              %8.2f ms/batch%n", bwd / 1e6 / batches);
        System.out.printf("poolact forward+backward+SGD: %.1f ms per batch of 64 = %.0f images/s (%d batches, %d warm-up)%n",
                total / 1e6 / batches, 64.0 * batches / (total / 1e9), batches, warm);
    }
}
