package org.poolact.lab.order;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.poolact.autograd.GradMode;
import org.poolact.nn.conv.Conv2d;
import org.poolact.random.Generator;
import org.poolact.random.Random;
import org.poolact.tensor.Tensor;

/**
 * What each order does to random conv outputs, measured in this run: two seeded maps, an N(0, 1)
 * map and the output of a Conv2d on a random image (real scale: kaiming-uniform weights, bias);
 * for each, both orders' outputs, their difference, sparsity and the gradient each order sends back
 * (backward of the sum of the output, as the post's "gradient vanishing" claim is about), and the
 * cost of the whole block conv -> act -> pool in each order.
 */
public final class Measurements {
    /** Channels of the measurement maps. */
    public static final int CHANNELS = 16;
    /** Height and width of the measurement maps. */
    public static final int SIZE = 32;
    private static final int TIMING_REPS = 3;

    /**
     * The seeded inputs, shared by all cells of a run.
     *
     * @param seed     the seed of the run
     * @param randn    an N(0, 1) map, [1, 16, 32, 32]
     * @param image    the random image fed to the conv, [1, 3, 32, 32]
     * @param conv     Conv2d(3, 16, kernel_size=3, padding=1), initialised from the seed
     * @param convOut  conv(image), [1, 16, 32, 32]
     * @param convMs   the conv's forward time (median of 5 runs, ms)
     * @param convFlops the conv's FLOPs (2 per multiply-add, plus the bias)
     */
    public record Maps(long seed, Tensor randn, Tensor image, Conv2d conv, Tensor convOut, double convMs,
                       double convFlops) {
    }

