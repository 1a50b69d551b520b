package org.poolact.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH: one forward+backward training step of issue 6's default model on a batch of 64, in poolact
 * and in libtorch. Thread counts come from the JVM's system properties (poolact.threads,
 * ai.djl.pytorch.num_threads), which JMH passes on to its forked JVM.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrainStepBenchmark {

    /** The poolact model. */
    @State(Scope.Benchmark)
    public static class Poolact {
        PoolactStep step;

        @Setup(Level.Trial)
        public void setup() {
            step = new PoolactStep(new DefaultModelWeights(42));
        }
    }

    /** The libtorch model. */
    @State(Scope.Benchmark)
    public static class Torch {
        TorchStep step;

        @Setup(Level.Trial)
        public void setup() {
            step = new TorchStep(new DefaultModelWeights(42));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            step.close();
        }
    }

    /** poolact, float32. */
    @Benchmark
    public double poolact(Poolact s) {
        return s.step.step();
    }

    /** libtorch 2.7.1 through DJL. */
    @Benchmark
    public double libtorch(Torch s) {
        return s.step.step();
    }
}
