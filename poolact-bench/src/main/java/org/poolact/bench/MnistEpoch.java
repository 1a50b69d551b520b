package org.poolact.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.poolact.data.Batch;
import org.poolact.data.DataLoader;
import org.poolact.data.Dataset;
import org.poolact.data.Normalization;
import org.poolact.lab.data.DataSetId;
import org.poolact.lab.data.FetchedData;
import org.poolact.lab.data.IdxFiles;
import org.poolact.lab.train.CnnBuilder;
import org.poolact.lab.train.Evaluation;
import org.poolact.lab.train.TrainConfig;
import org.poolact.lab.train.Trainer;
import org.poolact.nn.functional.Losses;
import org.poolact.optim.SGD;
import org.poolact.random.Generator;
import org.poolact.tensor.Tensor;

/**
 * {@code mnist-epoch [rounds]}: one real MNIST training epoch of the default model in poolact and in
 * libtorch, alternating in this JVM (poolact, libtorch, poolact, libtorch, ... for {@code rounds}
 * rounds, default 2; every run starts from the same initial weights).
 *
 * <p>Both sides train on the 60,000 training images, normalised with mean 0.1307 / std 0.3081, in
 * the same shuffled batches of 64 (one poolact {@link DataLoader} per run, its generator seeded
 * identically: the order of torch's RandomSampler), from the weights {@code poolact train} draws for
 * seed 0, with cross-entropy, backward and SGD (lr 0.01, momentum 0.9: {@link TrainConfig}'s
 * defaults), for 938 steps; then each evaluates the 10,000 test images in batches of 1,000.
 * poolact's side makes the calls {@link Trainer#run()} makes for an epoch (its model builder, SGD,
 * data loader, cross-entropy and {@link Evaluation}); libtorch's side is {@link TorchTraining}.
 * The training loop (data loading included, on both sides) and the evaluation are timed separately.
 * The first 5 step losses of each round must agree to 1e-4 relative, or the run fails.
 */
final class MnistEpoch {
    /** Seed of the shuffling generator, the same on both sides. */
    private static final long SHUFFLE_SEED = 1;
    private static final int CHECKED_STEPS = 5;
    private static final double CHECK_TOLERANCE = 1e-4;

    private final TrainConfig config = TrainConfig.builder().epochs(1).build();
    private final Dataset train;
    private final Dataset test;
    private final Trainer trainer;

    /**
     * One epoch's outcome.
     *
     * @param trainSeconds the 938 steps, end to end (data loading included)
     * @param stepSeconds  of which in the optimiser's updates
     * @param evalSeconds  the test-set evaluation
     * @param losses       the loss of every step
     * @param testLoss     mean test cross-entropy
     * @param testAccuracy fraction of the test set correct
     * @param cpu          CPU seconds the whole process used during the training loop (all threads,
     *                     the JVM's included), and of those the garbage collectors' wall seconds
     * @param load         the 1-minute load average before and after the run
     */
    private record Run(double trainSeconds, double stepSeconds, double evalSeconds, double[] losses, double testLoss,
                       double testAccuracy, double[] cpu, double[] load) {
        double meanLoss() {
            return Arrays.stream(losses).average().orElse(Double.NaN);
        }
    }

    private MnistEpoch(Dataset train, Dataset test) {
        this.train = train;
        this.test = test;
        this.trainer = new Trainer(config, train, test);
    }

    /** Runs the mode; exits with status 2 and one line of advice when MNIST is not on this machine. */
    static void run(int rounds) throws IOException {
        Locale.setDefault(Locale.ROOT);
        IdxFiles files = FetchedData.find(DataSetId.MNIST).orElse(null);
        if (files == null) {
            System.err.println("mnist-epoch: MNIST not found in " + FetchedData.candidates()
                    + " (each needs mnist/ with the four IDX files): run `./poolact data fetch mnist`"
                    + " or set POOLACT_DATA to a directory holding mnist/");
            System.exit(2);
        }
        System.out.println("MNIST from " + files.trainImages().getParent());
        new MnistEpoch(files.loadTrain(), files.loadTest()).rounds(rounds);
    }