    /**
     * One order on one map.
     *
     * @param zeroFraction        fraction of outputs exactly 0
     * @param gradNonzeroFraction fraction of input positions whose gradient (of the output's sum) is non-zero
     * @param gradNorm            L2 norm of that gradient
     * @param actEvals            activation evaluations
     * @param flops               conv + act + pool FLOPs (activations at their nominal cost)
     * @param blockMs             measured time of conv + act + pool (conv measured once per run)
     */
    public record OrderStats(double zeroFraction, double gradNonzeroFraction, double gradNorm, long actEvals,
                             double flops, double blockMs) {
        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("zero_fraction", zeroFraction);
            m.put("grad_nonzero_fraction", gradNonzeroFraction);
            m.put("grad_norm", gradNorm);
            m.put("act_evals", actEvals);
            m.put("flops", flops);
            m.put("block_ms", blockMs);
            return m;
        }
    }

    /**
     * Both orders on one map.
     *
     * @param map        {@code randn} or {@code conv}
     * @param act        the function measured (a learned family's measured member)
     * @param maxAbsDiff max |A - B|
     * @param meanAbsDiff mean |A - B|
     * @param actFirst   act -> pool
     * @param poolFirst  pool -> act
     */
    public record Result(String map, String act, double maxAbsDiff, double meanAbsDiff, OrderStats actFirst,
                         OrderStats poolFirst) {
        /** The JSON object. */
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("map", map);
            m.put("act", act);
            m.put("max_abs_diff", maxAbsDiff);
            m.put("mean_abs_diff", meanAbsDiff);
            m.put("act_then_pool", actFirst.toJson());
            m.put("pool_then_act", poolFirst.toJson());
            return m;
        }
    }

    private Measurements() {
    }

    /** The maps of a run with this seed. */
    public static Maps maps(long seed) {
        Generator g = new Generator(seed);
        Tensor randn = Random.randn(g, 1, CHANNELS, SIZE, SIZE);
        Tensor image = Random.randn(g, 1, 3, SIZE, SIZE);
        Conv2d conv = new Conv2d(3, CHANNELS, 3, 1, 1, g);
        Tensor out;
        double[] times = new double[5];
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            out = conv.forward(image);
            for (int i = 0; i < times.length; i++) {
                long t0 = System.nanoTime();
                conv.forward(image);
                times[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(times);
        double flops = 2.0 * CHANNELS * SIZE * SIZE * 3 * 9 + (double) CHANNELS * SIZE * SIZE;
        return new Maps(seed, randn, image, conv, out.detach(), times[times.length / 2], flops);
    }

    /** Measures both orders of {@code f} and {@code pool} on the map named {@code name} ({@code randn} or {@code conv}). */
    public static Result measure(OrderActivation f, PoolConfig pool, Maps maps, String name, boolean time) {
        Tensor map = name.equals("conv") ? maps.convOut() : maps.randn();
        Tensor[] a = run(f, pool, map, true);
        Tensor[] b = run(f, pool, map, false);
        float[] av = a[0].floatData();
        float[] bv = b[0].floatData();
        double max = 0;
        double sum = 0;
        for (int i = 0; i < av.length; i++) {
            double d = Math.abs((double) av[i] - bv[i]);
            max = Math.max(max, Double.isNaN(d) ? Double.POSITIVE_INFINITY : d);
            sum += d;
        }
        long inN = map.numel();
        long outN = av.length;
        double poolFlops = poolFlops(pool, inN, outN);
        double convFlops = name.equals("conv") ? maps.convFlops() : 0;
        double convMs = name.equals("conv") ? maps.convMs() : 0;
        double tailA = time ? time(f, pool, map, true) : Double.NaN;
        double tailB = time ? time(f, pool, map, false) : Double.NaN;
        OrderStats sa = stats(a, inN, convFlops + poolFlops + inN * f.nominalFlops(), convMs + tailA);
        OrderStats sb = stats(b, outN, convFlops + poolFlops + outN * f.nominalFlops(), convMs + tailB);
        return new Result(name, f.spec(), max, sum / av.length, sa, sb);
    }

    private static OrderStats stats(Tensor[] outAndGrad, long evals, double flops, double ms) {
        float[] y = outAndGrad[0].floatData();
        float[] g = outAndGrad[1].floatData();
        int zeros = 0;
        for (float v : y) {
            if (v == 0) {
                zeros++;
            }
        }
        int nz = 0;
        double sq = 0;
        for (float v : g) {
            if (v != 0) {
                nz++;
            }
            sq += (double) v * v;
        }
        return new OrderStats((double) zeros / y.length, (double) nz / g.length, Math.sqrt(sq), evals, flops, ms);
    }

    /** {output, d sum(output) / d input} of one order. */
    private static Tensor[] run(OrderActivation f, PoolConfig pool, Tensor map, boolean actFirst) {
        Tensor x = map.detach().requiresGrad(true);
        Tensor y = actFirst ? pool.apply(f.apply(x)) : f.apply(pool.apply(x));
        y.sum().backward();
        return new Tensor[] {y.detach(), x.grad()};
    }

    /** The act/pool tail of the block (forward, no autograd), best of a few runs, in ms. */
    private static double time(OrderActivation f, PoolConfig pool, Tensor map, boolean actFirst) {
        double best = Double.POSITIVE_INFINITY;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            for (int i = 0; i < TIMING_REPS; i++) {
                long t0 = System.nanoTime();
                Tensor y = actFirst ? pool.apply(f.apply(map)) : f.apply(pool.apply(map));
                best = Math.min(best, (System.nanoTime() - t0) / 1e6);
                if (y.numel() < 0) {
                    throw new AssertionError();
                }
            }
        }
        return best;
    }

    /** FLOPs of the pooling: kH*kW per output (one compare or add each), +1 per output for a division, lp's powers. */
    static double poolFlops(PoolConfig pool, long in, long out) {
        switch (pool.type()) {
            case MAX:
                return (double) out * pool.kernel().h() * pool.kernel().w();
            case AVG:
                return (double) out * (pool.kernel().h() * pool.kernel().w() + 1);
            case LP:
                return (double) out * (pool.kernel().h() * pool.kernel().w() + 3) + in;
            default:
                return in + out;
        }
    }
}
