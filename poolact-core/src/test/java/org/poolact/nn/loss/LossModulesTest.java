package org.poolact.nn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.poolact.nn.functional.LossOptions;
import org.poolact.nn.functional.Losses;
import org.poolact.nn.functional.Reduction;
import org.poolact.tensor.IndexTensor;
import org.poolact.tensor.Tensor;
import org.poolact.testing.RandomTensors;

class LossModulesTest {

    @Test
    void reprsAsPyTorch() {
        assertEquals("CrossEntropyLoss()", new CrossEntropyLoss().toString());
        assertEquals("CrossEntropyLoss()", new CrossEntropyLoss(Reduction.SUM, 0.1).toString());
        assertEquals("NLLLoss()", new NLLLoss().toString());
        assertEquals("MSELoss()", new MSELoss().toString());
    }

    @Test
    void modulesDelegateToFunctional() {
        Tensor x = RandomTensors.normal(1, 4, 3);
        int[] t = {0, 2, 1, 1};
        IndexTensor ti = new IndexTensor(new long[] {0, 2, 1, 1}, 4);
        assertTrue(new CrossEntropyLoss().forward(x, t).equalTo(Losses.crossEntropy(x, t)));
        assertTrue(new CrossEntropyLoss(Reduction.NONE, 0.2).forward(x, ti)
                .equalTo(Losses.crossEntropy(x, t, Reduction.NONE, 0.2)));
        assertTrue(new NLLLoss(Reduction.SUM).forward(x, ti).equalTo(Losses.nllLoss(x, t, Reduction.SUM)));
        Tensor y = RandomTensors.normal(2, 4, 3);
        assertTrue(new MSELoss().forward(x, y).equalTo(Losses.mseLoss(x, y)));
        assertEquals(Reduction.MEAN, new MSELoss().reduction());
        assertThrows(UnsupportedOperationException.class, () -> new MSELoss().forward(x));
    }

    @Test
    void optionsReachTheFunctional() {
        Tensor x = RandomTensors.normal(3, 2, 4, 3, 3);
        Tensor w = Tensor.fromArray(new float[] {0.5f, 2f, 1f, 3f});
        IndexTensor t = new IndexTensor(new long[] {0, 3, 2, 255, 1, 1, 0, 2, 3, 3, 255, 0, 1, 2, 2, 0, 1, 3}, 2, 3, 3);
        LossOptions o = LossOptions.defaults().weight(w).ignoreIndex(255).reduction(Reduction.SUM).labelSmoothing(0.1);
        CrossEntropyLoss ce = new CrossEntropyLoss(o);
        assertTrue(ce.forward(x, t).equalTo(Losses.crossEntropy(x, t, o)));
        assertTrue(ce.buffer("weight") == w);
        assertEquals("CrossEntropyLoss()", ce.toString());
        Tensor p = RandomTensors.uniform(4, org.poolact.tensor.DType.FLOAT32, 0, 1, 2, 4, 3, 3);
        LossOptions soft = o.ignoreIndex(-100);
        assertTrue(new CrossEntropyLoss(soft).forward(x, p).equalTo(Losses.crossEntropy(x, p, soft)));
        LossOptions n = o.labelSmoothing(0);
        NLLLoss nll = new NLLLoss(n);
        assertTrue(nll.forward(x, t).equalTo(Losses.nllLoss(x, t, n)));
        assertEquals(255, nll.options().ignoreIndex());
        assertTrue(new NLLLoss().buffer("weight") == null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NLLLoss(o));
        assertTrue(e.getMessage().startsWith("NLLLoss: label_smoothing"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CrossEntropyLoss(o.labelSmoothing(2)));
        assertEquals("CrossEntropyLoss: label_smoothing must be between 0.0 and 1.0. Got: 2.0", e.getMessage());
    }
}