    /**
     * {@code mnist-poolact [epochs]}: poolact's epoch alone, {@code epochs} times (default 2), for
     * profiling (e.g. with JFR) and quick before/after timings without the libtorch side.
     */
    static void runPoolactOnly(int epochs) throws IOException {
        Locale.setDefault(Locale.ROOT);
        IdxFiles files = FetchedData.find(DataSetId.MNIST).orElseThrow(() -> new IllegalStateException(
                "mnist-poolact: MNIST not found in " + FetchedData.candidates()));
        MnistEpoch m = new MnistEpoch(files.loadTrain(), files.loadTest());
        for (int r = 1; r <= epochs; r++) {
            print(r, "poolact", m.poolact());
        }
    }

    private void rounds(int rounds) {
        checkDefaultModel();
        System.out.printf("model %s, batch %d, SGD lr %s momentum %s, %d train / %d test images, %d steps%n",
                config.orderedArch(), config.batchSize(), config.lr(), config.momentum(), train.size(), test.size(),
                trainLoader().numBatches());
        long l0 = System.nanoTime();
        int batches = 0;
        for (Batch ignored : trainLoader()) {
            batches++;
        }
        System.out.printf("data loading alone (shuffle, bytes to normalised floats), %d batches: %.2f s; included in "
                + "both sides' epoch%n", batches, (System.nanoTime() - l0) / 1e9);
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            Run p = poolact();
            print(r, "poolact", p);
            Run t = libtorch();
            print(r, "libtorch", t);
            crossCheck(p, t);
            double ratio = p.trainSeconds() / t.trainSeconds();
            ratios.add(ratio);
            cpuRatios.add(p.cpu()[0] / t.cpu()[0]);
            System.out.printf("round %d: epoch ratio poolact/libtorch %.2f (process CPU seconds %.2f; eval %.2f)%n", r,
                    ratio, p.cpu()[0] / t.cpu()[0], p.evalSeconds() / t.evalSeconds());
        }
        System.out.printf("%nMNIST epoch ratio poolact/libtorch per round: %s (process CPU seconds: %s)%n",
                format(ratios), format(cpuRatios));
    }

    private static List<String> format(List<Double> values) {
        return values.stream().map(v -> String.format("%.2f", v)).toList();
    }

    /** The poolact epoch: the calls {@link Trainer#run()} makes for one epoch, without listeners or checkpoints. */
    private Run poolact() {
        double load0 = load();
        CnnBuilder.Model model = trainer.buildModel(new Generator(0));
        SGD optimizer = new SGD(model.net().parameters(), SGD.Options.lr(config.lr())
                .withMomentum(config.momentum()).withWeightDecay(config.weightDecay()));
        DataLoader loader = trainLoader();
        double[] losses = new double[loader.numBatches()];
        model.net().train();
        double[] cpu0 = cpu();
        long t0 = System.nanoTime();
        long update = 0;
        int b = 0;
        for (Batch batch : loader) {
            optimizer.zeroGrad();
            Tensor loss = Losses.crossEntropy(model.net().forward(batch.images()), batch.labels());
            loss.backward();
            long u = System.nanoTime();
            optimizer.step();
            update += System.nanoTime() - u;
            losses[b++] = loss.item();
        }
        long t1 = System.nanoTime();
        double[] cpu1 = cpu();
        Evaluation.Result r = Evaluation.evaluate(model, testLoader());
        long t2 = System.nanoTime();
        return new Run((t1 - t0) / 1e9, update / 1e9, (t2 - t1) / 1e9, losses, r.loss(), r.accuracy(),
                minus(cpu1, cpu0), new double[] {load0, load()});
    }

    /** The libtorch epoch from the same initial weights over the same batches. */
    private Run libtorch() {
        double load0 = load();
        List<Tensor> initial = trainer.buildModel(new Generator(0)).net().parameters();
        try (TorchTraining torch = new TorchTraining(initial, config.lr(), config.momentum())) {
            DataLoader loader = trainLoader();
            double[] losses = new double[loader.numBatches()];
            double[] cpu0 = cpu();
            long t0 = System.nanoTime();
            int b = 0;
            for (Batch batch : loader) {
                losses[b++] = torch.step(batch);
            }
            long t1 = System.nanoTime();
            double[] cpu1 = cpu();
            double[] eval = torch.evaluate(testLoader());
            long t2 = System.nanoTime();
            return new Run((t1 - t0) / 1e9, torch.updateSeconds(), (t2 - t1) / 1e9, losses, eval[0], eval[1],
                    minus(cpu1, cpu0), new double[] {load0, load()});
        }
    }

    /** A fresh loader whose shuffled order is the same for every run. */
    private DataLoader trainLoader() {
        return DataLoader.builder(train).batchSize(config.batchSize()).shuffle(new Generator(SHUFFLE_SEED))
                .normalize(Normalization.MNIST).build();
    }

    private DataLoader testLoader() {
        return DataLoader.builder(test).batchSize(config.evalBatchSize()).normalize(Normalization.MNIST).build();
    }

    /** {@link TorchStep#logits} hard-codes the default model: the config must build exactly that one. */
    private void checkDefaultModel() {
        List<Tensor> ps = trainer.buildModel(new Generator(0)).net().parameters();
        int[][] expected = DefaultModelWeights.shapes();
        boolean same = ps.size() == expected.length;
        for (int i = 0; same && i < expected.length; i++) {
            same = Arrays.equals(ps.get(i).shape(), expected[i]);
        }
        if (!same) {
            throw new IllegalStateException("mnist-epoch: TrainConfig's default model " + config.orderedArch()
                    + " no longer has the parameter shapes of TorchStep.logits");
        }
    }

    /** The first steps' losses must agree: same weights, same batches, same maths. */
    private static void crossCheck(Run p, Run t) {
        double worst = 0;
        for (int s = 0; s < CHECKED_STEPS; s++) {
            worst = Math.max(worst, Math.abs(p.losses()[s] - t.losses()[s]) / Math.abs(t.losses()[s]));
        }
        String detail = String.format("first %d step losses poolact %s libtorch %s, max relative difference %.1e",
                CHECKED_STEPS, Arrays.toString(Arrays.copyOf(p.losses(), CHECKED_STEPS)),
                Arrays.toString(Arrays.copyOf(t.losses(), CHECKED_STEPS)), worst);
        if (!(worst <= CHECK_TOLERANCE)) {
            throw new IllegalStateException("cross-check FAILED (tolerance " + CHECK_TOLERANCE + "): " + detail);
        }
        int agree = 0;
        while (agree < p.losses().length
                && Math.abs(p.losses()[agree] - t.losses()[agree]) <= CHECK_TOLERANCE * Math.abs(t.losses()[agree])) {
            agree++;
        }
        System.out.println("cross-check ok: " + detail + "; the losses stay within " + CHECK_TOLERANCE
                + " relative for the first " + agree + " of " + p.losses().length + " steps");
    }

    private static void print(int round, String engine, Run r) {
        System.out.printf("round %d %-8s: epoch %6.2f s (SGD updates %.2f s; process CPU %.1f s, GC %.2f s), "
                        + "eval %5.2f s, test accuracy %.2f%%, test loss %.4f, last step loss %.4f, mean train loss %.4f "
                        + "(load %.2f -> %.2f)%n", round, engine, r.trainSeconds(), r.stepSeconds(), r.cpu()[0],
                r.cpu()[1], r.evalSeconds(), 100 * r.testAccuracy(), r.testLoss(),
                r.losses()[r.losses().length - 1], r.meanLoss(), r.load()[0], r.load()[1]);
    }

    /** CPU seconds of this process so far (NaN where the JVM cannot tell) and the garbage collectors' seconds. */
    private static double[] cpu() {
        double gc = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, b.getCollectionTime()) / 1e3;
        }
        double process = ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1e9 : Double.NaN;
        return new double[] {process, gc};
    }

    private static double[] minus(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1]};
    }

    /** The 1-minute load average from /proc/loadavg, NaN where there is none. */
    static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
