package org.poolact.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.Test;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;
import org.poolact.testing.RandomTensors;
import org.poolact.testing.TorchRef;

/**
 * Optimisers on a small quadratic L = sum(a/2 * p^2 + c * p) against the same update written with
 * torch ops through DJL (float32, PyTorch's single-tensor algorithm op by op from torch/optim/sgd.py
 * and adam.py). DJL's own optimisers are not used: their Adam folds bias correction differently.
 * Each case runs 8 steps and compares the parameter after every step.
 */
class OptimizersTest {
    private static final int STEPS = 8;
    private static final int[] SHAPE = {3, 4};

    /** The torch side of one optimiser: updates its own state given param and grad, returns the new param. */
    private interface TorchStep {
        NDArray apply(NDArray p, NDArray g, int step);
    }

    private static void run(String what, Function<List<Tensor>, Optimizer> make, Function<NDManager, TorchStep> torch) {
        Tensor a = RandomTensors.uniform(11, DType.FLOAT32, 0.5, 2.0, SHAPE);
        Tensor c = RandomTensors.normal(12, SHAPE);
        Tensor p = RandomTensors.normal(13, DType.FLOAT32, 2.0, 0.0, SHAPE).requiresGrad(true);
        Optimizer opt = make.apply(List.of(p));
        try (NDManager m = TorchRef.sub()) {
            NDArray ta = TorchRef.toNd(m, a);
            NDArray tc = TorchRef.toNd(m, c);
            NDArray tp = TorchRef.toNd(m, p);
            TorchStep ts = torch.apply(m);
            for (int step = 1; step <= STEPS; step++) {
                opt.zeroGrad();
                p.mul(p).mul(a).mul(0.5).add(p.mul(c)).sum().backward();
                opt.step();
                NDArray tg = ta.mul(tp).add(tc);
                tp = ts.apply(tp, tg, step);
                TorchRef.assertClose(what + " step " + step, p, tp, 1e-6);
            }
        }
    }

    @Test
    void sgdMatchesTorch() {
        double[][] configs = { // lr, momentum, dampening, weight decay, nesterov, maximize
            {0.1, 0, 0, 0, 0, 0}, {0.1, 0.9, 0, 0, 0, 0}, {0.05, 0.9, 0.1, 0, 0, 0}, {0.1, 0.9, 0, 0, 1, 0},
            {0.1, 0.5, 0, 0.01, 0, 0}, {0.2, 0.8, 0, 0.05, 1, 0}, {0.1, 0, 0, 0.1, 0, 0}, {0.1, 0.9, 0, 0.1, 0, 1},
            {0.05, 0.8, 0, 0.05, 1, 1}};
        for (double[] k : configs) {
            SGD.Options o = SGD.Options.lr(k[0]).withMomentum(k[1]).withDampening(k[2]).withWeightDecay(k[3])
                    .withNesterov(k[4] == 1).withMaximize(k[5] == 1);
            run("SGD " + o, ps -> new SGD(ps, o), m -> new TorchStep() {
                NDArray buf;

                @Override
                public NDArray apply(NDArray p, NDArray g, int step) {
                    if (o.maximize()) {
                        g = g.neg();
                    }
                    if (o.weightDecay() != 0) {
                        g = g.add(p.mul(o.weightDecay()));
                    }
                    if (o.momentum() != 0) {
                        buf = buf == null ? g.duplicate() : buf.mul(o.momentum()).add(g.mul(1 - o.dampening()));
                        g = o.nesterov() ? g.add(buf.mul(o.momentum())) : buf;
                    }
                    return p.sub(g.mul(o.lr()));
                }
            });
        }
    }

    private static TorchStep torchAdam(NDManager m, Adam.Options o, boolean decoupled) {
        return new TorchStep() {
            NDArray expAvg;
            NDArray expAvgSq;
            NDArray maxSq;

            @Override
            public NDArray apply(NDArray p, NDArray g, int step) {
                if (o.maximize()) {
                    g = g.neg();
                }
                if (expAvg == null) {
                    expAvg = m.zeros(p.getShape());
                    expAvgSq = m.zeros(p.getShape());
                    maxSq = m.zeros(p.getShape());
                }
                if (o.weightDecay() != 0) {
                    if (decoupled) {
                        p = p.mul(1 - o.lr() * o.weightDecay());
                    } else {
                        g = g.add(p.mul(o.weightDecay()));
                    }
                }
                expAvg = expAvg.add(g.sub(expAvg).mul(1 - o.beta1()));
                expAvgSq = expAvgSq.mul(o.beta2()).add(g.mul(1 - o.beta2()).mul(g));
                double bc1 = 1 - Math.pow(o.beta1(), step);
                double bc2 = 1 - Math.pow(o.beta2(), step);
                double stepSize = o.lr() / bc1;
                NDArray second = expAvgSq;
                if (o.amsgrad()) {
                    maxSq = maxSq.maximum(expAvgSq);
                    second = maxSq;
                }
                NDArray denom = second.sqrt().div(Math.sqrt(bc2)).add(o.eps());
                return p.add(expAvg.mul(-stepSize).div(denom));
            }
        };
    }

