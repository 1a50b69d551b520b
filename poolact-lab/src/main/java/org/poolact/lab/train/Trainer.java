package org.poolact.lab.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.poolact.data.Batch;
import org.poolact.data.DataLoader;
import org.poolact.data.Dataset;
import org.poolact.data.Normalization;
import org.poolact.nn.functional.Losses;
import org.poolact.optim.Adam;
import org.poolact.optim.Optimizer;
import org.poolact.optim.SGD;
import org.poolact.optim.lr.CosineAnnealingLR;
import org.poolact.optim.lr.LRScheduler;
import org.poolact.optim.lr.StepLR;
import org.poolact.random.Generator;
import org.poolact.tensor.Tensor;

/**
 * Trains a CNN built from a {@link TrainConfig} on a data set and evaluates it on the test set after
 * each epoch. Deterministic for a seed: the initial weights come from {@code Generator(seed)}; each
 * epoch re-seeds the shuffling and dropout generators from (seed, epoch), so the same seed gives the
 * same batches whatever the block order (the paired design of a study), and a run resumed from an
 * epoch checkpoint continues exactly. Reports through {@link TrainListener}s only.
 */
public final class Trainer {
    private final TrainConfig config;
    private final Dataset train;
    private final Dataset test;
    private final List<TrainListener> listeners = new ArrayList<>();
    private Path checkpoint;
    private boolean resume;

    /** A trainer for {@code config} on the given training and test sets (limits of the config applied here). */
    public Trainer(TrainConfig config, Dataset train, Dataset test) {
        this.config = config;
        this.train = config.trainLimit() > 0 ? train.subset(Math.min(config.trainLimit(), train.size())) : train;
        this.test = config.testLimit() > 0 ? test.subset(Math.min(config.testLimit(), test.size())) : test;
    }

    /** Adds a listener. */
    public Trainer listener(TrainListener l) {
        listeners.add(l);
        return this;
    }

    /**
     * Writes a checkpoint to {@code file} after each epoch; with {@code resume}, starts from it when it
     * exists (a missing file starts a fresh run).
     */
    public Trainer checkpoint(Path file, boolean resume) {
        this.checkpoint = file;
        this.resume = resume;
        return this;
    }

    /** The model as {@link #run()} will build it: weights drawn from {@code Generator(seed)}. */
    public CnnBuilder.Model buildModel(Generator dropout) {
        return CnnBuilder.build(config.orderedArch(), config.act(), config.pool(), 1, train.rows(), train.cols(),
                train.numClasses(), new Generator(config.seed()), dropout);
    }

    /**
     * Runs the remaining epochs.
     *
     * @throws IOException if a checkpoint cannot be written or read
     */
    public TrainResult run() throws IOException {
        Generator dropoutGen = new Generator(Seeds.derive(config.seed(), 0, Seeds.DROPOUT));
        CnnBuilder.Model model = buildModel(dropoutGen);
        Optimizer optimizer = optimizer(model);
        Normalization norm = config.normalize() ? Normalization.MNIST : Normalization.NONE;
        Generator shuffleGen = new Generator(0);
        DataLoader loader = DataLoader.builder(train).batchSize(config.batchSize()).shuffle(shuffleGen).normalize(norm)
                .build();
        DataLoader testLoader = DataLoader.builder(test).batchSize(config.evalBatchSize()).normalize(norm).build();

        List<EpochMetrics> history = new ArrayList<>();
        if (resume && checkpoint != null && Files.exists(checkpoint)) {
            history.addAll(Checkpoint.load(checkpoint, config.fingerprint(), model.net(), optimizer).history());
        }
        int resumed = history.size();
        LRScheduler scheduler = scheduler(optimizer);
        for (int e = 0; e < resumed && scheduler != null; e++) {
            scheduler.step();
        }
        for (TrainListener l : listeners) {
            l.onTrainStart(config, resumed + 1, loader.numBatches(), train.size(), test.size());
        }
        for (int epoch = resumed + 1; epoch <= config.epochs(); epoch++) {
            shuffleGen.manualSeed(Seeds.derive(config.seed(), epoch, Seeds.SHUFFLE));
            dropoutGen.manualSeed(Seeds.derive(config.seed(), epoch, Seeds.DROPOUT));
            for (TrainListener l : listeners) {
                l.onEpochStart(epoch, config.epochs());
            }
            double lr = optimizer.lr();
            model.net().train();
            long t0 = System.nanoTime();
            double lossSum = 0;
            int b = 0;
            for (Batch batch : loader) {
                optimizer.zeroGrad();
                Tensor loss = Losses.crossEntropy(model.net().forward(batch.images()), batch.labels());
                loss.backward();
                optimizer.step();
                double v = loss.item();
                lossSum += v;
                b++;
                for (TrainListener l : listeners) {
                    l.onBatch(epoch, b, loader.numBatches(), v);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (scheduler != null) {
                scheduler.step();
            }
            Evaluation.Result r = Evaluation.evaluate(model, testLoader);
            EpochMetrics m = new EpochMetrics(epoch, lossSum / b, r.loss(), r.accuracy(), seconds, lr, r.blocks());
            history.add(m);
            if (checkpoint != null) {
                Checkpoint.save(checkpoint, config.fingerprint(), model.net(), optimizer, history);
            }
            for (TrainListener l : listeners) {
                l.onEpochEnd(m, config.epochs());
            }
        }
        TrainResult result = new TrainResult(config, List.copyOf(history), model, resumed);
        for (TrainListener l : listeners) {
            l.onTrainEnd(result);
        }
        return result;
    }

    private Optimizer optimizer(CnnBuilder.Model model) {
        if (config.optimizer() == OptimizerKind.ADAM) {
            return new Adam(model.net().parameters(), Adam.Options.defaults().withLr(config.lr())
                    .withWeightDecay(config.weightDecay()));
        }
        return new SGD(model.net().parameters(), SGD.Options.lr(config.lr()).withMomentum(config.momentum())
                .withWeightDecay(config.weightDecay()));
    }

    private LRScheduler scheduler(Optimizer optimizer) {
        return switch (config.schedule()) {
            case NONE -> null;
            case STEP -> new StepLR(optimizer, config.stepSize(), config.gamma());
            case COSINE -> new CosineAnnealingLR(optimizer, config.epochs());
        };
    }
}
