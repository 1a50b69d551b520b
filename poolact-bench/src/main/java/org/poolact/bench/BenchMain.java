package org.poolact.bench;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link TrainStepBenchmark} under JMH and prints the time of one training step (batch 64) in
 * poolact and libtorch, their ratio, and the estimate for one MNIST epoch (938 steps, data loading
 * and optimiser step excluded). Arguments: {@code quick} (default; 1 fork, 3 x 2 s warm-up,
 * 5 x 2 s measurement) or {@code full} (2 forks, 5 warm-up, 10 measurement), or {@code interleaved [rounds]}: both models
 * in this JVM, one poolact step then one libtorch step per round after a warm-up, medians reported;
 * on a machine shared with other jobs this exposes both sides to the same load; or {@code epoch [steps]}:
 * 938 steps of each, timed end to end (warm-up included). Before timing, one step
 * of each is run from the same weights and their losses and first-conv weight gradients compared.
 * {@code mnist-epoch [rounds]} is a real training epoch on MNIST instead ({@link MnistEpoch});
 * {@code mnist-poolact [epochs]} runs only poolact's side of it (for profiling); {@code kernels [reps]}
 * times each fast kernel call of one training step ({@link org.poolact.kernels.KernelTimings}).
 * {@code activations [rounds]} times single activation calls ({@link ActivationBench}).
 *
 * <p>Run it with {@code mvn -B -q -pl poolact-bench -am verify -Pbench -DskipTests}, which sets
 * GLIBC_TUNABLES (see runtimes.md), OMP_WAIT_POLICY=PASSIVE (libtorch's best on a shared machine),
 * {@code --add-modules jdk.incubator.vector} and 2 threads on both sides; add
 * {@code -Dbench.args=interleaved}, {@code -Dbench.args=epoch}, {@code -Dbench.args=mnist-epoch},
 * {@code -Dbench.args=activations} or {@code -Dbench.args=full}, {@code -Dbench.threads=1}.
 */
public final class BenchMain {
    private BenchMain() {
    }

    /** Entry point. */
    public static void main(String[] args) throws RunnerException, IOException {
        if (args.length == 1) {
            // NOTE: the bench profile passes -Dbench.args as ONE argument ("interleaved 60")
            args = args[0].trim().split("\\s+");
        }
        boolean full = args.length > 0 && args[0].equals("full");
        System.out.println("poolact.threads=" + System.getProperty("poolact.threads", "(default)")
                + " ai.djl.pytorch.num_threads=" + System.getProperty("ai.djl.pytorch.num_threads", "(default)")
                + " GLIBC_TUNABLES=" + System.getenv().getOrDefault("GLIBC_TUNABLES", "(unset)")
                + " OMP_WAIT_POLICY=" + System.getenv().getOrDefault("OMP_WAIT_POLICY", "(unset)")
                + " availableProcessors=" + Runtime.getRuntime().availableProcessors());
        if (args.length > 0 && args[0].equals("mnist-epoch")) {
            MnistEpoch.run(args.length > 1 ? Integer.parseInt(args[1]) : 2);
            return;
        }
        if (args.length > 0 && args[0].equals("kernels")) {
            org.poolact.kernels.KernelTimings.run(args.length > 1 ? Integer.parseInt(args[1]) : 50);
            return;
        }
        if (args.length > 0 && args[0].equals("mnist-poolact")) {
            MnistEpoch.runPoolactOnly(args.length > 1 ? Integer.parseInt(args[1]) : 2);
            return;
        }
        if (args.length > 0 && args[0].equals("activations")) {
            ActivationBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 30);
            return;
        }
        crossCheck();
        if (args.length > 0 && args[0].equals("epoch")) {
            epoch(args.length > 1 ? Integer.parseInt(args[1]) : DefaultModelWeights.MNIST_BATCHES);
            return;
        }
        if (args.length > 0 && args[0].equals("interleaved")) {
            interleaved(args.length > 1 ? Integer.parseInt(args[1]) : 30);
            return;
        }
        ChainedOptionsBuilder ob = new OptionsBuilder()
                .include(TrainStepBenchmark.class.getName())
                .forks(full ? 2 : 1)
                .warmupIterations(full ? 5 : 3)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(full ? 10 : 5)
                .measurementTime(TimeValue.seconds(2));
        Collection<RunResult> results = new Runner(ob.build()).run();
        Map<String, double[]> ms = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            ms.put(name, new double[] {r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
        }
        double[] p = ms.get("poolact");
        double[] t = ms.get("libtorch");
        System.out.printf("%nfwd+bwd, batch %d: poolact %.2f ms (+-%.2f), libtorch %.2f ms (+-%.2f)%n",
                DefaultModelWeights.BATCH, p[0], p[1], t[0], t[1]);
        System.out.printf("ratio poolact/libtorch: %.2f%n", p[0] / t[0]);
        System.out.printf("MNIST epoch estimate (%d steps): poolact %.1f s, libtorch %.1f s%n",
                DefaultModelWeights.MNIST_BATCHES, p[0] * DefaultModelWeights.MNIST_BATCHES / 1000,
                t[0] * DefaultModelWeights.MNIST_BATCHES / 1000);
    }

    /**
     * One MNIST-sized epoch of training steps (938 by default) on each side, timed end to end from
     * the first step of a fresh model (so poolact's JIT warm-up is included; the cross-check before
     * has run one step of each already), poolact first, then libtorch.
     */
    private static void epoch(int steps) {
        DefaultModelWeights w = new DefaultModelWeights(7);
        PoolactStep ours = new PoolactStep(w);
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            ours.step();
        }
        double p = (System.nanoTime() - t0) / 1e9;
        double t;
        try (TorchStep torch = new TorchStep(w)) {
            long t1 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                torch.step();
            }
            t = (System.nanoTime() - t1) / 1e9;
        }
        System.out.printf("%nepoch of %d steps (fwd+bwd, batch %d, no optimiser or data loading): poolact %.1f s, "
                + "libtorch %.1f s, ratio %.2f%n", steps, DefaultModelWeights.BATCH, p, t, p / t);
    }

    private static void interleaved(int rounds) {
        DefaultModelWeights w = new DefaultModelWeights(42);
        PoolactStep ours = new PoolactStep(w);
        try (TorchStep torch = new TorchStep(w)) {
            for (int i = 0; i < 10; i++) {
                ours.step();
                torch.step();
            }
            double[] p = new double[rounds];
            double[] t = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                ours.step();
                long t1 = System.nanoTime();
                torch.step();
                long t2 = System.nanoTime();
                p[i] = (t1 - t0) / 1e6;
                t[i] = (t2 - t1) / 1e6;
            }
            java.util.Arrays.sort(p);
            java.util.Arrays.sort(t);
            double pm = p[rounds / 2];
            double tm = t[rounds / 2];
            System.out.printf("%ninterleaved, %d rounds, fwd+bwd batch %d: poolact median %.2f ms (min %.2f), "
                    + "libtorch median %.2f ms (min %.2f)%n", rounds, DefaultModelWeights.BATCH, pm, p[0], tm, t[0]);
            System.out.printf("ratio poolact/libtorch: median %.2f, min %.2f%n", pm / tm, p[0] / t[0]);
            System.out.printf("MNIST epoch estimate (%d steps, medians): poolact %.1f s, libtorch %.1f s%n",
                    DefaultModelWeights.MNIST_BATCHES, pm * DefaultModelWeights.MNIST_BATCHES / 1000,
                    tm * DefaultModelWeights.MNIST_BATCHES / 1000);
        }
    }

    /** One step on each side from the same weights: the two must compute the same thing. */
    private static void crossCheck() {
        DefaultModelWeights w = new DefaultModelWeights(42);
        PoolactStep ours = new PoolactStep(w);
        double lossOurs = ours.step();
        try (TorchStep torch = new TorchStep(w)) {
            double lossTorch = torch.step();
            float[] gt = torch.convWeightGrad();
            float[] go = ours.convWeightGrad().floatData();
            double scale = 1e-30;
            double worst = 0;
            for (int i = 0; i < gt.length; i++) {
                scale = Math.max(scale, Math.abs(gt[i]));
                worst = Math.max(worst, Math.abs(gt[i] - go[i]));
            }
            System.out.printf("cross-check: loss poolact %.7f libtorch %.7f; conv1 weight grad max diff %.2e "
                    + "(relative to its max %.2e)%n", lossOurs, lossTorch, worst / scale, scale);
        }
    }
}