    @Test
    void adamMatchesTorch() {
        Adam.Options d = Adam.Options.defaults().withLr(0.05);
        for (Adam.Options o : List.of(d, d.withWeightDecay(0.1), d.withAmsgrad(true), d.withBetas(0.8, 0.99),
                d.withEps(1e-3).withWeightDecay(0.01).withAmsgrad(true), d.withBetas(0.3, 0.9),
                d.withMaximize(true).withWeightDecay(0.05))) {
            run("Adam " + o, ps -> new Adam(ps, o), m -> torchAdam(m, o, false));
        }
    }

    @Test
    void adamWMatchesTorch() {
        Adam.Options d = AdamW.defaults().withLr(0.05);
        for (Adam.Options o : List.of(d, d.withWeightDecay(0.2), d.withAmsgrad(true), d.withMaximize(true).withAmsgrad(true))) {
            run("AdamW " + o, ps -> new AdamW(ps, o), m -> torchAdam(m, o, true));
        }
    }

    @Test
    void defaultsAsPyTorch() {
        assertEquals(new Adam.Options(1e-3, 0.9, 0.999, 1e-8, 0, false), Adam.Options.defaults());
        assertEquals(new Adam.Options(1e-3, 0.9, 0.999, 1e-8, 1e-2, false), AdamW.defaults());
        assertEquals(new SGD.Options(0.1, 0, 0, 0, false), SGD.Options.lr(0.1));
        assertEquals(new SGD.Options(0.1, 0, 0, 0, false, false), SGD.Options.lr(0.1));
        assertEquals(new Adam.Options(1e-3, 0.9, 0.999, 1e-8, 0, false, false), Adam.Options.defaults());
    }

    @Test
    void stateLivesInOptimiserAndParamsWithoutGradAreSkipped() {
        Tensor p = Tensor.ones(2).requiresGrad(true);
        Tensor q = Tensor.ones(2).requiresGrad(true);
        SGD sgd = new SGD(List.of(p, q), SGD.Options.lr(0.5).withMomentum(0.9));
        p.mul(3.0).sum().backward();
        sgd.step();
        assertTrue(p.equalTo(Tensor.full(-0.5, 2)));
        assertTrue(q.equalTo(Tensor.ones(2)), "no grad, no update");
        assertTrue(sgd.state(p).get("momentum_buffer").equalTo(Tensor.full(3.0, 2)));
        assertTrue(sgd.state(q).isEmpty());
        sgd.zeroGrad();
        assertNull(p.grad());
        Adam adam = new Adam(List.of(p));
        p.sum().backward();
        adam.step();
        assertEquals(List.of("step", "exp_avg", "exp_avg_sq"), List.copyOf(adam.state(p).keySet()));
        assertEquals(1.0, adam.state(p).get("step").item());
    }

    @Test
    void firstAdamStepMovesByLr() {
        // with bias correction the first step is lr * g / (|g| + eps') = lr * sign(g) (up to eps)
        Tensor p = Tensor.fromArray(new float[] {1f, -2f}).requiresGrad(true);
        Adam adam = new Adam(List.of(p), Adam.Options.defaults().withLr(0.1));
        p.mul(Tensor.fromArray(new float[] {4f, -0.5f})).sum().backward();
        adam.step();
        assertEquals(0.9, p.getFlat(0), 1e-6);
        assertEquals(-1.9, p.getFlat(1), 1e-6);
    }

    @Test
    void badHyperParameters() {
        List<Tensor> ps = List.of(Tensor.ones(1).requiresGrad(true));
        assertEquals("SGD: Invalid learning rate: -0.1",
                assertThrows(IllegalArgumentException.class, () -> new SGD(ps, -0.1)).getMessage());
        assertEquals("SGD: Invalid momentum value: -1.0", assertThrows(IllegalArgumentException.class,
                () -> new SGD(ps, SGD.Options.lr(0.1).withMomentum(-1))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new SGD(ps, SGD.Options.lr(0.1).withNesterov(true))).getMessage()
                .startsWith("SGD: Nesterov momentum requires a momentum and zero dampening"));
        assertEquals("Adam: Invalid beta parameter at index 1: expected a value in [0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class,
                        () -> new Adam(ps, Adam.Options.defaults().withBetas(0.9, 1.0))).getMessage());
        assertEquals("AdamW: Invalid epsilon value: -1.0E-8", assertThrows(IllegalArgumentException.class,
                () -> new AdamW(ps, AdamW.defaults().withEps(-1e-8))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(), 0.1)).getMessage()
                .contains("empty parameter list"));
    }
}
