package org.poolact.cli.options;

import org.poolact.lab.train.ArchSpec;
import org.poolact.lab.train.OptimizerKind;
import org.poolact.lab.train.Schedule;
import org.poolact.lab.train.TrainConfig;

import picocli.CommandLine.Option;

/** The training options shared by {@code train} and {@code study} (model shape, optimiser, schedule, sizes). */
public final class TrainingOptions {
    @Option(names = "--arch", paramLabel = "SPEC",
            description = "Layer spec, e.g. c32k3p1,A,P2,c64k3p1,A,P2,f128,A,f10 (c=conv out/k kernel/s stride/p padding, "
                    + "A activation, P<k> pooling, B batch norm, D<p> dropout, f<n> linear). Default: the LeNet-style model.")
    String arch;

    @Option(names = "--batchnorm", description = "Default model with a BatchNorm2d after each conv.")
    boolean batchNorm;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "2", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--optimizer", paramLabel = "sgd|adam", defaultValue = "sgd",
            description = "sgd (with momentum) or adam (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", paramLabel = "X", description = "Learning rate (default: 0.01 for sgd, 0.001 for adam).")
    Double lr;

    @Option(names = "--momentum", paramLabel = "X", defaultValue = "0.9", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--weight-decay", paramLabel = "X", defaultValue = "0", description = "Weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--lr-schedule", paramLabel = "none|step|cosine", defaultValue = "none",
            description = "Learning-rate schedule, stepped per epoch (default: ${DEFAULT-VALUE}; cosine: T_max = epochs).")
    String schedule;

    @Option(names = "--step-size", paramLabel = "N", defaultValue = "1", description = "StepLR step size in epochs.")
    int stepSize;

    @Option(names = "--gamma", paramLabel = "X", defaultValue = "0.1", description = "StepLR factor.")
    double gamma;

    @Option(names = "--no-normalize", description = "Feed pixels in [0, 1] instead of Normalize((0.1307,), (0.3081,)).")
    boolean noNormalize;

    @Option(names = "--train-limit", paramLabel = "N", defaultValue = "0",
            description = "Train on the first N training images only (0 = all).")
    int trainLimit;

    @Option(names = "--test-limit", paramLabel = "N", defaultValue = "0",
            description = "Evaluate on the first N test images only (0 = all).")
    int testLimit;

    /**
     * A config builder holding these options (activation, pooling, order and seed left at their defaults).
     *
     * @throws IllegalArgumentException for a bad spec or value (exit code 2)
     */
    public TrainConfig.Builder toBuilder() {
        OptimizerKind opt = OptimizerKind.parse(optimizer);
        ArchSpec spec = arch != null ? ArchSpec.parse(arch) : ArchSpec.defaultModel(batchNorm);
        if (arch != null && batchNorm) {
            throw new IllegalArgumentException("--batchnorm adds B to the default model; with --arch write B in the spec");
        }
        return TrainConfig.builder().arch(spec).epochs(epochs).batchSize(batchSize).optimizer(opt)
                .lr(lr != null ? lr : opt == OptimizerKind.ADAM ? 1e-3 : 0.01).momentum(momentum).weightDecay(weightDecay)
                .schedule(Schedule.parse(schedule)).stepSize(stepSize).gamma(gamma).normalize(!noNormalize)
                .trainLimit(trainLimit).testLimit(testLimit);
    }
}
