package org.poolact.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.Function;

import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;

/**
 * Double-precision central-difference gradient check (like {@code torch.autograd.gradcheck}):
 * for f: inputs -> tensor, compares the autograd gradient of sum(f * w) (w a fixed random
 * weighting so every output element matters) with (L(x + eps) - L(x - eps)) / 2 eps per element.
 */
public final class GradCheck {
    private GradCheck() {
    }

    /**
     * Checks all {@code inputs} (float64 leaves, requires_grad set here) of {@code f}.
     * Points where f is not differentiable (ties, kinks) must be avoided by the caller.
     */
    public static void check(String what, Function<Tensor[], Tensor> f, Tensor... inputs) {
        check(what, f, 1e-6, 1e-5, 1e-4, inputs);
    }

    /** As {@link #check(String, Function, Tensor...)} with explicit eps and tolerances. */
    public static void check(String what, Function<Tensor[], Tensor> f, double eps, double atol, double rtol,
                             Tensor... inputs) {
        for (Tensor t : inputs) {
            if (t.dtype() != DType.FLOAT64) {
                throw new IllegalArgumentException("GradCheck needs float64 inputs");
            }
            t.requiresGrad(true);
            t.setGrad(null);
        }
        Tensor out = f.apply(inputs);
        ReferenceStats.gradFnsChecked(GraphNodes.of(out));
        java.util.Random r = new java.util.Random(1234);
        double[] w = new double[out.numel()];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextDouble() * 2 - 1;
        }
        Tensor wt = Tensor.wrap(w, out.shape());
        out.mul(wt).sum().backward();
        for (int k = 0; k < inputs.length; k++) {
            Tensor x = inputs[k];
            Tensor analytic = x.grad();
            assertNotNull(analytic, what + ": input " + k + " got no gradient");
            double[] data = x.doubleData();
            for (int i = 0; i < data.length; i++) {
                double orig = data[i];
                data[i] = orig + eps;
                double plus = weighted(f.apply(detached(inputs)), w);
                data[i] = orig - eps;
                double minus = weighted(f.apply(detached(inputs)), w);
                data[i] = orig;
                double numeric = (plus - minus) / (2 * eps);
                double a = analytic.getFlat(i);
                if (Math.abs(a - numeric) > atol + rtol * Math.abs(numeric)) {
                    fail(what + ": d/dinput" + k + "[" + i + "] analytic " + a + " vs numeric " + numeric);
                }
            }
        }
        ReferenceStats.gradCheck();
    }

    private static Tensor[] detached(Tensor[] inputs) {
        Tensor[] d = new Tensor[inputs.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = inputs[i].detach();
        }
        return d;
    }

    private static double weighted(Tensor out, double[] w) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += out.getFlat(i) * w[i];
        }
        return s;
    }
}
