package org.poolact.nn.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.poolact.nn.functional.F.avgPool2d;
import static org.poolact.nn.functional.F.conv2d;
import static org.poolact.nn.functional.F.crossEntropy;
import static org.poolact.nn.functional.F.dropout;
import static org.poolact.nn.functional.F.flatten;
import static org.poolact.nn.functional.F.linear;
import static org.poolact.nn.functional.F.maxPool2d;
import static org.poolact.nn.functional.F.relu;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.poolact.random.Generator;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;
import org.poolact.testing.RandomTensors;

/** F is a complete, thin index of the functional ops. */
class FTest {
    private static final List<Class<?>> IMPLEMENTATIONS = List.of(Convolution.class, Pooling.class, Activations.class,
            Dense.class, Dropouts.class, Normalization.class, Softmax.class, Losses.class, Padding.class);
    /** Helpers that are not ops. */
    private static final Set<String> NOT_OPS = Set.of("outputSize", "checkP");
    /** Where F uses PyTorch's functional name instead of the implementing method's. */
    private static final Map<String, String> RENAMED = Map.of("batchNorm2d", "batchNorm");

    @Test
    void everyPublicOpHasAnFOverloadWithTheSameSignature() {
        List<String> missing = new ArrayList<>();
        int ops = 0;
        for (Class<?> c : IMPLEMENTATIONS) {
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || !Modifier.isStatic(m.getModifiers())
                        || NOT_OPS.contains(m.getName())) {
                    continue;
                }
                ops++;
                try {
                    Method f = F.class.getMethod(RENAMED.getOrDefault(m.getName(), m.getName()), m.getParameterTypes());
                    assertEquals(m.getReturnType(), f.getReturnType(), f.toString());
                } catch (NoSuchMethodException e) {
                    missing.add(c.getSimpleName() + "." + m.getName() + Arrays.toString(m.getParameterTypes()));
                }
            }
        }
        assertEquals(List.of(), missing, "ops without an F entry");
        assertTrue(ops >= 60, "ops found: " + ops);
        // and nothing in F that is not one of them (plus dropout on the default generator)
        long fMethods = Arrays.stream(F.class.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers())).count();
        assertEquals(ops + 1, fMethods);
    }

    /** A small net written with {@code import static F.*} gives what the implementing classes give. */
    @Test
    void staticImportReadsLikePyTorch() {
        Tensor x = RandomTensors.normal(1, DType.FLOAT32, 1.0, 0.0, 2, 1, 7, 7);
        Tensor w = RandomTensors.normal(2, DType.FLOAT32, 0.3, 0.0, 3, 1, 3, 3);
        Tensor b = RandomTensors.normal(3, 3);
        Tensor lw = RandomTensors.normal(4, DType.FLOAT32, 0.2, 0.0, 4, 12);
        int[] target = {1, 3};

        Tensor h = flatten(maxPool2d(relu(conv2d(x, w, b)), 2), 1, -1);
        Tensor loss = crossEntropy(linear(dropout(h, 0.25, true, new Generator(5)), lw, null), target);

        Tensor hRef = Dense.flatten(Pooling.maxPool2d(Activations.relu(Convolution.conv2d(x, w, b)), 2), 1, -1);
        Tensor lossRef = Losses.crossEntropy(Dense.linear(Dropouts.dropout(hRef, 0.25, true, new Generator(5)), lw, null),
                target);
        assertTrue(h.equalTo(hRef));
        assertTrue(loss.equalTo(lossRef));
        assertTrue(avgPool2d(x, 2).equalTo(Pooling.avgPool2d(x, 2)));
    }
}
