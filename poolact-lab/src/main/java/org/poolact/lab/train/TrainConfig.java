package org.poolact.lab.train;

import org.poolact.lab.order.PoolType;
import org.poolact.nn.functional.ActivationSpec;

/**
 * Everything that defines a training run; {@link #builder()} starts from the defaults.
 *
 * @param arch          the layer spec as written (activation/pooling pairs in any order)
 * @param order         the block order applied to {@code arch} ({@link ArchSpec#withOrder})
 * @param act           the activation of every {@code A}
 * @param pool          the pooling of every {@code P}
 * @param epochs        epochs to train
 * @param batchSize     training batch size
 * @param optimizer     SGD (with momentum) or Adam
 * @param lr            initial learning rate
 * @param momentum      SGD momentum (ignored by Adam)
 * @param weightDecay   L2 weight decay (PyTorch's {@code weight_decay})
 * @param schedule      learning-rate schedule, stepped after each epoch
 * @param stepSize      StepLR step size in epochs
 * @param gamma         StepLR factor
 * @param seed          seeds the initial weights, the shuffling and dropout
 * @param normalize     apply {@code Normalize((0.1307,), (0.3081,))} after {@code ToTensor()}
 * @param evalBatchSize batch size of the test-set evaluation (does not change results)
 * @param trainLimit    train on the first n examples only (0 = all)
 * @param testLimit     evaluate on the first n test examples only (0 = all)
 */
public record TrainConfig(ArchSpec arch, BlockOrder order, ActivationSpec act, PoolType pool, int epochs, int batchSize,
                          OptimizerKind optimizer, double lr, double momentum, double weightDecay, Schedule schedule,
                          int stepSize, double gamma, long seed, boolean normalize, int evalBatchSize,
                          int trainLimit, int testLimit) {

    /** Checks the ranges; messages name the option. */
    public TrainConfig {
        CnnBuilder.checkPool(pool);
        positive("epochs", epochs);
        positive("batch-size", batchSize);
        positive("eval-batch-size", evalBatchSize);
        positive("step-size", stepSize);
        if (!(lr > 0)) {
            throw new IllegalArgumentException("lr: expected a positive learning rate but got " + lr);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum: expected a value in [0, 1) but got " + momentum);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weight-decay: expected a non-negative value but got " + weightDecay);
        }
        if (trainLimit < 0 || testLimit < 0) {
            throw new IllegalArgumentException("limit: expected 0 (all) or a positive count but got "
                    + Math.min(trainLimit, testLimit));
        }
    }

    private static void positive(String what, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(what + ": expected a positive value but got " + v);
        }
    }

    /** The layers actually built: {@code arch.withOrder(order)}. */
    public ArchSpec orderedArch() {
        return arch.withOrder(order);
    }

    /**
     * Everything that fixes the trajectory of a run except the number of epochs, as one line: a
     * checkpoint can only be resumed under the same fingerprint.
     */
    public String fingerprint() {
        return "arch=" + orderedArch() + ";act=" + act + ";pool=" + pool.label() + ";batch=" + batchSize + ";opt=" + optimizer
                + ";lr=" + lr + ";momentum=" + momentum + ";wd=" + weightDecay + ";schedule=" + schedule
                + (schedule == Schedule.STEP ? ":" + stepSize + ":" + gamma : "")
                + (schedule == Schedule.COSINE ? ":" + epochs : "")
                + ";seed=" + seed + ";normalize=" + normalize + ";train=" + trainLimit + ";test=" + testLimit;
    }

    /** A builder with the defaults: default model, relu, max, act-pool, 2 epochs, batch 64, SGD lr 0.01 momentum 0.9, seed 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this config's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.arch = arch;
        b.order = order;
        b.act = act;
        b.pool = pool;
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.optimizer = optimizer;
        b.lr = lr;
        b.momentum = momentum;
        b.weightDecay = weightDecay;
        b.schedule = schedule;
        b.stepSize = stepSize;
        b.gamma = gamma;
        b.seed = seed;
        b.normalize = normalize;
        b.evalBatchSize = evalBatchSize;
        b.trainLimit = trainLimit;
        b.testLimit = testLimit;
        return b;
    }

    /** Builder of {@link TrainConfig}. */
    public static final class Builder {
        private ArchSpec arch = ArchSpec.defaultModel(false);
        private BlockOrder order = BlockOrder.ACT_POOL;
        private ActivationSpec act = ActivationSpec.parse("relu");
        private PoolType pool = PoolType.MAX;
        private int epochs = 2;
        private int batchSize = 64;
        private OptimizerKind optimizer = OptimizerKind.SGD;
        private double lr = 0.01;
        private double momentum = 0.9;
        private double weightDecay = 0;
        private Schedule schedule = Schedule.NONE;
        private int stepSize = 1;
        private double gamma = 0.1;
        private long seed = 0;
        private boolean normalize = true;
        private int evalBatchSize = 1000;
        private int trainLimit = 0;
        private int testLimit = 0;

        private Builder() {
        }

        public Builder arch(ArchSpec v) {
            arch = v;
            return this;
        }

        public Builder order(BlockOrder v) {
            order = v;
            return this;
        }

        public Builder act(ActivationSpec v) {
            act = v;
            return this;
        }

        public Builder pool(PoolType v) {
            pool = v;
            return this;
        }

        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder optimizer(OptimizerKind v) {
            optimizer = v;
            return this;
        }

        public Builder lr(double v) {
            lr = v;
            return this;
        }

        public Builder momentum(double v) {
            momentum = v;
            return this;
        }

        public Builder weightDecay(double v) {
            weightDecay = v;
            return this;
        }

        public Builder schedule(Schedule v) {
            schedule = v;
            return this;
        }

        public Builder stepSize(int v) {
            stepSize = v;
            return this;
        }

        public Builder gamma(double v) {
            gamma = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder normalize(boolean v) {
            normalize = v;
            return this;
        }

        public Builder evalBatchSize(int v) {
            evalBatchSize = v;
            return this;
        }

        public Builder trainLimit(int v) {
            trainLimit = v;
            return this;
        }

        public Builder testLimit(int v) {
            testLimit = v;
            return this;
        }

        public TrainConfig build() {
            return new TrainConfig(arch, order, act, pool, epochs, batchSize, optimizer, lr, momentum, weightDecay,
                    schedule, stepSize, gamma, seed, normalize, evalBatchSize, trainLimit, testLimit);
        }
    }
}
