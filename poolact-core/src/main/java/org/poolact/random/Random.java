package org.poolact.random;

import org.poolact.autograd.GradMode;
import org.poolact.tensor.DType;
import org.poolact.tensor.IndexTensor;
import org.poolact.tensor.Shape;
import org.poolact.tensor.Tensor;

/**
 * Random tensors drawn exactly as PyTorch 2.7.1's CPU kernels draw them from a {@link Generator}:
 * {@code torch.rand}, {@code randn}, {@code randint}, {@code randperm}, {@code Tensor.uniform_},
 * {@code normal_} and {@code bernoulli_}. For float32 the values are bit-identical to torch CPU for the
 * same seed and the same sequence of calls (see docs/random.md for what was checked). Each function
 * has a form on the default generator and one taking an explicit generator. The in-place fills do not
 * record autograd (as torch's {@code nn.init}, they run under no-grad).
 */
public final class Random {
    /** torch's normal_ switches to the 16-wide Box-Muller fill at this size (contiguous tensors). */
    static final int NORMAL_FILL_MIN = 16;
    /** Below this n, randperm swaps with {@code random() % (n - i)}; at or above, the inside-out shuffle on random64. */
    static final long RANDPERM_SMALL_LIMIT = 0xffffffffL / 20;
    /** randint draws random64() instead of random() from this range (high - low) on. */
    static final long RANDINT_64BIT_RANGE = 1L << 28;

    private Random() {
    }

    // ------------------------------------------------------------------ uniform

    /**
     * {@code tensor.uniform_(from, to, generator=g)}. float32: {@code from} and {@code to} are first
     * rounded to float, then each element, in order, is {@code u * (to - from) + from} in float with
     * {@code u} = 24 bits of one {@code random()} times 2^-24. float64: 53 bits of {@code random64()}.
     */
    public static Tensor uniform_(Tensor t, double from, double to, Generator g) {
        checkUniformBounds(t.dtype(), from, to);
        try (var ignored = GradMode.noGrad()) {
            synchronized (g) {
                if (t.dtype() == DType.FLOAT32) {
                    float f = (float) from;
                    float tt = (float) to;
                    float[] d = t.floatData();
                    for (int i = 0; i < d.length; i++) {
                        d[i] = g.nextUniformFloat(f, tt);
                    }
                } else {
                    double[] d = t.doubleData();
                    for (int i = 0; i < d.length; i++) {
                        d[i] = g.nextUniformDouble(from, to);
                    }
                }
            }
        }
        return t;
    }

    /** {@link #uniform_(Tensor, double, double, Generator)} on the default generator. */
    public static Tensor uniform_(Tensor t, double from, double to) {
        return uniform_(t, from, to, Generator.defaultGenerator());
    }

    private static void checkUniformBounds(DType dtype, double from, double to) {
        double max = dtype == DType.FLOAT32 ? Float.MAX_VALUE : Double.MAX_VALUE;
        if (!(from >= -max && from <= max)) {
            throw new IllegalArgumentException("uniform_: from is out of bounds for " + dtype + ": expected a finite value, got " + from);
        }
        if (!(to >= -max && to <= max)) {
            throw new IllegalArgumentException("uniform_: to is out of bounds for " + dtype + ": expected a finite value, got " + to);
        }
        if (!(from <= to)) {
            throw new IllegalArgumentException("uniform_: expects to return a [from, to) range, but found from=" + from
                    + " > to=" + to);
        }
        if (!(to - from <= max)) {
            throw new IllegalArgumentException("uniform_: expects to-from <= " + max + " for " + dtype + ", but found to="
                    + to + " and from=" + from);
        }
    }

    /** {@code torch.rand(*shape, generator=g)}: float32 U[0, 1). */
    public static Tensor rand(Generator g, int... shape) {
        return uniform_(Tensor.empty(DType.FLOAT32, shape), 0, 1, g);
    }

    /** {@code torch.rand(*shape)} on the default generator. */
    public static Tensor rand(int... shape) {
        return rand(Generator.defaultGenerator(), shape);
    }

    /** {@code torch.rand(*shape, dtype=dtype, generator=g)}. */
    public static Tensor rand(Generator g, DType dtype, int... shape) {
        return uniform_(Tensor.empty(dtype, shape), 0, 1, g);
    }

    // ------------------------------------------------------------------ normal

