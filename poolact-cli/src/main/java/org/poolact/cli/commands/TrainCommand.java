package org.poolact.cli.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.poolact.cli.ExitCodes;
import org.poolact.cli.options.DataOptions;
import org.poolact.cli.options.FormatOption;
import org.poolact.cli.options.ProgressOption;
import org.poolact.cli.options.TrainingOptions;
import org.poolact.lab.train.BlockOrder;
import org.poolact.lab.train.BlockStats;
import org.poolact.lab.train.CnnBuilder;
import org.poolact.lab.train.EpochMetrics;
import org.poolact.lab.train.LabJson;
import org.poolact.lab.train.TrainConfig;
import org.poolact.lab.train.TrainListener;
import org.poolact.lab.train.TrainOutput;
import org.poolact.lab.train.TrainResult;
import org.poolact.lab.train.Trainer;
import org.poolact.nn.functional.ActivationSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code poolact train}: trains one CNN in one block order and reports accuracy, loss, time and sparsity. */
@Command(name = "train", description = "Train a CNN with the activation before or after each pooling; report test "
        + "accuracy and loss per epoch, epoch time, zero activations and dead units after each block.")
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    FormatOption format;

    @Mixin
    DataOptions data;

    @Mixin
    TrainingOptions training;

    @Mixin
    ProgressOption progress;

    @Option(names = "--act", paramLabel = "SPEC", defaultValue = "relu",
            description = "Activation, e.g. relu, prelu, gelu, leaky_relu:0.1 (default: ${DEFAULT-VALUE}).")
    String act;

    @Option(names = "--pool", paramLabel = "max|avg", defaultValue = "max", description = "Pooling (default: ${DEFAULT-VALUE}).")
    String pool;

    @Option(names = "--order", paramLabel = "act-pool|pool-act", defaultValue = "act-pool",
            description = "act-pool: conv, activation, pool; pool-act: conv, pool, activation (default: ${DEFAULT-VALUE}).")
    String order;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seeds initial weights, shuffling and dropout (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Write a safetensors checkpoint (weights + optimiser state) after each epoch, atomically.")
    Path checkpoint;

    @Option(names = "--resume", description = "Continue from --checkpoint if it exists (same options required).")
    boolean resume;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (resume && checkpoint == null) {
            throw new IllegalArgumentException("--resume needs --checkpoint FILE");
        }
        TrainConfig config = training.toBuilder().act(ActivationSpec.parse(act)).pool(CnnBuilder.parsePool(pool))
                .order(BlockOrder.parse(order)).seed(seed).build();
        DataOptions.Loaded d = data.load(err);
        Trainer trainer = new Trainer(config, d.train(), d.test());
        TrainListener listener = progress.listener(err);
        if (listener != null) {
            trainer.listener(listener);
        }
        if (checkpoint != null) {
            trainer.checkpoint(checkpoint, resume);
        }
        TrainResult r = trainer.run();
        TrainOutput o = TrainOutput.of(d.name(), r);
        if (format.isJson()) {
            out.println(LabJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(o));
        } else {
            printText(out, o);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void printText(PrintWriter out, TrainOutput o) {
        out.printf("%s  act=%s pool=%s order=%s seed=%d  on %s%n", o.arch(), o.act(), o.pool(), o.order(), o.seed(),
                o.dataset());
        out.println("epoch  train_loss  test_loss  test_accuracy  seconds");
        for (EpochMetrics e : o.epochs()) {
            out.printf("%5d  %10.4f  %9.4f  %12.2f%%  %7.1f%n", e.epoch(), e.trainLoss(), e.testLoss(),
                    100 * e.testAccuracy(), e.seconds());
        }
        out.println("block  zero_fraction  dead_units");
        for (BlockStats b : o.epochs().get(o.epochs().size() - 1).blocks()) {
            out.printf("%-5s  %12.1f%%  %d/%d%n", b.block(), 100 * b.zeroFraction(), b.deadUnits(), b.units());
        }
        out.printf("final: test_accuracy %.2f%%, test_loss %.4f%n", 100 * o.testAccuracy(), o.testLoss());
    }
}
