package org.poolact.random;

/**
 * A random number generator with PyTorch's CPU generator state machine ({@code at::CPUGeneratorImpl}):
 * a 32-bit Mersenne Twister (mt19937, seeded from the low 32 bits of the seed, as
 * {@code torch.manual_seed} does) plus the two cached normal samples torch keeps beside it
 * ({@code next_double_normal_sample} and {@code next_float_normal_sample}: Box-Muller draws two
 * normals and keeps the second for the next call). {@link #defaultGenerator()} is the process-wide
 * default ({@code torch.default_generator}); every random function also takes an explicit generator.
 *
 * <p>The distributions themselves (uniform, normal, bernoulli, integers, permutations) are in
 * {@link Random}. All methods are synchronized on the generator, like torch's generator mutex.
 */
public final class Generator {
    private static final int N = 624;
    private static final int M = 397;
    /** PyTorch's default seed when none was set ({@code default_rng_seed_val}, 67280421310721). */
    public static final long DEFAULT_SEED = 67280421310721L;
    private static final Generator DEFAULT = new Generator(DEFAULT_SEED);

    private final int[] state = new int[N];
    private int left;
    private int next;
    private long seed;
    private boolean hasNextDoubleNormal;
    private double nextDoubleNormal;
    // NOTE: torch keeps a float cache too (normal_distribution<float>); no CPU kernel reads or writes
    // it, but it is part of the state (reset by manual_seed, carried by get/set_state), so it is kept.
    private boolean hasNextFloatNormal;
    private float nextFloatNormal;

    /** A new generator seeded with {@link #DEFAULT_SEED}: {@code torch.Generator()}. */
    public Generator() {
        this(DEFAULT_SEED);
    }

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

    /**
     * {@code generator.manual_seed(seed)}: resets the whole state. As in torch, only the low 32 bits
     * seed the twister ({@code mt19937(seed)} keeps {@code seed & 0xffffffff}); {@link #initialSeed()}
     * returns the full value. The cached normal samples are dropped.
     */
    public synchronized Generator manualSeed(long seed) {
        this.seed = seed;
        state[0] = (int) seed;
        for (int j = 1; j < N; j++) {
            state[j] = 1812433253 * (state[j - 1] ^ (state[j - 1] >>> 30)) + j;
        }
        left = 1;
        next = 0;
        hasNextDoubleNormal = false;
        hasNextFloatNormal = false;
        return this;
    }

    /** {@code generator.initial_seed()}. */
    public synchronized long initialSeed() {
        return seed;
    }

    /** The next 32 random bits, as an unsigned value in a long: {@code CPUGeneratorImpl::random()}. */
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

    /** 64 random bits from two draws, the first one high: {@code CPUGeneratorImpl::random64()}. */
    public synchronized long random64() {
        long hi = random();
        long lo = random();
        return (hi << 32) | lo;
    }

    /**
     * One float32 sample of U[from, to) as torch's {@code uniform_real_distribution<float>}: 24 random
     * bits times 2^-24, then {@code x * (to - from) + from}, every step in float arithmetic.
     */
    public synchronized float nextUniformFloat(float from, float to) {
        float x = (random() & 0xffffff) * 0x1.0p-24f;
        // NOTE: float arithmetic, not double (torch's dist_acctype<float> is float on CPU), and
        // x * (to - from) + from is one fused multiply-add: the compiler contracted it in the kernel.
        return Math.fma(x, to - from, from);
    }

    /**
     * One float64 sample of U[from, to): 53 bits of {@link #random64()} times 2^-53, then
     * {@code x * (to - from) + from} as one fused multiply-add, as torch's double path.
     */
    public synchronized double nextUniformDouble(double from, double to) {
        double x = (random64() & ((1L << 53) - 1)) * 0x1.0p-53;
        return Math.fma(x, to - from, from);
    }

    /**
     * One N(mean, std) sample in double, as torch's {@code normal_distribution<double>}: returns the
     * cached second Box-Muller value if there is one; otherwise draws u1, u2 (53-bit doubles), returns
     * {@code r cos(theta)} and caches {@code r sin(theta)}, with {@code r = sqrt(-2 log(1 - u2))} and
     * {@code theta = 2 pi u1}. The cache holds the standard value; {@code ret * std + mean} (fused)
     * applies on return.
     *
     * <p>NOTE: torch calls glibc's log1p, sin and cos here. Java's {@code StrictMath.log1p} and the
     * {@code Math.sin}/{@code Math.cos} intrinsics agreed with them on 99.8% of the float64 values
     * measured (the others by one ulp); a one-ulp difference in double changes the float32 result only
     * if the value sits on a float rounding boundary (about 2^-29 of the time), and none did in testing.
     */
    public synchronized double nextNormalDouble(double mean, double std) {
        double ret;
        if (hasNextDoubleNormal) {
            hasNextDoubleNormal = false;
            ret = nextDoubleNormal;
        } else {
            double u1 = nextUniformDouble(0, 1);
            double u2 = nextUniformDouble(0, 1);
            double r = Math.sqrt(-2.0 * StrictMath.log1p(-u2));
            double theta = 2.0 * Math.PI * u1;
            nextDoubleNormal = r * Math.sin(theta);
            hasNextDoubleNormal = true;
            ret = r * Math.cos(theta);
        }
        return Math.fma(ret, std, mean);
    }

    /** A snapshot of the whole state (twister and cached normals), for {@link #setState(State)}. */
    public synchronized State getState() {
        return new State(state.clone(), left, next, seed, hasNextDoubleNormal, nextDoubleNormal,
                hasNextFloatNormal, nextFloatNormal);
    }

    /** Restores a snapshot from {@link #getState()}: {@code generator.set_state(generator.get_state())}. */
    public synchronized void setState(State s) {
        System.arraycopy(s.mt, 0, state, 0, N);
        left = s.left;
        next = s.next;
        seed = s.seed;
        hasNextDoubleNormal = s.hasNextDoubleNormal;
        nextDoubleNormal = s.nextDoubleNormal;
        hasNextFloatNormal = s.hasNextFloatNormal;
        nextFloatNormal = s.nextFloatNormal;
    }

    /** An immutable copy of a generator's state. */
    public static final class State {
        private final int[] mt;
        private final int left;
        private final int next;
        private final long seed;
        private final boolean hasNextDoubleNormal;
        private final double nextDoubleNormal;
        private final boolean hasNextFloatNormal;
        private final float nextFloatNormal;

        private State(int[] mt, int left, int next, long seed, boolean hasNextDoubleNormal, double nextDoubleNormal,
                boolean hasNextFloatNormal, float nextFloatNormal) {
            this.mt = mt;
            this.left = left;
            this.next = next;
            this.seed = seed;
            this.hasNextDoubleNormal = hasNextDoubleNormal;
            this.nextDoubleNormal = nextDoubleNormal;
            this.hasNextFloatNormal = hasNextFloatNormal;
            this.nextFloatNormal = nextFloatNormal;
        }
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
}
