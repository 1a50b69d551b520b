package org.poolact.lab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.poolact.lab.order.PoolType;
import org.poolact.nn.functional.ActivationSpec;
import org.poolact.random.Generator;
import org.poolact.tensor.Tensor;

/**
 * The builder creates modules in PyTorch's order: {@code torch.manual_seed(seed)} followed by the
 * constructors of the same Sequential draws, layer after layer, weight then bias, each as
 * {@code uniform_(-bound, bound)} on the default generator (kaiming_uniform_(a=sqrt(5)) for weights,
 * 1/sqrt(fan_in) for biases, PyTorch's formulas). libtorch (through DJL, whose randomUniform is
 * torch's uniform_ on the default generator after Engine.setRandomSeed = manual_seed) must give the
 * same bits as the model built from {@code Generator(seed)}.
 */
class TorchInitOrderTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"0; c32k3p1,A,P2,c64k3p1,A,P2,f128,A,f10; relu",
        "7; c8k5s2p2,B,A,P2,c16k3,P2,A,f32,A,D0.5,f10; prelu", "123; c4k3,A,P2,f10; gelu"})
    void initialWeightsEqualTorchManualSeedAndConstructors(long seed, String arch, String act) {
        ArchSpec spec = ArchSpec.parse(arch);
        CnnBuilder.Model m = CnnBuilder.build(spec, ActivationSpec.parse(act), PoolType.MAX, 1, 28, 28, 10,
                new Generator(seed), new Generator(0));
        System.setProperty("ai.djl.offline", "true");
        Engine torch = Engine.getEngine("PyTorch");
        try (NDManager nd = torch.newBaseManager()) {
            torch.setRandomSeed((int) seed);
            int drawn = 0;
            for (Map.Entry<String, Tensor> e : m.net().namedParameters().entrySet()) {
                Tensor p = e.getValue();
                if (p.dim() < 2 && !e.getKey().endsWith("bias")) {
                    continue; // PReLU and BatchNorm weights are constants, drawn from nothing
                }
                String owner = e.getKey().substring(0, e.getKey().lastIndexOf('.'));
                Tensor weight = m.net().namedParameters().get(owner + ".weight");
                int fanIn = weight.numel() / weight.size(0);
                double bound;
                if (e.getKey().endsWith("weight")) {
                    double a = Math.sqrt(5);
                    double gain = Math.sqrt(2.0 / (1 + a * a));
                    bound = Math.sqrt(3.0) * (gain / Math.sqrt(fanIn));
                } else {
                    if (weight.dim() < 2) {
                        continue; // BatchNorm bias: zeros
                    }
                    bound = 1 / Math.sqrt(fanIn);
                }
                NDArray ref = nd.randomUniform((float) -bound, (float) bound,
                        new Shape(Arrays.stream(p.shape()).asLongStream().toArray()));
                assertArrayEquals(ref.toFloatArray(), p.toFloatArray(), 0f, e.getKey());
                drawn++;
            }
            assertEquals(spec.layers().stream().filter(l -> l instanceof LayerSpec.Conv || l instanceof LayerSpec.Linear)
                    .count() * 2, drawn);
        }
    }
}
