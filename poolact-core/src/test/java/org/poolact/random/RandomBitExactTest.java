package org.poolact.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.Test;
import org.poolact.nn.functional.Dropouts;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;
import org.poolact.testing.TorchRandom;
import org.poolact.testing.TorchRef;

/**
 * Bit-for-bit comparison of {@link Random} with libtorch 2.7.1's CPU kernels on its default generator
 * (through DJL): same seed, same call sequence, same float32 bits. Every comparison is exact
 * ({@link TorchRandom#assertBits}), never a tolerance.
 */
class RandomBitExactTest {
    /** Sizes around the 16-wide normal fill, its tail recompute and the mt19937 state refill (624 draws). */
    static final int[] SIZES = IntStream.concat(IntStream.rangeClosed(1, 40),
            IntStream.of(47, 48, 49, 63, 64, 65, 311, 312, 313, 623, 624, 625, 1000, 1023, 1024, 1025, 4095, 4096,
                    4097, 9999, 10000)).toArray();
    static final int[] SEEDS = {0, 1, 2, 3, 7, 42, 123, 1234, 2024, 31337, 65535, 99991, 1 << 20, 2147483647, -1, -7};

    private static Generator torchAndOurs(int seed) {
        TorchRandom.seed(seed);
        return new Generator(seed);
    }

    @Test
    void publicValuesAfterManualSeedZero() {
        // torch.manual_seed(0); torch.randn(3) -> tensor([ 1.5410, -0.2934, -2.1788])
        Generator.manualSeedDefault(0);
        float[] n = Tensor.randn(3).floatData();
        assertArrayEquals(new float[] {1.5410f, -0.2934f, -2.1788f}, n, 0.00005f);
        // torch.manual_seed(0); torch.rand(3) -> tensor([0.4963, 0.7682, 0.0885])
        Generator.manualSeedDefault(0);
        float[] u = Tensor.rand(3).floatData();
        assertArrayEquals(new float[] {0.4963f, 0.7682f, 0.0885f}, u, 0.00005f);
        try (NDManager m = TorchRef.sub()) {
            TorchRandom.seed(0);
            TorchRandom.assertBits("randn(3) seed 0", TorchRandom.normal(m, 0f, 1f, 3), n);
            TorchRandom.seed(0);
            TorchRandom.assertBits("rand(3) seed 0", TorchRandom.uniform(m, 0f, 1f, 3), u);
        }
    }

    @Test
    void randnEverySizeUpTo2048() {
        try (NDManager m = TorchRef.sub()) {
            for (int n = 1; n <= 2048; n++) {
                try (NDManager c = m.newSubManager()) {
                    Generator g = torchAndOurs(n);
                    TorchRandom.assertBits("randn(" + n + ") seed " + n, TorchRandom.normal(c, 0f, 1f, n),
                            Random.randn(g, n).floatData());
                }
            }
        }
    }

    @Test
    void randnAndRandOverSeedsAndSizes() {
        for (int seed : SEEDS) {
            for (int n : SIZES) {
                try (NDManager m = TorchRef.sub()) {
                    Generator g = torchAndOurs(seed);
                    TorchRandom.assertBits("randn(" + n + ") seed " + seed, TorchRandom.normal(m, 0f, 1f, n),
                            Random.randn(g, n).floatData());
                    // the same generator goes on: rand after randn
                    TorchRandom.assertBits("rand(" + n + ") after randn, seed " + seed,
                            TorchRandom.uniform(m, 0f, 1f, n), Random.rand(g, n).floatData());
                }
            }
        }
    }

    @Test
    void normalAndUniformWithParameters() {
        float[][] normalParams = {{0.5f, 2.3f}, {-3f, 0.01f}, {0f, 0.47140452f}, {100f, 7.7f}, {0f, 0f}};
        float[][] uniformParams = {{-0.33333334f, 0.33333334f}, {-3.7f, 1.2f}, {2f, 2.5f}, {-1e-3f, 5f}, {7f, 7f}};
        int[] sizes = {1, 2, 9, 15, 16, 17, 31, 32, 33, 100, 1001};
        for (int seed : new int[] {0, 5, 77, 4242}) {
            for (int n : sizes) {
                for (int k = 0; k < normalParams.length; k++) {
                    try (NDManager m = TorchRef.sub()) {
                        Generator g = torchAndOurs(seed);
                        float mean = normalParams[k][0];
                        float std = normalParams[k][1];
                        TorchRandom.assertBits("normal_(" + mean + ", " + std + ") n " + n + " seed " + seed,
                                TorchRandom.normal(m, mean, std, n),
                                Random.normal_(Tensor.empty(DType.FLOAT32, n), mean, std, g).floatData());
                        float from = uniformParams[k][0];
                        float to = uniformParams[k][1];
                        TorchRandom.assertBits("uniform_(" + from + ", " + to + ") n " + n + " seed " + seed,
                                TorchRandom.uniform(m, from, to, n),
                                Random.uniform_(Tensor.empty(DType.FLOAT32, n), from, to, g).floatData());
                    }
                }
            }
        }
    }