    /**
     * {@code tensor.normal_(mean, std, generator=g)}, following torch's CPU {@code normal_kernel}:
     * <ul>
     * <li>fewer than 16 elements: one {@code normal_distribution<double>} draw per element
     * ({@link Generator#nextNormalDouble}: 53-bit uniforms, Box-Muller in double, the second value
     * cached in the generator for the next such draw), rounded to the dtype;</li>
     * <li>16 or more: first one float uniform (24 bits) per element, then Box-Muller on blocks of 16
     * (element j with element j+8 of the block); if the size is not a multiple of 16, the last 16
     * elements are drawn again and transformed again. float32 uses torch's vectorised float
     * polynomials ({@link BoxMuller16}); float64 uses log, cos, sin in double. This path neither reads
     * nor writes the cached normal.</li>
     * </ul>
     */
    public static Tensor normal_(Tensor t, double mean, double std, Generator g) {
        if (!(std >= 0.0)) {
            throw new IllegalArgumentException("normal_: expects std >= 0.0, but found std " + std);
        }
        int n = t.numel();
        try (var ignored = GradMode.noGrad()) {
            synchronized (g) {
                if (n >= NORMAL_FILL_MIN) {
                    if (t.dtype() == DType.FLOAT32) {
                        normalFillFloat(t.floatData(), (float) mean, (float) std, g);
                    } else {
                        normalFillDouble(t.doubleData(), mean, std, g);
                    }
                } else if (t.dtype() == DType.FLOAT32) {
                    float[] d = t.floatData();
                    for (int i = 0; i < n; i++) {
                        d[i] = (float) g.nextNormalDouble(mean, std);
                    }
                } else {
                    double[] d = t.doubleData();
                    for (int i = 0; i < n; i++) {
                        d[i] = g.nextNormalDouble(mean, std);
                    }
                }
            }
        }
        return t;
    }

    /** {@link #normal_(Tensor, double, double, Generator)} on the default generator. */
    public static Tensor normal_(Tensor t, double mean, double std) {
        return normal_(t, mean, std, Generator.defaultGenerator());
    }

    private static void normalFillFloat(float[] d, float mean, float std, Generator g) {
        int n = d.length;
        for (int i = 0; i < n; i++) {
            d[i] = g.nextUniformFloat(0f, 1f);
        }
        for (int i = 0; i < n - 15; i += 16) {
            BoxMuller16.fill16(d, i, mean, std);
        }
        if (n % 16 != 0) {
            // NOTE: torch redraws the last 16 (overlapping the last full block) and transforms them again
            int off = n - 16;
            for (int i = 0; i < 16; i++) {
                d[off + i] = g.nextUniformFloat(0f, 1f);
            }
            BoxMuller16.fill16(d, off, mean, std);
        }
    }

    private static void normalFillDouble(double[] d, double mean, double std, Generator g) {
        int n = d.length;
        for (int i = 0; i < n; i++) {
            d[i] = g.nextUniformDouble(0, 1);
        }
        for (int i = 0; i < n - 15; i += 16) {
            fill16Double(d, i, mean, std);
        }
        if (n % 16 != 0) {
            int off = n - 16;
            for (int i = 0; i < 16; i++) {
                d[off + i] = g.nextUniformDouble(0, 1);
            }
            fill16Double(d, off, mean, std);
        }
    }

    /** torch's scalar {@code normal_fill_16} in double (torch uses glibc's log/cos/sin: float64 is not guaranteed bit-exact). */
    private static void fill16Double(double[] d, int off, double mean, double std) {
        for (int j = 0; j < 8; j++) {
            double u1 = 1 - d[off + j];
            double u2 = d[off + j + 8];
            double radius = Math.sqrt(-2 * Math.log(u1));
            double theta = 2.0f * Math.PI * u2;
            d[off + j] = Math.fma(radius * Math.cos(theta), std, mean);
            d[off + j + 8] = Math.fma(radius * Math.sin(theta), std, mean);
        }
    }

    /** {@code torch.randn(*shape, generator=g)}: float32 N(0, 1). */
    public static Tensor randn(Generator g, int... shape) {
        return normal_(Tensor.empty(DType.FLOAT32, shape), 0, 1, g);
    }

    /** {@code torch.randn(*shape)} on the default generator. */
    public static Tensor randn(int... shape) {
        return randn(Generator.defaultGenerator(), shape);
    }

    /** {@code torch.randn(*shape, dtype=dtype, generator=g)}. */
    public static Tensor randn(Generator g, DType dtype, int... shape) {
        return normal_(Tensor.empty(dtype, shape), 0, 1, g);
    }

    // ------------------------------------------------------------------ integers

    /**
     * {@code torch.randint(low, high, shape, generator=g)} (int64): element by element,
     * {@code low + random() % (high - low)}, or {@code low + random64() % (high - low)} when the range
     * is 2^28 or more.
     */
    public static IndexTensor randint(Generator g, long low, long high, int... shape) {
        if (!(low < high)) {
            throw new IllegalArgumentException("randint: expects low < high, but got low=" + low + " >= high=" + high);
        }
        long range = high - low;
        long[] out = new long[Shape.numel(shape)];
        synchronized (g) {
            for (int i = 0; i < out.length; i++) {
                // NOTE: the switch to 64-bit draws is at 2^28 in torch's public builds (it bounds the
                // modulo skew to about 5%), not at 2^32 as in its FBCODE_CAFFE2 variant
                long v = Long.compareUnsigned(range, RANDINT_64BIT_RANGE) >= 0 ? g.random64() : g.random();
                out[i] = Long.remainderUnsigned(v, range) + low;
            }
        }
        return new IndexTensor(out, shape);
    }

