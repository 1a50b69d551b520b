package org.poolact.nn.norm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.poolact.nn.functional.Normalization;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;
import org.poolact.testing.RandomTensors;

class BatchNorm2dTest {

    @Test
    void reprAsPyTorch() {
        assertEquals("BatchNorm2d(32, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
                new BatchNorm2d(32).toString());
        assertEquals("BatchNorm2d(3, eps=0.001, momentum=None, affine=False, track_running_stats=False)",
                new BatchNorm2d(3, 1e-3, null, false, false).toString());
    }

    @Test
    void registrationOrderAndInitialValues() {
        BatchNorm2d bn = new BatchNorm2d(4);
        assertEquals(List.of("weight", "bias", "running_mean", "running_var", "num_batches_tracked"),
                List.copyOf(bn.stateDict().keySet()));
        assertEquals(List.of("weight", "bias"), List.copyOf(bn.namedParameters().keySet()));
        assertTrue(bn.parameter("weight").equalTo(Tensor.ones(4)));
        assertTrue(bn.parameter("bias").equalTo(Tensor.zeros(4)));
        assertTrue(bn.buffer("running_mean").equalTo(Tensor.zeros(4)));
        assertTrue(bn.buffer("running_var").equalTo(Tensor.ones(4)));
        assertEquals(0.0, bn.buffer("num_batches_tracked").item());
        assertTrue(new BatchNorm2d(4, 1e-5, 0.1, false, false).stateDict().isEmpty());
    }

    @Test
    void trainingUpdatesRunningStatsLikeFunctionalAndEvalUsesThem() {
        BatchNorm2d bn = new BatchNorm2d(3);
        Tensor x = RandomTensors.normal(1, DType.FLOAT32, 2, 1, 4, 3, 2, 2);
        Tensor rm = Tensor.zeros(3);
        Tensor rv = Tensor.ones(3);
        Tensor y = bn.forward(x);
        Tensor ref = Normalization.batchNorm2d(x, rm, rv, Tensor.ones(3), Tensor.zeros(3), true);
        assertTrue(y.equalTo(ref));
        assertTrue(bn.buffer("running_mean").equalTo(rm));
        assertTrue(bn.buffer("running_var").equalTo(rv));
        assertEquals(1.0, bn.buffer("num_batches_tracked").item());
        bn.eval();
        Tensor ye = bn.forward(x);
        assertTrue(ye.equalTo(Normalization.batchNorm2d(x, rm, rv, Tensor.ones(3), Tensor.zeros(3), false)));
        assertEquals(1.0, bn.buffer("num_batches_tracked").item(), "eval does not count batches");
        assertEquals("NativeBatchNormBackward0", ye.gradFn().name());
    }

    @Test
    void momentumNoneIsCumulativeAverage() {
        BatchNorm2d bn = new BatchNorm2d(1, 1e-5, null, true, true);
        bn.forward(Tensor.fromArray(new float[][][][] {{{{1f, 3f}}}}));   // mean 2, unbiased var 2
        bn.forward(Tensor.fromArray(new float[][][][] {{{{5f, 9f}}}}));   // mean 7, unbiased var 8
        assertEquals(4.5, bn.buffer("running_mean").item(), 1e-6);
        assertEquals(5.0, bn.buffer("running_var").item(), 1e-6);
        assertEquals(2.0, bn.buffer("num_batches_tracked").item());
    }

    @Test
    void badInput() {
        BatchNorm2d bn = new BatchNorm2d(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.zeros(2, 3, 4)));
        assertEquals("BatchNorm2d: expected 4D input (got 3D input)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.zeros(2, 4, 2, 2)));
        assertEquals("BatchNorm2d: expected input with 3 channels (num_features), but got 4 channels", e.getMessage());
    }
}
