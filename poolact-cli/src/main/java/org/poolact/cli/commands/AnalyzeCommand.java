package org.poolact.cli.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.poolact.cli.ExitCodes;
import org.poolact.cli.UserInputException;
import org.poolact.cli.options.Size2Converter;
import org.poolact.io.AtomicFiles;
import org.poolact.lab.order.Analysis;
import org.poolact.lab.order.GridSpec;
import org.poolact.lab.report.CsvReport;
import org.poolact.lab.report.HtmlReport;
import org.poolact.lab.report.JsonReport;
import org.poolact.lab.report.MarkdownReport;
import org.poolact.lab.report.TextReport;
import org.poolact.nn.functional.Size2;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code poolact analyze}: the verdict, rule, counterexample, measurements and recommendation for
 * every activation and pooling, the post's claims judged, as text, JSON, CSV, Markdown and an HTML
 * page. Exit 0 on success, 2 on bad input (one line), 1 when the run found an error (a declared
 * property the numbers contradict, or a rule the engine contradicts); the output still shows
 * everything, errors included.
 */
@Command(name = "analyze",
        description = {"For every activation and every pooling: are act -> pool and pool -> act identical? A verdict "
                + "proven by a rule (and probed 10,000 times), or a shrunk counterexample, measurements on random conv "
                + "outputs, a recommendation, and the post's claims judged with this run's evidence."})
public final class AnalyzeCommand implements Callable<Integer> {

    /** The output formats of analyze. */
    enum Format { TEXT, JSON, CSV, MARKDOWN }

    @Option(names = "--acts", paramLabel = "SPEC[,SPEC...]",
            description = "Activations (default: the full grid), e.g. relu,gelu,prelu:-0.5,prelu:learned.")
    String acts;

    @Option(names = "--pools", paramLabel = "NAME[,NAME...]",
            description = "Poolings: max, avg, lp, adaptive_avg, adaptive_max (default: all, at several settings).")
    String pools;

    @Option(names = "--kernel", paramLabel = "N|H,W", converter = Size2Converter.class,
            description = "Use one setting per pooling: kernel_size (max, avg, lp).")
    Size2 kernel;

    @Option(names = "--stride", paramLabel = "N|H,W", converter = Size2Converter.class, description = "stride (default: kernel).")
    Size2 stride;

    @Option(names = "--padding", paramLabel = "N|H,W", converter = Size2Converter.class, description = "padding (max, avg).")
    Size2 padding;

    @Option(names = "--ceil-mode", arity = "0..1", paramLabel = "true|false", fallbackValue = "true", description = "ceil_mode.")
    Boolean ceilMode;

    @Option(names = "--count-include-pad", arity = "1", paramLabel = "true|false", description = "count_include_pad (avg).")
    Boolean countIncludePad;

    @Option(names = "--divisor-override", paramLabel = "N", description = "divisor_override (avg).")
    Integer divisorOverride;

    @Option(names = "--norm-type", paramLabel = "1|2", description = "norm_type (lp).")
    Double normType;

    @Option(names = "--output-size", paramLabel = "N|H,W", converter = Size2Converter.class,
            description = "output_size (adaptive_avg, adaptive_max).")
    Size2 outputSize;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of probes, counterexample search and measurement maps (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--probes", paramLabel = "N", defaultValue = "10000",
            description = "Random maps per identical verdict (default: ${DEFAULT-VALUE}).")
    int probes;

    @Option(names = "--no-measure", description = "Skip the measurements (verdicts, rules and counterexamples only).")
    boolean noMeasure;

    @Option(names = "--format", paramLabel = "text|json|csv|markdown", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Also write a self-contained HTML page.")
    Path report;

    @Option(names = "--report-cell", paramLabel = "ACT@POOL",
            description = "The cell the page draws as heatmaps, e.g. 'relu@avg k2 s2' (default: relu with the first avg).")
    String reportCell;

    @Option(names = "--color", arity = "0..1", paramLabel = "true|false", fallbackValue = "true",
            description = "Colour the text output (default: only on a terminal).")
    Boolean color;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (probes < 1) {
            throw new UserInputException("analyze: --probes must be at least 1, got " + probes);
        }
        if (report != null) {
            checkWritable(report);
        }
        String cellAct = null;
        String cellPool = null;
        if (reportCell != null) {
            if (report == null) {
                throw new UserInputException("analyze: --report-cell needs --report");
            }
            int at = reportCell.indexOf('@');
            if (at <= 0 || at == reportCell.length() - 1) {
                throw new UserInputException("analyze: --report-cell expects ACT@POOL, e.g. 'relu@avg k2 s2', got '"
                        + reportCell + "'");
            }
            cellAct = reportCell.substring(0, at).trim();
            cellPool = reportCell.substring(at + 1).trim();
        }
        GridSpec grid = GridSpec.parse(acts, pools, new GridSpec.PoolOptions(kernel, stride, padding, ceilMode,
                countIncludePad, divisorOverride, normType, outputSize));
        Analysis.Result result = Analysis.run(grid, new Analysis.Settings(seed, probes, !noMeasure));
        String page = report == null ? null : HtmlReport.render(result, cellAct, cellPool);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case JSON:
                out.println(JsonReport.write(result));
                break;
            case CSV:
                out.print(CsvReport.render(result));
                break;
            case MARKDOWN:
                out.print(MarkdownReport.render(result));
                break;
            default:
                boolean tty = color != null ? color : System.console() != null && !"dumb".equals(System.getenv("TERM"));
                out.print(TextReport.render(result, tty));
                break;
        }
        out.flush();
        if (page != null) {
            try {
                AtomicFiles.writeString(report, page); // nothing half-written if the write fails
            } catch (IOException e) {
                throw new UserInputException("analyze: cannot write the report " + report + ": " + e.getMessage(), e);
            }
            spec.commandLine().getErr().println("poolact: wrote " + report);
        }
        if (!result.errors().isEmpty()) {
            spec.commandLine().getErr().println("poolact: analyze found " + result.errors().size()
                    + " error(s); see the ERRORS section");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    /** Fails before any computing when {@code p} cannot be written. */
    static void checkWritable(Path p) {
        Path abs = p.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) {
            throw new UserInputException("analyze: cannot write the report " + p + ": it is a directory");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserInputException("analyze: cannot write the report " + p + ": directory " + dir + " does not exist");
        }
        if (Files.exists(abs) ? !Files.isWritable(abs) : !Files.isWritable(dir)) {
            throw new UserInputException("analyze: cannot write the report " + p + ": permission denied");
        }
    }
}
