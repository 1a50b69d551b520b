package org.poolact.lab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.poolact.lab.order.PoolType;
import org.poolact.nn.functional.ActivationSpec;
import org.poolact.nn.pooling.AvgPool2d;
import org.poolact.nn.pooling.MaxPool2d;
import org.poolact.random.Generator;

/** Training takes the {@link PoolType}s it can build, by the exact spellings {@code --pool} took before. */
class CnnBuilderPoolsTest {
    @Test
    void parsesExactlyMaxAndAvg() {
        assertEquals(PoolType.MAX, CnnBuilder.parsePool("max"));
        assertEquals(PoolType.AVG, CnnBuilder.parsePool("avg"));
        assertEquals(List.of("max", "avg"), CnnBuilder.POOLS.stream().map(PoolType::label).toList());
        // the analysis' other poolings, its lenient spellings and unknown names: one line naming option, choices, input
        for (String bad : List.of("lp2", "lp", "adaptive_avg", "adaptive_max", "MAX", "Avg", " max", "min", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CnnBuilder.parsePool(bad));
            assertEquals("pool: expected one of max, avg but got '" + bad + "'", e.getMessage());
        }
    }

    @Test
    void aConfigOrModelWithAnotherPoolingIsRefused() {
        for (PoolType t : List.of(PoolType.LP, PoolType.ADAPTIVE_AVG, PoolType.ADAPTIVE_MAX)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TrainConfig.builder().pool(t).build());
            assertEquals("pool: expected one of max, avg but got '" + t.label() + "'", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> CnnBuilder.build(ArchSpec.parse("c2k3,A,P2,f4"),
                    ActivationSpec.parse("relu"), t, 1, 8, 8, 4, new Generator(0), new Generator(0)));
        }
    }

    @Test
    void buildsTheModuleAndWritesTheNameResultsStore() {
        for (PoolType t : CnnBuilder.POOLS) {
            CnnBuilder.Model m = CnnBuilder.build(ArchSpec.parse("c2k3,A,P2,f4"), ActivationSpec.parse("relu"), t, 1, 8, 8,
                    4, new Generator(0), new Generator(0));
            assertEquals(t == PoolType.MAX ? MaxPool2d.class : AvgPool2d.class, m.net().get(2).getClass());
            String fp = TrainConfig.builder().pool(t).build().fingerprint();
            assertTrue(fp.contains(";pool=" + t.label() + ";"), fp);
        }
    }
}