    @Test
    void multiDimensionalShapesDrawInRowMajorOrder() {
        int[][] shapes = {{1, 1, 7, 7}, {1, 1, 3, 3}, {2, 4}, {3, 5, 1}, {4, 4}, {2, 3, 3, 3}};
        for (int seed : new int[] {0, 1, 10}) {
            for (int[] s : shapes) {
                try (NDManager m = TorchRef.sub()) {
                    Generator g = torchAndOurs(seed);
                    Tensor ours = Random.randn(g, s);
                    assertArrayEquals(s, ours.shape());
                    TorchRandom.assertBits("randn shape seed " + seed, TorchRandom.normal(m, 0f, 1f, s), ours.floatData());
                }
            }
        }
    }

    /**
     * Random call sequences on one generator, replayed on torch's default generator. They mix sizes
     * below and at/above 16, so the normal cached by the small path must survive uniform draws, large
     * normal fills, randint and randperm calls in between, exactly as in torch.
     */
    @Test
    void interleavedCallSequencesKeepTheCachedNormal() {
        java.util.Random script = new java.util.Random(20261128);
        int[] sizes = {1, 1, 1, 2, 3, 5, 15, 16, 17, 31, 33, 64, 100};
        int cases = 0;
        for (int seed = 0; seed < 12; seed++) {
            try (NDManager m = TorchRef.sub()) {
                Generator g = torchAndOurs(seed * 1000 + 1);
                for (int step = 0; step < 60; step++) {
                    int n = sizes[script.nextInt(sizes.length)];
                    String what = "seed " + seed + " step " + step + " n " + n;
                    switch (script.nextInt(5)) {
                        case 0, 1 -> TorchRandom.assertBits("randn " + what, TorchRandom.normal(m, 0f, 1f, n),
                                Random.randn(g, n).floatData());
                        case 2 -> TorchRandom.assertBits("rand " + what, TorchRandom.uniform(m, 0f, 1f, n),
                                Random.rand(g, n).floatData());
                        case 3 -> TorchRandom.assertSame("randint " + what, TorchRandom.randint(m, -5, 9, n),
                                Random.randint(g, -5, 9, n).data());
                        default -> TorchRandom.assertSame("randperm " + what, TorchRandom.randperm(m, n),
                                Random.randperm(g, n).data());
                    }
                    cases++;
                }
            }
        }
        assertEquals(720, cases);
    }

    @Test
    void cachedNormalIsReturnedByTheNextSmallDraw() {
        // randn(1) draws two normals and keeps one: the next randn(1) uses no random bits at all
        Generator g = new Generator(9);
        Random.randn(g, 1);
        Generator.State before = g.getState();
        Random.randn(g, 1);
        Generator h = new Generator(9);
        h.setState(before);
        Random.rand(h, 1);
        Generator k = new Generator(9);
        Random.randn(k, 1);
        Random.randn(k, 1);
        Random.rand(k, 1);
        assertEquals(h.random(), k.random(), "the cached draw consumed no mt19937 output");
    }

    @Test
    void randintOverRangesIncludingThe64BitPath() {
        long[][] ranges = {{0, 2}, {0, 10}, {-5, 5}, {3, 1000003}, {0, (1L << 28) - 1}, {7, (1L << 28) + 7},
            {-(1L << 27), 1L << 27}, {0, (1L << 28) + 1}, {0, 1L << 31}, {-(1L << 31), 1L << 31},
            {0, (1L << 32) + 5}, {-(1L << 40), 1L << 40}, {Long.MIN_VALUE / 2, Long.MAX_VALUE / 2}};
        for (int seed : new int[] {0, 3, 99}) {
            for (long[] r : ranges) {
                for (int n : new int[] {1, 7, 100}) {
                    try (NDManager m = TorchRef.sub()) {
                        Generator g = torchAndOurs(seed);
                        TorchRandom.assertSame("randint(" + r[0] + ", " + r[1] + ", " + n + ") seed " + seed,
                                TorchRandom.randint(m, r[0], r[1], n), Random.randint(g, r[0], r[1], n).data());
                    }
                }
            }
        }
    }

    @Test
    void randpermSweep() {
        int[] ns = {0, 1, 2, 3, 10, 16, 17, 100, 623, 624, 625, 1000, 10000};
        for (int seed : new int[] {0, 1, 2, 1234}) {
            for (int n : ns) {
                try (NDManager m = TorchRef.sub()) {
                    Generator g = torchAndOurs(seed);
                    TorchRandom.assertSame("randperm(" + n + ") seed " + seed, TorchRandom.randperm(m, n),
                            Random.randperm(g, n).data());
                    // and the generator is left where torch leaves it
                    TorchRandom.assertBits("rand after randperm(" + n + ") seed " + seed,
                            TorchRandom.uniform(m, 0f, 1f, 5), Random.rand(g, 5).floatData());
                }
            }
        }
    }

