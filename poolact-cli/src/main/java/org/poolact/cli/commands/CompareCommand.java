package org.poolact.cli.commands;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.poolact.cli.ExitCodes;
import org.poolact.cli.PoolactCommand;
import org.poolact.cli.input.TensorInput;
import org.poolact.cli.options.FormatOption;
import org.poolact.cli.options.MaxOrAvgConverter;
import org.poolact.cli.options.PoolOptions;
import org.poolact.cli.order.OrderComparison;
import org.poolact.cli.output.Json;
import org.poolact.cli.output.OrderReport;
import org.poolact.lab.order.EngineActivation;
import org.poolact.lab.order.PoolType;
import org.poolact.tensor.Tensor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code poolact compare}: both orders on a map the user brings. */
@Command(name = "compare",
        description = {
            "Apply act -> pool and pool -> act to your own map and compare them: outputs, exact equality, "
                    + "max abs difference, non-zero outputs, inputs reached by the gradient, and the general rule.",
            "FILE holds a JSON nested list of rank 2 (HxW), 3 (CxHxW) or 4 (NxCxHxW), or the text PyTorch "
                    + "prints for a tensor, e.g. tensor([[...]], grad_fn=<ConvolutionBackward0>). '-' reads stdin."})
public final class CompareCommand implements Callable<Integer> {
    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE",
            description = "The map to pool: JSON nested list or PyTorch tensor text; '-' for stdin.")
    String input;

    @Option(names = "--act", required = true, paramLabel = "SPEC",
            description = "Activation NAME or NAME:PARAM, e.g. relu, leaky_relu:0.1, prelu:-0.5, gelu:tanh, silu.")
    String act;

    @Option(names = "--pool", required = true, paramLabel = "max|avg", converter = MaxOrAvgConverter.class,
            description = "Pooling: max or avg.")
    PoolType pool;

    @Mixin
    PoolOptions poolOptions;

    @Mixin
    FormatOption format;

    @ParentCommand
    PoolactCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        EngineActivation activation = EngineActivation.parse(act);
        Tensor map = TensorInput.read(input, parent.stdin());
        OrderComparison.Result result = OrderComparison.compare(map, activation, poolOptions.config(pool));
        PrintWriter out = spec.commandLine().getOut();
        if (format.isJson()) {
            Json.print(out, OrderReport.json(result));
        } else {
            String source = "-".equals(input) ? TensorInput.STDIN_NAME : input;
            out.println("input:  " + source + ", shape " + java.util.Arrays.toString(result.inputShape()));
            out.println("act:    " + activation.spec() + "  " + activation.engineSpec().toModule());
            out.println("pool:   " + result.pool().module());
            out.println();
            OrderReport.text(out, result, "x", java.util.List.of());
        }
        return ExitCodes.OK;
    }
}
