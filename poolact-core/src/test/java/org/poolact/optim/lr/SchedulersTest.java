package org.poolact.optim.lr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.poolact.optim.Optimizer;
import org.poolact.optim.SGD;
import org.poolact.tensor.Tensor;

/** Schedulers against their closed forms (PyTorch's documented formulas). */
class SchedulersTest {

    private static Optimizer sgd(double lr) {
        return new SGD(List.of(Tensor.ones(1).requiresGrad(true)), lr);
    }

    @Test
    void stepLrDecaysEveryStepSizeEpochs() {
        Optimizer opt = sgd(0.1);
        StepLR s = new StepLR(opt, 3, 0.5);
        assertEquals(0, s.lastEpoch());
        for (int epoch = 0; epoch <= 10; epoch++) {
            assertEquals(0.1 * Math.pow(0.5, epoch / 3), opt.lr(), 1e-17, "epoch " + epoch);
            assertEquals(epoch, s.lastEpoch());
            s.step();
        }
        assertEquals(0.1, s.baseLr());
    }

    @Test
    void stepLrDefaultGamma() {
        Optimizer opt = sgd(1.0);
        StepLR s = new StepLR(opt, 1);
        s.step();
        s.step();
        assertEquals(0.01, opt.lr(), 1e-17);
    }

    @Test
    void cosineFollowsClosedFormAndIsPeriodic() {
        double base = 0.1;
        double etaMin = 0.001;
        int tMax = 10;
        Optimizer opt = sgd(base);
        CosineAnnealingLR s = new CosineAnnealingLR(opt, tMax, etaMin);
        for (int epoch = 0; epoch <= 3 * tMax; epoch++) {
            double closed = etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * epoch / tMax)) / 2;
            assertEquals(closed, opt.lr(), 1e-15, "epoch " + epoch);
            s.step();
        }
    }

    @Test
    void cosineReachesEtaMinAtTMax() {
        Optimizer opt = sgd(0.5);
        CosineAnnealingLR s = new CosineAnnealingLR(opt, 4);
        for (int i = 0; i < 4; i++) {
            s.step();
        }
        assertEquals(0.0, opt.lr(), 1e-16);
        assertEquals(0.5, opt.initialLr());
    }

    @Test
    void badArguments() {
        assertEquals("StepLR: step_size must be greater than zero, but got 0",
                assertThrows(IllegalArgumentException.class, () -> new StepLR(sgd(0.1), 0)).getMessage());
        assertEquals("CosineAnnealingLR: T_max must be greater than zero, but got -1",
                assertThrows(IllegalArgumentException.class, () -> new CosineAnnealingLR(sgd(0.1), -1)).getMessage());
    }
}