    /** {@code torch.randint(low, high, shape)} on the default generator. */
    public static IndexTensor randint(long low, long high, int... shape) {
        return randint(Generator.defaultGenerator(), low, high, shape);
    }

    /**
     * {@code torch.empty((), dtype=torch.int64).random_(generator=g).item()}: one {@code random64()}
     * modulo 2^63, a value in [0, 2^63). NOTE: this is how {@code torch.utils.data.RandomSampler}
     * (a shuffling DataLoader without its own generator) seeds the fresh generator it then calls
     * {@code randperm(n)} on, once per epoch.
     */
    public static long randomInt64(Generator g) {
        return g.random64() & Long.MAX_VALUE;
    }

    /**
     * {@code torch.randperm(n, generator=g)} (int64), torch's CPU algorithm: for n below
     * (2^32 - 1) / 20, start from 0..n-1 and for i = 0..n-2 swap element i with element
     * {@code i + random() % (n - i)}; for larger n, the inside-out Fisher-Yates shuffle with
     * {@code random64() % (i + 1)}.
     */
    public static IndexTensor randperm(Generator g, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("randperm: expects n >= 0, but got n=" + n);
        }
        long[] r = new long[n];
        synchronized (g) {
            if (n < RANDPERM_SMALL_LIMIT) {
                for (int i = 0; i < n; i++) {
                    r[i] = i;
                }
                for (int i = 0; i < n - 1; i++) {
                    int z = (int) (g.random() % (n - i));
                    long sav = r[i];
                    r[i] = r[z + i];
                    r[z + i] = sav;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    int z = (int) Long.remainderUnsigned(g.random64(), i + 1L);
                    r[i] = r[z];
                    r[z] = i;
                }
            }
        }
        return new IndexTensor(r, n);
    }

    /** {@code torch.randperm(n)} on the default generator. */
    public static IndexTensor randperm(int n) {
        return randperm(Generator.defaultGenerator(), n);
    }

    // ------------------------------------------------------------------ bernoulli

    /**
     * {@code tensor.bernoulli_(p, generator=g)} with a scalar probability (the mask of
     * {@code F.dropout}, which is {@code bernoulli_(1 - p)}): element by element, 1 if a 53-bit double
     * uniform (one {@code random64()}) is below {@code p}, else 0.
     *
     * <p>NOTE: this is torch's portable CPU path. libtorch builds with MKL take it on AMD processors
     * (and where MKL is off); on Intel processors they draw the mask from MKL's own stream instead,
     * which this does not reproduce (see docs/random.md).
     */
    public static Tensor bernoulli_(Tensor t, double p, Generator g) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("bernoulli_: expects 0 <= p <= 1, but got p=" + p);
        }
        try (var ignored = GradMode.noGrad()) {
            synchronized (g) {
                for (int i = 0; i < t.numel(); i++) {
                    t.setFlat(i, g.nextUniformDouble(0, 1) < p ? 1 : 0);
                }
            }
        }
        return t;
    }

    /** {@link #bernoulli_(Tensor, double, Generator)} on the default generator. */
    public static Tensor bernoulli_(Tensor t, double p) {
        return bernoulli_(t, p, Generator.defaultGenerator());
    }

    /**
     * {@code torch.bernoulli(probs, generator=g)}: a new tensor of the dtype of {@code probs}, each
     * element 1 with its own probability. float32 probabilities draw a 24-bit float uniform per element
     * ({@code random()}), float64 a 53-bit one ({@code random64()}); 1 if the uniform is below the probability.
     */
    public static Tensor bernoulli(Tensor probs, Generator g) {
        for (int i = 0; i < probs.numel(); i++) {
            double p = probs.getFlat(i);
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("bernoulli: expects 0 <= p <= 1 for every element, but got p=" + p
                        + " at flat index " + i);
            }
        }
        Tensor out = Tensor.empty(probs.dtype(), probs.shape());
        synchronized (g) {
            for (int i = 0; i < probs.numel(); i++) {
                double p = probs.getFlat(i);
                boolean one = probs.dtype() == DType.FLOAT32
                        ? g.nextUniformFloat(0f, 1f) < (float) p
                        : g.nextUniformDouble(0, 1) < p;
                out.setFlat(i, one ? 1 : 0);
            }
        }
        return out;
    }

    /** {@link #bernoulli(Tensor, Generator)} on the default generator. */
    public static Tensor bernoulli(Tensor probs) {
        return bernoulli(probs, Generator.defaultGenerator());
    }
}
