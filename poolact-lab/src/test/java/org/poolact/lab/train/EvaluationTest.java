package org.poolact.lab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.poolact.data.DataLoader;
import org.poolact.data.Dataset;
import org.poolact.lab.order.PoolType;
import org.poolact.nn.functional.ActivationSpec;
import org.poolact.random.Generator;
import org.poolact.tensor.Tensor;

class EvaluationTest {

    @Test
    void zeroFractionAndDeadUnitsCountExactZerosPerChannel() {
        // conv1 with zero weights: channel 0 has bias -1 (always 0 after relu: dead), channel 1 bias +1, channel 2
        // weight 1 at the centre and bias 0 (relu(x), zero where the pixel is 0)
        CnnBuilder.Model m = CnnBuilder.build(ArchSpec.parse("c3k3p1,A,P2,f4"), ActivationSpec.parse("relu"),
                PoolType.MAX, 1, 12, 12, 4, new Generator(0), new Generator(0));
        Map<String, Tensor> p = m.net().namedParameters();
        Tensor w = p.get("0.weight");
        Tensor b = p.get("0.bias");
        for (int i = 0; i < w.numel(); i++) {
            w.setFlat(i, 0);
        }
        w.setFlat(2 * 9 + 4, 1);
        b.setFlat(0, -1);
        b.setFlat(1, 1);
        b.setFlat(2, 0);
        Dataset data = SyntheticData.make("eval", 20, 3);
        DataLoader loader = DataLoader.builder(data).batchSize(7).build();
        Evaluation.Result r = Evaluation.evaluate(m, loader);

        // expected zeros of channel 2: 2x2 windows of the raw pixels that are all 0 (pixels are >= 0, no normalisation)
        long zeros2 = 0;
        Tensor x = data.images();
        for (int n = 0; n < 20; n++) {
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    double mx = 0;
                    for (int di = 0; di < 2; di++) {
                        for (int dj = 0; dj < 2; dj++) {
                            mx = Math.max(mx, x.getFlat(n * 144 + (2 * i + di) * 12 + 2 * j + dj));
                        }
                    }
                    zeros2 += mx == 0 ? 1 : 0;
                }
            }
        }
        List<BlockStats> blocks = r.blocks();
        assertEquals(1, blocks.size());
        assertEquals("conv1", blocks.get(0).block());
        assertEquals(1, blocks.get(0).deadUnits());
        assertEquals(3, blocks.get(0).units());
        assertEquals((20 * 36 + zeros2) / (3.0 * 20 * 36), blocks.get(0).zeroFraction(), 1e-15);
    }
}
