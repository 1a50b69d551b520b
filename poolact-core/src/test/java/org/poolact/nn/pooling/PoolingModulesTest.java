package org.poolact.nn.pooling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.poolact.nn.Sequential;
import org.poolact.nn.functional.AvgPool2dOptions;
import org.poolact.nn.functional.LPPool2dOptions;
import org.poolact.nn.functional.MaxPool2dOptions;
import org.poolact.nn.functional.Pooling;
import org.poolact.nn.functional.Size2;
import org.poolact.tensor.Tensor;

class PoolingModulesTest {

    /** Strings as printed by PyTorch 2.7.1 for the same constructor calls (shown in each comment). */
    @Test
    void reprMatchesPyTorch() {
        // nn.MaxPool2d(2)
        assertEquals("MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)",
                new MaxPool2d(2).toString());
        // nn.MaxPool2d((3, 2), stride=(2, 1), padding=1, dilation=2, ceil_mode=True)
        assertEquals("MaxPool2d(kernel_size=(3, 2), stride=(2, 1), padding=1, dilation=2, ceil_mode=True)",
                new MaxPool2d(MaxPool2dOptions.of(3, 2).stride(2, 1).padding(1).dilation(2).ceilMode(true)).toString());
        // nn.AvgPool2d(2)
        assertEquals("AvgPool2d(kernel_size=2, stride=2, padding=0)", new AvgPool2d(2).toString());
        // nn.AvgPool2d(3, stride=1, padding=(1, 0), count_include_pad=False, divisor_override=2)
        assertEquals("AvgPool2d(kernel_size=3, stride=1, padding=(1, 0))", new AvgPool2d(AvgPool2dOptions.of(3)
                .stride(1).padding(1, 0).countIncludePad(false).divisorOverride(2)).toString());
        // nn.AdaptiveAvgPool2d((2, 3)) and nn.AdaptiveAvgPool2d(1)
        assertEquals("AdaptiveAvgPool2d(output_size=(2, 3))", new AdaptiveAvgPool2d(2, 3).toString());
        assertEquals("AdaptiveAvgPool2d(output_size=1)", new AdaptiveAvgPool2d(1).toString());
        // nn.AdaptiveMaxPool2d(2)
        assertEquals("AdaptiveMaxPool2d(output_size=2)", new AdaptiveMaxPool2d(2).toString());
        // nn.LPPool2d(2.0, 3) and nn.LPPool2d(1.5, (2, 3), stride=2, ceil_mode=True)
        assertEquals("LPPool2d(norm_type=2.0, kernel_size=3, stride=None, ceil_mode=False)",
                new LPPool2d(2.0, 3).toString());
        assertEquals("LPPool2d(norm_type=1.5, kernel_size=(2, 3), stride=2, ceil_mode=True)",
                new LPPool2d(LPPool2dOptions.of(1.5, 2, 3).stride(2).ceilMode(true)).toString());
        // nn.Sequential(nn.MaxPool2d(2), nn.AvgPool2d(2))
        assertEquals("Sequential(\n  (0): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)\n"
                + "  (1): AvgPool2d(kernel_size=2, stride=2, padding=0)\n)",
                new Sequential(new MaxPool2d(2), new AvgPool2d(2)).toString());
    }

    @Test
    void modulesDelegateToTheFunctionalOps() {
        Tensor x = Tensor.arange(2 * 7 * 6).reshape(1, 2, 7, 6).mul(0.37).sub(3.0).detach();
        MaxPool2dOptions mo = MaxPool2dOptions.of(3).stride(2).padding(1).ceilMode(true).returnIndices(true);
        MaxPool2d mp = new MaxPool2d(mo);
        assertArrayEquals(Pooling.maxPool2d(x, mo).toFloatArray(), mp.forward(x).toFloatArray());
        assertArrayEquals(Pooling.maxPool2dWithIndices(x, mo).indices().data(), mp.forwardWithIndices(x).indices().data());
        AvgPool2dOptions ao = AvgPool2dOptions.of(2).stride(1).countIncludePad(false);
        assertArrayEquals(Pooling.avgPool2d(x, ao).toFloatArray(), new AvgPool2d(ao).forward(x).toFloatArray());
        assertArrayEquals(Pooling.adaptiveAvgPool2d(x, 3, 2).toFloatArray(),
                new AdaptiveAvgPool2d(3, 2).forward(x).toFloatArray());
        AdaptiveMaxPool2d am = new AdaptiveMaxPool2d(Size2.of(3, 4), true);
        assertArrayEquals(Pooling.adaptiveMaxPool2dWithIndices(x, Size2.of(3, 4)).indices().data(),
                am.forwardWithIndices(x).indices().data());
        assertArrayEquals(Pooling.lpPool2d(x, 2, 3).toFloatArray(), new LPPool2d(2, 3).forward(x).toFloatArray());
        assertEquals(0, new MaxPool2d(2).parameters().size());
    }
}
