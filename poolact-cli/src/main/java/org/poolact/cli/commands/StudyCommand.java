package org.poolact.cli.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.poolact.cli.ExitCodes;
import org.poolact.cli.options.DataOptions;
import org.poolact.cli.options.FormatOption;
import org.poolact.cli.options.ProgressOption;
import org.poolact.cli.options.TrainingOptions;
import org.poolact.lab.study.RunKey;
import org.poolact.lab.study.RunRecord;
import org.poolact.lab.study.Study;
import org.poolact.lab.study.StudyConfig;
import org.poolact.lab.study.StudyListener;
import org.poolact.lab.study.StudyReport;
import org.poolact.lab.study.Summary;
import org.poolact.lab.train.BlockStats;
import org.poolact.lab.train.CnnBuilder;
import org.poolact.lab.train.LabJson;
import org.poolact.lab.train.TrainListener;
import org.poolact.nn.functional.ActivationSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code poolact study}: the grid activation x pooling x order x seed, paired by seed, resumable, with
 * a summary per activation and pooling and an optional HTML report.
 */
@Command(name = "study", description = "Train both block orders over activations, poolings and seeds (paired: same "
        + "initial weights and batches per seed); append each run to DIR/results.jsonl; resume after a kill; "
        + "summarise the paired differences with 95%% confidence intervals.")
public final class StudyCommand implements Callable<Integer> {
    @Mixin
    FormatOption format;

    @Mixin
    DataOptions data;

    @Mixin
    TrainingOptions training;

    @Mixin
    ProgressOption progress;

    @Option(names = "--acts", paramLabel = "SPEC[,SPEC...]", split = ",", defaultValue = "relu,prelu,gelu",
            description = "Activations (default: ${DEFAULT-VALUE}).")
    List<String> acts;

    @Option(names = "--pools", paramLabel = "max|avg[,...]", split = ",", defaultValue = "max,avg",
            description = "Poolings (default: ${DEFAULT-VALUE}).")
    List<String> pools;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "5", description = "Seeds per cell (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--first-seed", paramLabel = "N", defaultValue = "0", description = "First seed (default: ${DEFAULT-VALUE}).")
    long firstSeed;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Results directory: results.jsonl and the checkpoint of the run in progress.")
    Path out;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write a self-contained HTML report.")
    Path report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // options first (bad input fails before any data is read), then the data, whose name goes into the results
        StudyConfig checked = new StudyConfig("", acts.stream().map(ActivationSpec::parse).toList(),
                pools.stream().map(CnnBuilder::parsePool).toList(), seeds, firstSeed, training.toBuilder().build(), out);
        DataOptions.Loaded d = data.load(err);
        StudyConfig config = new StudyConfig(d.name(), checked.acts(), checked.pools(), seeds, firstSeed, checked.base(), out);
        TrainListener tl = progress.listener(err);
        List<RunRecord> records = new Study(config, d.train(), d.test()).run(new StudyListener() {
            @Override
            public void onStudyStart(int done, int total, boolean droppedPartialLine) {
                err.printf("study: %d of %d runs already in %s%s%n", done, total, config.resultsFile(),
                        droppedPartialLine ? " (a partial last line was ignored)" : "");
                err.flush();
            }

            @Override
            public void onRunStart(RunKey key, int index, int total) {
                err.printf("study: run %d/%d: %s%n", index, total, key);
                err.flush();
            }

            @Override
            public void onRunEnd(RunRecord r, int index, int total) {
                err.printf("study: run %d/%d done: test_accuracy %.2f%%%n", index, total, 100 * r.testAccuracy());
                err.flush();
            }

            @Override
            public TrainListener trainListener() {
                return tl;
            }
        });
        List<Summary.Cell> cells = Summary.of(records);
        if (report != null) {
            StudyReport.write(report, "poolact study: " + d.name() + ", " + seeds + " seeds, "
                    + config.base().epochs() + " epochs", records);
            err.println("study: report written to " + report);
        }
        if (format.isJson()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("dataset", d.name());
            o.put("results", config.resultsFile().toString());
            o.put("runs", records.size());
            o.put("cells", cells);
            stdout.println(LabJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(o));
        } else {
            printText(stdout, cells);
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    private static void printText(PrintWriter out, List<Summary.Cell> cells) {
        out.println("act         pool  acc act-pool (%)   acc pool-act (%)   diff (pp)  95% CI (pp)         s/epoch A/B   "
                + "zeros conv1 A/B");
        for (Summary.Cell c : cells) {
            String ci = Double.isNaN(c.diff().ciLow()) ? "n/a"
                    : String.format("[%+.2f, %+.2f]", 100 * c.diff().ciLow(), 100 * c.diff().ciHigh());
            String zeros = c.actPool().blocks().isEmpty() || c.poolAct().blocks().isEmpty() ? "n/a"
                    : String.format("%.1f%% / %.1f%%", 100 * c.actPool().blocks().get(0).zeroFraction(),
                            100 * c.poolAct().blocks().get(0).zeroFraction());
            out.printf("%-11s %-5s %-18s %-18s %+9.2f  %-18s  %5.1f/%-5.1f  %s%n", c.act(), c.pool(), pm(c.actPool()),
                    pm(c.poolAct()), 100 * c.diff().mean(), ci, c.actPool().meanEpochSeconds(),
                    c.poolAct().meanEpochSeconds(), zeros);
        }
        printSparsity(out, cells);
        out.println();
        for (Summary.Cell c : cells) {
            out.printf("%s/%s: the post says %s. %s%n", c.act(), c.pool(), c.claim(), c.verdict());
        }
    }

    /**
     * Per block after the last epoch, mean over seeds: the zero fraction and the dead units (zero on the
     * whole test set) of each order, e.g. {@code 41.2% 0 | 50.0% 3}.
     */
    private static void printSparsity(PrintWriter out, List<Summary.Cell> cells) {
        if (cells.isEmpty() || cells.get(0).actPool().blocks().isEmpty()) {
            return;
        }
        out.println();
        out.println("zeros and dead units after the last epoch (mean over seeds), act-pool | pool-act");
        StringBuilder header = new StringBuilder(String.format("%-11s %-5s", "act", "pool"));
        for (BlockStats b : cells.get(0).actPool().blocks()) {
            header.append(String.format("  %-23s", b.block() + " (" + b.units() + " units)"));
        }
        out.println(header.toString().stripTrailing());
        for (Summary.Cell c : cells) {
            StringBuilder row = new StringBuilder(String.format("%-11s %-5s", c.act(), c.pool()));
            for (BlockStats a : c.actPool().blocks()) {
                BlockStats b = c.poolAct().blocks().stream().filter(x -> x.block().equals(a.block())).findFirst()
                        .orElse(null);
                row.append("  ").append(zerosDead(a)).append(" | ").append(b == null ? "   n/a   " : zerosDead(b));
            }
            out.println(row);
        }
    }

    private static String zerosDead(BlockStats s) {
        return String.format("%5.1f%% %3d", 100 * s.zeroFraction(), s.deadUnits());
    }

    private static String pm(Summary.OrderStats s) {
        return s.n() == 0 ? "n/a" : String.format("%.2f ± %.2f (n=%d)", 100 * s.meanAccuracy(),
                Double.isNaN(s.stdAccuracy()) ? 0.0 : 100 * s.stdAccuracy(), s.n());
    }
}
