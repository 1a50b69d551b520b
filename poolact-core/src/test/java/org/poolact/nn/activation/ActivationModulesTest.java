package org.poolact.nn.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.poolact.nn.Module;
import org.poolact.nn.functional.Activations;
import org.poolact.nn.functional.GeluApproximate;
import org.poolact.nn.linear.Identity;
import org.poolact.tensor.Tensor;

class ActivationModulesTest {

    @Test
    void reprsAreTorchs() {
        // strings as printed by torch 2.7 for the default-constructed modules (and a few non-defaults)
        Object[][] cases = {
            {new ReLU(), "ReLU()"}, {new ReLU6(), "ReLU6()"},
            {new LeakyReLU(), "LeakyReLU(negative_slope=0.01)"}, {new LeakyReLU(0.2), "LeakyReLU(negative_slope=0.2)"},
            {new PReLU(), "PReLU(num_parameters=1)"}, {new PReLU(3, 0.25), "PReLU(num_parameters=3)"},
            {new ELU(), "ELU(alpha=1.0)"}, {new ELU(0.5), "ELU(alpha=0.5)"}, {new SELU(), "SELU()"},
            {new CELU(), "CELU(alpha=1.0)"}, {new GELU(), "GELU(approximate='none')"},
            {new GELU(GeluApproximate.TANH), "GELU(approximate='tanh')"}, {new SiLU(), "SiLU()"}, {new Mish(), "Mish()"},
            {new Sigmoid(), "Sigmoid()"}, {new Tanh(), "Tanh()"},
            {new Softplus(), "Softplus(beta=1.0, threshold=20.0)"}, {new Softplus(2, 10), "Softplus(beta=2.0, threshold=10.0)"},
            {new Softsign(), "Softsign()"}, {new Hardtanh(), "Hardtanh(min_val=-1.0, max_val=1.0)"},
            {new Hardtanh(-2, 2), "Hardtanh(min_val=-2.0, max_val=2.0)"}, {new Hardswish(), "Hardswish()"},
            {new Hardsigmoid(), "Hardsigmoid()"}, {new Identity(), "Identity()"},
            {new LogSoftmax(1), "LogSoftmax(dim=1)"}, {new Softmax(-1), "Softmax(dim=-1)"},
        };
        for (Object[] c : cases) {
            assertEquals(c[1], c[0].toString());
        }
    }

    @Test
    void modulesDelegateToTheFunctionalOps() {
        Tensor x = Tensor.fromArray(new float[][] {{-4f, -3f, -1f, 0f}, {0.5f, 3f, 6f, 30f}});
        List<Module> modules = List.of(new ReLU(), new ReLU6(), new LeakyReLU(0.2), new ELU(0.5), new SELU(),
                new CELU(2), new GELU(), new SiLU(), new Mish(), new Sigmoid(), new Tanh(), new Softplus(2, 20),
                new Softsign(), new Hardtanh(-2, 2), new Hardswish(), new Hardsigmoid(), new Identity());
        List<Tensor> expected = List.of(Activations.relu(x), Activations.relu6(x), Activations.leakyRelu(x, 0.2),
                Activations.elu(x, 0.5), Activations.selu(x), Activations.celu(x, 2), Activations.gelu(x),
                Activations.silu(x), Activations.mish(x), Activations.sigmoid(x), Activations.tanh(x),
                Activations.softplus(x, 2, 20), Activations.softsign(x), Activations.hardtanh(x, -2, 2),
                Activations.hardswish(x), Activations.hardsigmoid(x), x);
        for (int i = 0; i < modules.size(); i++) {
            assertTrue(modules.get(i).forward(x).equalTo(expected.get(i)), modules.get(i).toString());
        }
    }

    @Test
    void preluWeightIsALearnableParameter() {
        PReLU p = new PReLU(3, 0.25);
        Map<String, Tensor> params = p.namedParameters();
        assertEquals(List.of("weight"), List.copyOf(params.keySet()));
        Tensor w = params.get("weight");
        assertArrayEquals(new int[] {3}, w.shape());
        assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f}, w.toFloatArray());
        assertTrue(w.requiresGrad());
        Tensor x = Tensor.fromArray(new float[][][] {{{-1f, 2f}, {-3f, 0f}, {4f, -0.5f}}});
        Tensor y = p.forward(x);
        assertEquals("PreluKernelBackward0", y.gradFn().name());
        y.sum().backward();
        // d/dw_c = sum of x over the channel's non-positive entries
        assertArrayEquals(new float[] {-1f, -3f, -0.5f}, w.grad().toFloatArray());
        assertThrows(IllegalArgumentException.class, () -> new PReLU(0, 0.25));
        assertThrows(IllegalArgumentException.class, () -> new Hardtanh(1, 1));
    }

    @Test
    void softmaxModulesDelegateWithTheirDim() {
        Tensor x = Tensor.fromArray(new float[][] {{-1f, 0.5f, 2f}, {3f, -2f, 0f}});
        assertTrue(new LogSoftmax(1).forward(x).equalTo(org.poolact.nn.functional.Softmax.logSoftmax(x, 1)));
        assertTrue(new Softmax(0).forward(x).equalTo(org.poolact.nn.functional.Softmax.softmax(x, 0)));
        assertEquals("LogSoftmaxBackward0", new LogSoftmax(1).forward(x.requiresGrad(true)).gradFn().name());
    }
}
