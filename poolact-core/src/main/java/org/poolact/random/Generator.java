package org.poolact.random;

/**
 * A random number generator with PyTorch's CPU generator state machine ({@code torch.Generator}):
 * a 32-bit Mersenne Twister (mt19937) seeded from the low 32 bits of the seed, as
 * {@code torch.manual_seed} does. {@link #defaultGenerator()} is the process-wide default
 * ({@code torch.default_generator}); every random function also takes an explicit generator.
 */
public final class Generator {
    private static final int N = 624;
    private static final int M = 397;
    /** PyTorch's default seed when none was set (std::mt19937's default, 67280421310721 in torch's generator). */
    public static final long DEFAULT_SEED = 67280421310721L;
    private static final Generator DEFAULT = new Generator(DEFAULT_SEED);

    private final int[] state = new int[N];
    private int left;
    private int next;
    private long seed;

    /** A new generator seeded with {@code seed}: {@code torch.Generator().manual_seed(seed)}. */
    public Generator(long seed) {
        manualSeed(seed);
    }

    /** The process-wide default generator ({@code torch.default_generator}). */
    public static Generator defaultGenerator() {
        return DEFAULT;
    }

    /** {@code torch.manual_seed(seed)}: re-seeds the default generator and returns it. */
    public static Generator manualSeedDefault(long seed) {
        return DEFAULT.manualSeed(seed);
    }

    /** {@code generator.manual_seed(seed)}: resets the whole state. */
    public synchronized Generator manualSeed(long seed) {
        this.seed = seed;
        state[0] = (int) seed;
        for (int j = 1; j < N; j++) {
            state[j] = 1812433253 * (state[j - 1] ^ (state[j - 1] >>> 30)) + j;
        }
        left = 1;
        next = 0;
        resetCaches();
        return this;
    }

    /** Hook for cached normal samples kept beside the engine state (cleared on re-seed). */
    private void resetCaches() {
    }

    /** {@code generator.initial_seed()}. */
    public long initialSeed() {
        return seed;
    }

    /** The next 32 random bits, as an unsigned value in a long: the engine's {@code random()}. */
    public synchronized long random() {
        if (--left == 0) {
            nextState();
        }
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    /** 64 random bits from two draws, the first one high: the engine's {@code random64()}. */
    public synchronized long random64() {
        long hi = random();
        long lo = random();
        return (hi << 32) | lo;
    }

    private void nextState() {
        left = N;
        next = 0;
        int i = 0;
        for (; i < N - M; i++) {
            state[i] = state[i + M] ^ twist(state[i], state[i + 1]);
        }
        for (; i < N - 1; i++) {
            state[i] = state[i + M - N] ^ twist(state[i], state[i + 1]);
        }
        state[N - 1] = state[M - 1] ^ twist(state[N - 1], state[0]);
    }

    private static int twist(int u, int v) {
        int mixed = (u & 0x80000000) | (v & 0x7fffffff);
        return (mixed >>> 1) ^ ((v & 1) != 0 ? 0x9908b0df : 0);
    }

    /**
     * One float32 sample of U[from, to): 24 random bits scaled by 2^-24, then {@code x * (to - from) + from}
     * (PyTorch's {@code uniform_real_distribution<float>}).
     */
    public float nextUniformFloat(float from, float to) {
        double x = (random() & ((1 << 24) - 1)) * (1.0 / (1 << 24));
        return (float) (x * ((double) to - (double) from) + from);
    }
}
