package org.poolact.random;

import org.poolact.tensor.Tensor;

/**
 * In-place random fills of tensors from an explicit {@link Generator} ({@code tensor.bernoulli_(p, generator=g)}, ...).
 */
public final class Random {
    private Random() {
    }

    /**
     * {@code self.bernoulli_(p, generator=gen)}: each element becomes 1 with probability {@code p}, else 0,
     * drawn in row-major order. Here one draw is a 53-bit double {@code u} in [0, 1) from
     * {@link Generator#random64()} and the element is {@code u < p}, as PyTorch's scalar CPU path
     * ({@code bernoulli_distribution<double>}) does.
     * <p>
     * NOTE: PyTorch builds with MKL draw bernoulli_ through MKL's own stream seeded from the generator,
     * so this stream is not yet bit-exact with torch; the rng work makes it exact behind this method.
     *
     * @return {@code self}
     */
    public static Tensor bernoulli_(Tensor self, double p, Generator gen) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("bernoulli_: p must be in [0, 1], but got " + p);
        }
        int n = self.numel();
        for (int i = 0; i < n; i++) {
            double u = (gen.random64() & ((1L << 53) - 1)) * 0x1.0p-53;
            self.setFlat(i, u < p ? 1.0 : 0.0);
        }
        return self;
    }
}
