package org.poolact.lab.train;

import java.io.PrintWriter;
import java.util.stream.Collectors;

/**
 * Plain log lines for logs and pipes (no terminal control): the start, progress every
 * {@code everySeconds} with batches/s, running loss and ETA, and one line per epoch.
 */
public final class LogLineListener implements TrainListener {
    private final PrintWriter out;
    private final double everySeconds;
    private long epochStart;
    private long lastLine;
    private double lossSum;

    /** Writes to {@code out}, a progress line at most every {@code everySeconds} seconds. */
    public LogLineListener(PrintWriter out, double everySeconds) {
        this.out = out;
        this.everySeconds = everySeconds;
    }

    @Override
    public void onTrainStart(TrainConfig config, int startEpoch, int batchesPerEpoch, int trainSize, int testSize) {
        out.println(startLine(config, startEpoch, batchesPerEpoch, trainSize, testSize));
        out.flush();
    }

    @Override
    public void onEpochStart(int epoch, int epochs) {
        epochStart = System.nanoTime();
        lastLine = epochStart;
        lossSum = 0;
    }

    @Override
    public void onBatch(int epoch, int batch, int batches, double loss) {
        lossSum += loss;
        long now = System.nanoTime();
        if ((now - lastLine) / 1e9 >= everySeconds && batch < batches) {
            lastLine = now;
            double rate = batch / ((now - epochStart) / 1e9);
            out.printf("epoch %d batch %d/%d  loss %.4f  %.1f batches/s  ETA %s%n", epoch, batch, batches,
                    lossSum / batch, rate, duration((batches - batch) / rate));
            out.flush();
        }
    }

    @Override
    public void onEpochEnd(EpochMetrics m, int epochs) {
        out.println(epochLine(m, epochs));
        out.flush();
    }

    static String startLine(TrainConfig c, int startEpoch, int batchesPerEpoch, int trainSize, int testSize) {
        return (startEpoch > 1 ? "resuming at epoch " + startEpoch + ": " : "training: ") + c.orderedArch() + "  act="
                + c.act() + " pool=" + c.pool().label() + " order=" + c.order() + " seed=" + c.seed() + "  " + trainSize
                + " train / " + testSize + " test images, " + batchesPerEpoch + " batches of " + c.batchSize();
    }

    static String epochLine(EpochMetrics m, int epochs) {
        String zeros = m.blocks().stream().map(b -> String.format("%s %.1f%%", b.block(), 100 * b.zeroFraction()))
                .collect(Collectors.joining(" "));
        return String.format("epoch %d/%d  train_loss %.4f  test_loss %.4f  test_accuracy %.2f%%  %.1f s  zeros: %s",
                m.epoch(), epochs, m.trainLoss(), m.testLoss(), 100 * m.testAccuracy(), m.seconds(), zeros);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
