package org.poolact.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.poolact.random.Generator;

/**
 * Batches a {@link Dataset}: {@code torch.utils.data.DataLoader(dataset, batch_size, shuffle,
 * generator=g, drop_last)} with {@code num_workers=0}, over torchvision's {@code ToTensor()} and an
 * optional {@code Normalize(mean, std)}. Each call to {@link #iterator()} is one epoch.
 *
 * <p>Shuffling draws from the explicit generator given to {@link Builder#shuffle(Generator)}, never
 * from a global one, so a seed fixes the order of every epoch. The draws mirror PyTorch's loader
 * (see the NOTE in {@link EpochIterator}): per epoch, one 64-bit draw for the worker base seed when
 * the epoch starts, one {@code randperm(n)} before the first batch and one more {@code randperm(n)}
 * when the sampler is read past its end. The resulting example order over several epochs equals
 * torch 1.13.1's {@code DataLoader(..., shuffle=True, generator=torch.Generator().manual_seed(s))}
 * (DataLoaderTorchTest).
 */
public final class DataLoader implements Iterable<Batch> {
    private final Dataset dataset;
    private final int batchSize;
    private final boolean dropLast;
    private final Generator generator;
    private final Normalization normalization;

    private DataLoader(Builder b) {
        this.dataset = b.dataset;
        this.batchSize = b.batchSize;
        this.dropLast = b.dropLast;
        this.generator = b.generator;
        this.normalization = b.normalization;
    }

    /** A builder with PyTorch's defaults: batch size 1, no shuffle, keep the last partial batch. */
    public static Builder builder(Dataset dataset) {
        return new Builder(dataset);
    }

    public Dataset dataset() {
        return dataset;
    }

    public int batchSize() {
        return batchSize;
    }

    public boolean dropLast() {
        return dropLast;
    }

    public boolean shuffles() {
        return generator != null;
    }

    public Normalization normalization() {
        return normalization;
    }

    /** Batches per epoch, {@code len(loader)}: {@code n / b} with dropLast, else {@code ceil(n / b)}. */
    public int numBatches() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** One epoch of batches. Starting it draws from the generator (see the class comment). */
    @Override
    public Iterator<Batch> iterator() {
        return new EpochIterator();
    }

    /**
     * The permutation of {@code 0..n-1} used to shuffle one epoch: {@code torch.randperm(n,
     * generator=g)}, bit-exact with libtorch (see org.poolact.random.Random#randperm).
     */
    // NOTE: the ONE place the shuffle order comes from.
    static int[] randperm(int n, Generator g) {
        long[] idx = org.poolact.random.Random.randperm(g, n).data();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = (int) idx[i];
        }
        return perm;
    }

    /**
     * One epoch.
     */
    // NOTE: torch's _BaseDataLoaderIter.__init__ draws the base seed (int64 random_ = one random64())
    // from loader.generator when the iterator is created; RandomSampler.__iter__ then calls
    // randperm(n) lazily at the first index, and after yielding n indices evaluates one more
    // randperm(n, generator)[:0] before StopIteration. The BatchSampler reads past the end while
    // building a partial last batch (drop_last=False), or on the call after the last full batch.
    private final class EpochIterator implements Iterator<Batch> {
        private final int n = dataset.size();
        private final int batches = numBatches();
        private int[] order;
        private int nextBatch;
        private boolean exhausted;

        EpochIterator() {
            if (generator != null) {
                generator.random64();
            }
        }

        private int[] order() {
            if (order == null) {
                if (generator != null) {
                    order = randperm(n, generator);
                } else {
                    order = new int[n];
                    for (int i = 0; i < n; i++) {
                        order[i] = i;
                    }
                }
            }
            return order;
        }

        private void readPastEnd() {
            if (!exhausted) {
                exhausted = true;
                order();
                if (generator != null) {
                    randperm(n, generator);
                }
            }
        }

        @Override
        public boolean hasNext() {
            if (nextBatch < batches) {
                return true;
            }
            readPastEnd();
            return false;
        }

        @Override
        public Batch next() {
            if (!hasNext()) {
                throw new NoSuchElementException("DataLoader: epoch finished after " + batches + " batches");
            }
            int from = nextBatch * batchSize;
            int to = Math.min(n, from + batchSize);
            int[] indices = Arrays.copyOfRange(order(), from, to);
            nextBatch++;
            if (to - from < batchSize) {
                readPastEnd();
            }
            int[] labels = new int[indices.length];
            for (int i = 0; i < indices.length; i++) {
                labels[i] = dataset.label(indices[i]);
            }
            return new Batch(dataset.images(indices, normalization), labels, indices);
        }
    }

    /** Options of a {@link DataLoader}. */
    public static final class Builder {
        private final Dataset dataset;
        private int batchSize = 1;
        private boolean dropLast;
        private Generator generator;
        private Normalization normalization = Normalization.NONE;

        private Builder(Dataset dataset) {
            if (dataset == null) {
                throw new IllegalArgumentException("DataLoader: expected a dataset, got null");
            }
            this.dataset = dataset;
        }

        /** {@code batch_size}, default 1. */
        public Builder batchSize(int batchSize) {
            if (batchSize <= 0) {
                throw new IllegalArgumentException("DataLoader: batch_size should be a positive integer value, but got batch_size="
                        + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** {@code drop_last}, default false. */
        public Builder dropLast(boolean dropLast) {
            this.dropLast = dropLast;
            return this;
        }

        /** {@code shuffle=True, generator=g}: each epoch in a new order drawn from {@code g}. */
        public Builder shuffle(Generator g) {
            if (g == null) {
                throw new IllegalArgumentException("DataLoader: shuffle needs an explicit generator, got null");
            }
            this.generator = g;
            return this;
        }

        /** {@code Normalize(mean, std)} after {@code ToTensor()}; default none. */
        public Builder normalize(Normalization normalization) {
            this.normalization = normalization == null ? Normalization.NONE : normalization;
            return this;
        }

        public DataLoader build() {
            if (dropLast && dataset.size() < batchSize) {
                throw new IllegalArgumentException("DataLoader: drop_last=True with batch_size=" + batchSize
                        + " leaves no batch of " + dataset.size() + " examples");
            }
            return new DataLoader(this);
        }
    }
}
