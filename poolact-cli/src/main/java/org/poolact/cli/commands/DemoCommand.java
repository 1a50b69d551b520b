package org.poolact.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.poolact.cli.ExitCodes;
import org.poolact.cli.options.FormatOption;
import org.poolact.cli.options.PoolChoice;
import org.poolact.cli.options.PoolOptions;
import org.poolact.cli.order.OrderComparison;
import org.poolact.cli.output.Json;
import org.poolact.cli.output.OrderReport;
import org.poolact.lab.order.EngineActivation;
import org.poolact.lab.order.PoolConfig;
import org.poolact.lab.order.PoolType;
import org.poolact.nn.conv.Conv2d;
import org.poolact.random.Generator;
import org.poolact.random.Random;
import org.poolact.tensor.Tensor;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code poolact demo}: the post's experiment. As in PyTorch,
 * {@code torch.manual_seed(seed); image = torch.randn(1, 1, 7, 7); conv = nn.Conv2d(1, 1, 3, 1)},
 * then each pooling applied to {@code conv(image)} in both orders, with measured conclusions.
 */
@Command(name = "demo",
        description = "Run the post's experiment: a 1x1x7x7 randn image, Conv2d(1, 1, 3, 1), then act -> pool "
                + "and pool -> act for max and average pooling, with what this run measured and the general rule.")
public final class DemoCommand implements Callable<Integer> {
    /** The default seed: {@code torch.manual_seed(0)}. */
    public static final long DEFAULT_SEED = 0;

    @Option(names = "--pool", paramLabel = "max|avg|both", defaultValue = "both",
            description = "Which experiments to run (default: ${DEFAULT-VALUE}).")
    PoolChoice pool = PoolChoice.BOTH;

    @Option(names = "--act", paramLabel = "SPEC", defaultValue = "relu",
            description = "Activation NAME or NAME:PARAM (default: ${DEFAULT-VALUE}), e.g. gelu, prelu:-0.5.")
    String act = "relu";

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + DEFAULT_SEED,
            description = "Seed of torch.manual_seed (default: ${DEFAULT-VALUE}).")
    long seed = DEFAULT_SEED;

    @Mixin
    PoolOptions poolOptions;

    @Mixin
    FormatOption format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        EngineActivation activation = EngineActivation.parse(act);
        Generator g = new Generator(seed);
        Tensor image = Random.randn(g, 1, 1, 7, 7);
        Conv2d conv = new Conv2d(1, 1, 3, 1, 0, g);
        Tensor convOut = conv.forward(image);

        PrintWriter out = spec.commandLine().getOut();
        ObjectNode json = Json.object();
        json.put("seed", seed);
        json.set("image", Json.tensor(image));
        json.set("conv_weight", Json.tensor(conv.weight()));
        json.set("conv_bias", Json.tensor(conv.bias()));
        json.set("conv_out", Json.tensor(convOut));
        json.put("act", activation.spec());
        if (!format.isJson()) {
            out.println("The post's experiment, seed " + seed + ":");
            out.println("  torch.manual_seed(" + seed + ")");
            out.println("  image = torch.randn(1, 1, 7, 7)");
            out.println("  conv = " + conv);
            out.println("  act = " + activation.engineSpec().toModule() + "   (--act " + activation.spec() + ")");
            out.println();
            out.println("conv_out = conv(image)");
            out.println(convOut);
        }
        for (PoolType kind : pool.types()) {
            PoolConfig poolConfig = poolOptions.config(kind);
            OrderComparison.Result r = OrderComparison.compare(convOut.detach(), activation, poolConfig);
            int[] pixels = imagePixelsWithGradient(image, conv, activation, poolConfig);
            if (format.isJson()) {
                ObjectNode e = OrderReport.json(r);
                ObjectNode grads = e.putObject("grad_nonzero_image_pixels");
                grads.put("act_then_pool", pixels[0]);
                grads.put("pool_then_act", pixels[1]);
                grads.put("of", image.numel());
                json.set(kind.label(), e);
            } else {
                out.println();
                out.println("== " + (kind == PoolType.MAX ? "Max" : "Average") + " pooling: pool = "
                        + poolConfig.module());
                OrderReport.text(out, r, "conv_out", List.of("image pixels with non-zero gradient:",
                        "                      act -> pool " + pixels[0] + " of " + image.numel() + ", pool -> act "
                                + pixels[1] + " of " + image.numel()));
            }
        }
        if (format.isJson()) {
            Json.print(out, json);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** For each order, how many image pixels get a non-zero gradient from the backward of the output's sum. */
    private static int[] imagePixelsWithGradient(Tensor image, Conv2d conv, EngineActivation act, PoolConfig pool) {
        Tensor leafA = image.detach().requiresGrad(true);
        pool.apply(act.apply(conv.forward(leafA))).sum().backward();
        Tensor leafB = image.detach().requiresGrad(true);
        act.apply(pool.apply(conv.forward(leafB))).sum().backward();
        conv.zeroGrad();
        return new int[] {OrderComparison.countNonzero(leafA.grad()), OrderComparison.countNonzero(leafB.grad())};
    }
}
