package org.poolact.lab.train;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.time.temporal.ChronoUnit;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar per epoch for a terminal (me.tongfei:progressbar): batches done, batches/s, ETA and
 * the running mean loss; one summary line per epoch after it.
 */
public final class ProgressBarListener implements TrainListener {
    private final PrintStream out;
    private ProgressBar bar;
    private double lossSum;
    private int batches;

    /** Draws on {@code out} (usually System.err, leaving stdout to results). */
    public ProgressBarListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onTrainStart(TrainConfig config, int startEpoch, int batchesPerEpoch, int trainSize, int testSize) {
        out.println(LogLineListener.startLine(config, startEpoch, batchesPerEpoch, trainSize, testSize));
        this.batches = batchesPerEpoch;
    }

    @Override
    public void onEpochStart(int epoch, int epochs) {
        lossSum = 0;
        bar = new ProgressBarBuilder().setTaskName("epoch " + epoch + "/" + epochs).setInitialMax(batches)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUnit(" batches", 1)
                .showSpeed(new DecimalFormat("0.0"))
                .setSpeedUnit(ChronoUnit.SECONDS).setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(out)).build();
    }

    @Override
    public void onBatch(int epoch, int batch, int batchCount, double loss) {
        lossSum += loss;
        bar.stepTo(batch);
        bar.setExtraMessage(String.format(" loss %.4f", lossSum / batch));
    }

    @Override
    public void onEpochEnd(EpochMetrics m, int epochs) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        out.println(LogLineListener.epochLine(m, epochs));
    }
}
