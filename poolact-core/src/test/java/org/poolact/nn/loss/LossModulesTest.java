package org.poolact.nn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
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
}
