package org.poolact.lab.train;

import org.poolact.data.Dataset;
import org.poolact.data.IdxImages;

/**
 * A tiny learnable data set for fast tests: 12x12 images in 4 classes, class k has its k-th 6x6
 * quadrant brighter, plus uniform noise from a fixed LCG (so the data are the same on every machine).
 */
public final class SyntheticData {
    /** A spec that fits 12x12 inputs and 4 classes. */
    public static final String ARCH = "c4k3p1,A,P2,c6k3p1,A,P2,f8,A,f4";

    private SyntheticData() {
    }

    public static Dataset make(String name, int n, long seed) {
        byte[] pixels = new byte[n * 144];
        byte[] labels = new byte[n];
        long s = seed * 6364136223846793005L + 1442695040888963407L;
        for (int i = 0; i < n; i++) {
            int label = i % 4;
            labels[i] = (byte) label;
            for (int r = 0; r < 12; r++) {
                for (int c = 0; c < 12; c++) {
                    s = s * 6364136223846793005L + 1442695040888963407L;
                    int noise = (int) ((s >>> 33) % 120);
                    int quadrant = (r / 6) * 2 + c / 6;
                    pixels[i * 144 + r * 12 + c] = (byte) (noise + (quadrant == label ? 110 : 0));
                }
            }
        }
        return Dataset.of(name, new IdxImages(n, 12, 12, pixels), labels, 4);
    }

    /** A config for these data: the small arch, batch 16, SGD lr 0.05. */
    public static TrainConfig.Builder config() {
        return TrainConfig.builder().arch(ArchSpec.parse(ARCH)).batchSize(16).lr(0.05).evalBatchSize(50).epochs(2);
    }
}
