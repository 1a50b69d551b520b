package org.poolact.lab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.poolact.data.Dataset;
import org.poolact.lab.data.DataSetId;
import org.poolact.lab.data.IdxFiles;
import org.poolact.lab.data.FetchedData;

/**
 * CI's small real-data test: the first 1,000 MNIST training images train the default model (relu, max
 * pooling; 2 epochs, batch 32, SGD lr 0.05, momentum 0.9) to over 80% accuracy on the first 1,000 test
 * images (about 89% measured; 16 s with the plain double conv kernel on a loaded 2-core machine).
 * The data come from {@code .ci/fetch-data.sh}; the test is skipped (a JUnit assumption, reported as
 * skipped) only when the files are absent locally, and CI runs the script first.
 */
class MnistSubsetTrainingTest {

    @Test
    void thousandImagesTrainAboveEightyPercent() throws IOException {
        Optional<IdxFiles> files = FetchedData.find(DataSetId.MNIST);
        Assumptions.assumeTrue(files.isPresent(), "MNIST not fetched: run .ci/fetch-data.sh (looked in "
                + FetchedData.candidates() + ")");
        Dataset train = files.get().loadTrain();
        Dataset test = files.get().loadTest();
        TrainConfig config = TrainConfig.builder().epochs(2).batchSize(32).lr(0.05).trainLimit(1000).testLimit(1000)
                .seed(0).build();
        TrainResult r = new Trainer(config, train, test).run();
        assertEquals(2, r.epochs().size());
        double acc = r.last().testAccuracy();
        assertTrue(acc > 0.80, "test accuracy after 2 epochs on 1,000 images: " + acc);
        assertTrue(r.last().trainLoss() < r.epochs().get(0).trainLoss(), "training loss did not decrease: " + r.epochs());
    }
}