    /**
     * {@code random_()} on an int64 scalar is {@code random64() % 2^63}. DJL has no random_, so the
     * expected value is derived from torch's randint, which DJL does run: randint(-2^62, 2^62) has
     * range 2^63 (above the 2^28 switch, so one random64()) and returns {@code random64() % 2^63 - 2^62}
     * on the same state. Then a RandomSampler-style shuffle: a fresh generator seeded with it, randperm.
     */
    @Test
    void randomInt64AndASamplerShuffle() {
        for (int seed : new int[] {0, 1, 77, 2024}) {
            try (NDManager m = TorchRef.sub()) {
                Generator g = torchAndOurs(seed);
                long expected = TorchRandom.randint(m, -(1L << 62), 1L << 62, 1)[0] + (1L << 62);
                long ours = Random.randomInt64(g);
                assertEquals(expected, ours, "random_() seed " + seed);
                assertTrue(ours >= 0);
                TorchRandom.seed((int) ours);
                TorchRandom.assertSame("sampler randperm seed " + seed, TorchRandom.randperm(m, 50),
                        Random.randperm(new Generator(ours), 50).data());
            }
        }
    }

    /**
     * Dropout's mask: torch's CPU {@code F.dropout(x, p, training=True)} is {@code x * bernoulli_(1 - p) / (1 - p)},
     * so on x = ones the kept positions are exactly the ones of {@code bernoulli_(1 - p)}.
     * (torch skips the draw entirely for p = 0 and p = 1.)
     */
    @Test
    void bernoulliScalarIsDropoutsMask() {
        float[] ps = {0.1f, 0.25f, 0.3f, 0.5f, 0.9f};
        int[] sizes = {1, 5, 16, 17, 100, 801, 5000};
        for (int seed : new int[] {0, 8, 1000}) {
            for (float p : ps) {
                for (int n : sizes) {
                    try (NDManager m = TorchRef.sub()) {
                        Generator g = torchAndOurs(seed);
                        // DJL hands the rate to torch as a double widened from the float
                        float[] ours = Random.bernoulli_(Tensor.empty(DType.FLOAT32, n), 1 - (double) p, g).floatData();
                        TorchRandom.assertBits("dropout mask p " + p + " n " + n + " seed " + seed,
                                TorchRandom.dropoutMask(m, p, n), ours);
                        TorchRandom.assertBits("rand after bernoulli_ n " + n, TorchRandom.uniform(m, 0f, 1f, 3),
                                Random.rand(g, 3).floatData());
                    }
                }
            }
        }
    }

    /**
     * {@code F.dropout(x, p, training=True)} end to end: torch's CPU path is
     * {@code noise = empty_like(x).bernoulli_(1 - p); noise.div_(1 - p); x * noise}, i.e. in float32
     * {@code x * (mask / (float) (1 - p))}; poolact's {@link Dropouts#dropout} on the same seed must give
     * the same bits, and leave the generator where torch leaves it.
     */
    @Test
    void dropoutMatchesTorchBitForBit() {
        for (float p : new float[] {0.1f, 0.3f, 0.5f, 0.7f}) {
            for (int seed : new int[] {0, 1, 2}) {
                for (int n : new int[] {1, 17, 257, 3000}) {
                    float[] x = new float[n];
                    for (int i = 0; i < n; i++) {
                        x[i] = (float) Math.sin(i * 1.3 + 0.2) * 3;
                    }
                    try (NDManager m = TorchRef.sub()) {
                        Generator g = torchAndOurs(seed);
                        float[] ref = ai.djl.nn.norm.Dropout.dropout(m.create(x), p, true).singletonOrThrow().toFloatArray();
                        // DJL hands the rate to torch as a double widened from the float
                        Tensor ours = Dropouts.dropout(Tensor.wrap(x.clone(), n), p, true, g);
                        TorchRandom.assertBits("dropout p " + p + " n " + n + " seed " + seed, ref, ours.floatData());
                        TorchRandom.assertBits("rand after dropout", TorchRandom.uniform(m, 0f, 1f, 3),
                                Random.rand(g, 3).floatData());
                    }
                }
            }
        }
    }

