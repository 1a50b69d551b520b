package org.poolact.lab.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Weight sums S = n * w of the linear poolings' windows, over all input sizes. */
class WindowTypesTest {
    @Test
    void countedPaddingGivesWeightSumsBelowOne() {
        WindowTypes cip = WindowTypes.of(PoolConfig.avg(3, 2, 1, false, true, null));
        assertTrue(cip.hasWeightSumNotOne());
        assertTrue(cip.weightSums().contains(4.0 / 9), cip.weightSums().toString());
        assertEquals(1.0, cip.weightSums().get(cip.weightSums().size() - 1), 1e-12);
    }

    @Test
    void uncountedPaddingAndAdaptiveAverageSumToOne() {
        assertFalse(WindowTypes.of(PoolConfig.avg(3, 2, 1, false, false, null)).hasWeightSumNotOne());
        assertFalse(WindowTypes.of(PoolConfig.avg(2, 2, 0, true, true, null)).hasWeightSumNotOne(),
                "ceil mode without padding divides by the clipped window");
        assertFalse(WindowTypes.of(PoolConfig.adaptive(PoolType.ADAPTIVE_AVG, 2, 2)).hasWeightSumNotOne());
    }

    @Test
    void divisorOverrideAndLpSum() {
        assertEquals(List.of(4.0 / 3), WindowTypes.of(PoolConfig.avg(2, 2, 0, false, true, 3)).weightSums());
        assertEquals(List.of(4.0), WindowTypes.of(PoolConfig.lp(1, 2, 2, false)).weightSums());
    }

    @Test
    void shapesAreValidAndSmallestFirst() {
        WindowTypes max = WindowTypes.of(PoolConfig.max(3, 2, 1, false));
        int[] first = max.shapes().get(0);
        assertEquals(1, first[0] * first[1]);
        int prev = 0;
        for (int[] s : max.shapes()) {
            assertTrue(s[0] * s[1] >= prev);
            prev = s[0] * s[1];
        }
    }
}
