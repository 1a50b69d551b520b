package org.poolact.lab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.poolact.lab.order.PoolType;
import org.poolact.nn.functional.ActivationSpec;
import org.poolact.random.Generator;
import org.poolact.tensor.Tensor;

class ArchSpecTest {

    @Test
    void parsesTheDefaultModel() {
        ArchSpec a = ArchSpec.parse(ArchSpec.DEFAULT);
        assertEquals(List.of(new LayerSpec.Conv(32, 3, 1, 1), new LayerSpec.Act(), new LayerSpec.Pool(2),
                new LayerSpec.Conv(64, 3, 1, 1), new LayerSpec.Act(), new LayerSpec.Pool(2), new LayerSpec.Linear(128),
                new LayerSpec.Act(), new LayerSpec.Linear(10)), a.layers());
        assertEquals(ArchSpec.DEFAULT, a.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "c8k5s2p2,B,A,D0.25,P3,f10; c8k5s2p2,B,A,D0.25,P3,f10",
        "c8k3 , A ,P2,f10; c8k3,A,P2,f10",
        "c8p1s1k3,A,P2,f10; c8k3p1,A,P2,f10",
        "c16k3,A,f10; c16k3,A,f10",
    })
    void canonicalFormRoundTrips(String spec, String canonical) {
        ArchSpec a = ArchSpec.parse(spec);
        assertEquals(canonical, a.toString());
        assertEquals(a, ArchSpec.parse(a.toString()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "c32k3p1,A,x2; arch: token 3 'x2' at column 11: unknown layer 'x'",
        "c32,A,P2,f10; arch: token 1 'c32' at column 1: a conv needs its kernel size, e.g. c32k3",
        "c32k3k5,A; arch: token 1 'c32k3k5' at column 1: 'k' given twice",
        "c0k3,A; arch: token 1 'c0k3' at column 1: out_channels has to be positive, but got 0",
        "c8k3,,f10; arch: token 2 '' at column 6: empty token",
        "c8k3,A,P,f10; arch: token 3 'P' at column 8: expected pooling as P<kernel>, e.g. P2",
        "c8k3,D1.5,f10; arch: token 2 'D1.5' at column 6: dropout probability has to be between 0 and 1, but got 1.5",
        "c8k3,A2,f10; arch: token 2 'A2' at column 6: the activation token is just 'A'",
        "c8k3,fx; arch: token 2 'fx' at column 6: expected a linear layer as f<out_features>, e.g. f128",
        "c8k3,f10,; arch: token 3 '' at column 10: empty token",
        "c8k3q2,f10; arch: token 1 'c8k3q2' at column 1: expected a conv as c<out>k<kernel>",
    })
    void badSpecsNameTheToken(String spec, String messageStart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArchSpec.parse(spec));
        assertEquals(messageStart, e.getMessage().substring(0, Math.min(e.getMessage().length(), messageStart.length())),
                e.getMessage());
    }