    /**
     * {@code torch.bernoulli(probs)} with float32 probabilities draws one float uniform per element
     * exactly as {@code rand} does (24 bits of one {@code random()}) and returns 1 where it is below
     * the probability. DJL has no tensor-probability bernoulli, so the expected values are derived from
     * torch's own {@code rand(n)} on the same seed: {@code (rand(n) < probs)}.
     */
    @Test
    void bernoulliWithTensorProbabilitiesDerivedFromTorchRand() {
        for (int seed : new int[] {0, 4, 17}) {
            for (int n : new int[] {1, 16, 33, 500}) {
                float[] probs = new float[n];
                for (int i = 0; i < n; i++) {
                    probs[i] = (float) ((i * 0.37) % 1.0);
                }
                try (NDManager m = TorchRef.sub()) {
                    Generator g = torchAndOurs(seed);
                    float[] u = TorchRandom.uniform(m, 0f, 1f, n);
                    float[] expected = new float[n];
                    for (int i = 0; i < n; i++) {
                        expected[i] = u[i] < probs[i] ? 1 : 0;
                    }
                    TorchRandom.assertBits("bernoulli(probs) n " + n + " seed " + seed, expected,
                            Random.bernoulli(Tensor.wrap(probs, n), g).floatData());
                }
            }
        }
    }

    @Test
    void defaultGeneratorConveniencesFollowManualSeed() {
        List<float[]> ours = new ArrayList<>();
        Generator.manualSeedDefault(321);
        ours.add(Tensor.randn(2, 3).floatData());
        ours.add(Tensor.rand(4).floatData());
        ours.add(Tensor.randn(20).floatData());
        ours.add(Tensor.randn(1).floatData());
        try (NDManager m = TorchRef.sub()) {
            TorchRandom.seed(321);
            TorchRandom.assertBits("default randn(2,3)", TorchRandom.normal(m, 0f, 1f, 2, 3), ours.get(0));
            TorchRandom.assertBits("default rand(4)", TorchRandom.uniform(m, 0f, 1f, 4), ours.get(1));
            TorchRandom.assertBits("default randn(20)", TorchRandom.normal(m, 0f, 1f, 20), ours.get(2));
            TorchRandom.assertBits("default randn(1) (cached)", TorchRandom.normal(m, 0f, 1f, 1), ours.get(3));
        }
    }

    /**
     * float64 is outside the guarantee: torch's double paths call glibc's log/log1p/sin/cos and we call
     * Java's. The draws, their order and the uniform transform are the same, so float64 uniform_ is
     * bit-exact and float64 normal_ is within 2 ulp of the standard normal (exact for most values); the generator is left in
     * the same state either way.
     */
    @Test
    void float64UniformIsExactAndNormalWithinTwoUlp() {
        for (int seed : new int[] {0, 1, 2, 50}) {
            for (int n : new int[] {1, 3, 15, 16, 17, 100, 1000}) {
                try (NDManager m = TorchRef.sub()) {
                    Generator g = torchAndOurs(seed);
                    double[] ref = TorchRandom.normal64(m, 0.5f, 2.3f, n);
                    double[] ours = Random.normal_(Tensor.empty(DType.FLOAT64, n), 0.5f, 2.3f, g).doubleData();
                    double std = 2.3f;
                    double mean = 0.5f;
                    for (int i = 0; i < n; i++) {
                        // two ulp of the standard normal z, carried through z * std + mean, plus its rounding
                        double bound = 2 * std * Math.ulp((ref[i] - mean) / std) + Math.ulp(ref[i]);
                        assertTrue(Math.abs(ref[i] - ours[i]) <= bound,
                                "float64 normal_ n " + n + " i " + i + ": " + ours[i] + " vs " + ref[i]);
                    }
                    double[] uref = TorchRandom.uniform64(m, -3.7f, 1.2f, n);
                    double[] uours = Random.uniform_(Tensor.empty(DType.FLOAT64, n), -3.7f, 1.2f, g).doubleData();
                    assertArrayEquals(uref, uours, 0.0, "float64 uniform_ n " + n + " seed " + seed);
                    TorchRandom.assertBits("rand after float64 draws", TorchRandom.uniform(m, 0f, 1f, 3),
                            Random.rand(g, 3).floatData());
                }
            }
        }
    }

    @Test
    void badArgumentsNameTheOpAndTheValues() {
        Generator g = new Generator(0);
        Tensor t = Tensor.empty(DType.FLOAT32, 4);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Random.uniform_(t, 2, 1, g)).getMessage()
                .contains("from=2.0 > to=1.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Random.normal_(t, 0, -1, g)).getMessage()
                .contains("std >= 0.0, but found std -1.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Random.randint(g, 5, 5, 3)).getMessage()
                .contains("low=5 >= high=5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Random.randperm(g, -1)).getMessage()
                .contains("n=-1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Random.bernoulli_(t, 1.5, g)).getMessage()
                .contains("p=1.5"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Random.uniform_(t, Double.NEGATIVE_INFINITY, 0, g)).getMessage().contains("from"));
    }
}
