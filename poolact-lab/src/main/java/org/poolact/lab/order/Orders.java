package org.poolact.lab.order;

import org.poolact.autograd.GradMode;
import org.poolact.tensor.Tensor;

/**
 * Both orders through the engine's real ops, and the comparison the analysis uses: bit equality
 * for max-type pooling, {@link #TOLERANCE_DOC} for the others.
 */
public final class Orders {
    /** The documented float tolerance of the linear poolings and lp_pool2d. */
    public static final String TOLERANCE_DOC = "|A - B| <= 2^-16 * (c*pool(|x|) + pool(|f(x)|) + |A| + |B| + |f(0)|) "
            + "per output, c = max(1, |f(1) - f(0)|, |f(-1) - f(0)|) (about 128 float32 ulps of the window's magnitude)";
    private static final double REL = 0x1p-16;

    private Orders() {
    }

    /**
     * {A, B} = {pool(f(x)), f(pool(x))} (act first, pool first), computed without recording autograd,
     * plus (for non-max poolings) the per-output tolerance as a third tensor.
     */
    public static Tensor[] evaluate(OrderActivation f, PoolConfig pool, Tensor x) {
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            Tensor fx = f.apply(x);
            Tensor a = pool.apply(fx);
            Tensor b = f.apply(pool.apply(x));
            if (pool.type().maxLike()) {
                return new Tensor[] {a, b};
            }
            float[] pa = pool.apply(x.abs()).floatData();
            float[] qa = pool.apply(fx.abs()).floatData();
            float f0 = f.applyAsFloat(0f);
            double c = Math.max(1, Math.max(Math.abs(f.applyAsFloat(1f) - f0), Math.abs(f.applyAsFloat(-1f) - f0)));
            float[] av = a.floatData();
            float[] bv = b.floatData();
            float[] tol = new float[av.length];
            for (int i = 0; i < tol.length; i++) {
                tol[i] = (float) (REL * (c * pa[i] + qa[i] + Math.abs(av[i]) + Math.abs(bv[i]) + Math.abs(f0)));
            }
            return new Tensor[] {a, b, Tensor.wrap(tol, a.shape())};
        }
    }

    /**
     * Whether output i differs: max-type, any float difference (NaN equals NaN; -0 equals +0); others,
     * more than {@code tolFactor} times the tolerance.
     */
    public static boolean differs(Tensor[] ab, int i, double tolFactor) {
        float a = ab[0].floatData()[i];
        float b = ab[1].floatData()[i];
        if (Float.isNaN(a) || Float.isNaN(b)) {
            return Float.isNaN(a) != Float.isNaN(b);
        }
        if (ab.length == 2) {
            return a != b;
        }
        return Math.abs((double) a - b) > tolFactor * ab[2].floatData()[i];
    }
}