    @Test
    void emptySpecIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ArchSpec.parse(" "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "c8k3,A,P2,f5; arch: expected the last layer to be f10 (one output per class) but got 'f5'",
        "c8k3,A,P2; arch: expected the last layer to be f10",
        "f10,c8k3,f10; arch: layer 2 'c8k3': a conv cannot follow a linear layer",
        "c8k3,P32,f10; arch: layer 2 'P32': kernel 32 is larger than its input 26x26",
        "c8k30,f10; arch: layer 1 'c8k30': kernel 30 is larger than its padded input 28x28",
        "f32,B,f10; arch: layer 2 'B': BatchNorm2d needs a 2-D map but follows a linear layer",
    })
    void shapesCheckTheWholeNetwork(String spec, String messageStart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArchSpec.parse(spec).shapes(1, 28, 28, 10));
        assertEquals(messageStart, e.getMessage().substring(0, Math.min(e.getMessage().length(), messageStart.length())),
                e.getMessage());
    }

    @Test
    void shapesOfTheDefaultModel() {
        List<int[]> s = ArchSpec.parse(ArchSpec.DEFAULT).shapes(1, 28, 28, 10);
        assertArrayEquals(new int[] {32, 28, 28}, s.get(0));
        assertArrayEquals(new int[] {32, 14, 14}, s.get(2));
        assertArrayEquals(new int[] {64, 7, 7}, s.get(5));
        assertArrayEquals(new int[] {10}, s.get(8));
    }

    @Test
    void orderSwapsEveryAdjacentActPoolPair() {
        ArchSpec a = ArchSpec.parse("c8k3,B,A,P2,c8k3,P2,A,f16,A,D0.5,f10");
        assertEquals("c8k3,B,P2,A,c8k3,P2,A,f16,A,D0.5,f10", a.withOrder(BlockOrder.POOL_ACT).toString());
        assertEquals("c8k3,B,A,P2,c8k3,A,P2,f16,A,D0.5,f10", a.withOrder(BlockOrder.ACT_POOL).toString());
        assertEquals(a.withOrder(BlockOrder.POOL_ACT), a.withOrder(BlockOrder.POOL_ACT).withOrder(BlockOrder.POOL_ACT));
    }

    @Test
    void builderMakesTorchLayersAndBlocks() {
        ArchSpec a = ArchSpec.parse("c4k3p1,B,A,P2,c8k3,A,P2,f16,A,D0.5,f10").withOrder(BlockOrder.POOL_ACT);
        CnnBuilder.Model m = CnnBuilder.build(a, ActivationSpec.parse("relu"), PoolType.AVG, 1, 28, 28, 10,
                new Generator(0), new Generator(1));
        String repr = m.net().toString();
        assertEquals(String.join("\n",
                "Sequential(",
                "  (0): Conv2d(1, 4, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
                "  (1): BatchNorm2d(4, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
                "  (2): AvgPool2d(kernel_size=2, stride=2, padding=0)",
                "  (3): ReLU()",
                "  (4): Conv2d(4, 8, kernel_size=(3, 3), stride=(1, 1))",
                "  (5): AvgPool2d(kernel_size=2, stride=2, padding=0)",
                "  (6): ReLU()",
                "  (7): Flatten(start_dim=1, end_dim=-1)",
                "  (8): Linear(in_features=288, out_features=16, bias=True)",
                "  (9): ReLU()",
                "  (10): Dropout(p=0.5, inplace=False)",
                "  (11): Linear(in_features=16, out_features=10, bias=True)",
                ")"), repr);
        assertEquals(List.of(new CnnBuilder.Block("conv1", 3, 4), new CnnBuilder.Block("conv2", 6, 8),
                new CnnBuilder.Block("fc1", 10, 16)), m.blocks());
        assertEquals(List.of(1, 10), List.of(m.net().forward(Tensor.zeros(1, 1, 28, 28)).shape()[0],
                m.net().forward(Tensor.zeros(1, 1, 28, 28)).shape()[1]));
    }

    @Test
    void bothOrdersStartFromTheSameWeights() {
        ArchSpec a = ArchSpec.parse(ArchSpec.DEFAULT);
        ActivationSpec prelu = ActivationSpec.parse("prelu");
        Map<String, Tensor> x = CnnBuilder.build(a.withOrder(BlockOrder.ACT_POOL), prelu, PoolType.MAX, 1, 28, 28, 10,
                new Generator(7), new Generator(0)).net().namedParameters();
        Map<String, Tensor> y = CnnBuilder.build(a.withOrder(BlockOrder.POOL_ACT), prelu, PoolType.MAX, 1, 28, 28, 10,
                new Generator(7), new Generator(0)).net().namedParameters();
        for (String conv : List.of("0.weight", "0.bias", "3.weight", "3.bias", "7.weight", "9.weight")) {
            assertArrayEquals(x.get(conv).toFloatArray(), y.get(conv).toFloatArray(), conv);
        }
        // the PReLU weights move with their layer (1 <-> 2) but start equal
        assertArrayEquals(x.get("1.weight").toFloatArray(), y.get("2.weight").toFloatArray());
    }
}
