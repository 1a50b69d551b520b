package org.poolact.bench;

import org.poolact.autograd.Autograd;
import org.poolact.tensor.Tensor;

/**
 * ReLU and 2x2 max pooling for the benchmark, until the engine's Activations.relu and
 * Pooling.maxPool2d land on main. Float32, contiguous NCHW, even H and W only; same grad_fn names
 * as PyTorch. NOTE: replace by the engine's ops once merged, so the benchmark times the real ones.
 */
final class StandInOps {
    private StandInOps() {
    }

    static Tensor relu(Tensor x) {
        float[] a = x.floatData();
        float[] o = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            o[i] = a[i] > 0 ? a[i] : 0f;
        }
        Tensor out = Tensor.wrap(o, x.shape());
        return Autograd.record(out, "ReluBackward0", g -> {
            float[] gd = g.floatData();
            float[] r = new float[gd.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = o[i] > 0 ? gd[i] : 0f;
            }
            return new Tensor[] {Tensor.wrap(r, x.shape())};
        }, x);
    }

    static Tensor maxPool2d(Tensor x) {
        int[] s = x.shape();
        int planes = s[0] * s[1];
        int h = s[2];
        int w = s[3];
        int oh = h / 2;
        int ow = w / 2;
        float[] a = x.floatData();
        float[] o = new float[planes * oh * ow];
        int[] idx = new int[o.length];
        for (int p = 0; p < planes; p++) {
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++) {
                    int base = p * h * w + 2 * y * w + 2 * xx;
                    int best = base;
                    int[] cand = {base + 1, base + w, base + w + 1};
                    for (int c : cand) {
                        if (a[c] > a[best] || Float.isNaN(a[c])) {
                            best = c;
                        }
                    }
                    int k = (p * oh + y) * ow + xx;
                    o[k] = a[best];
                    idx[k] = best;
                }
            }
        }
        Tensor out = Tensor.wrap(o, s[0], s[1], oh, ow);
        return Autograd.record(out, "MaxPool2DWithIndicesBackward0", g -> {
            float[] gd = g.floatData();
            float[] r = new float[a.length];
            for (int k = 0; k < gd.length; k++) {
                r[idx[k]] += gd[k];
            }
            return new Tensor[] {Tensor.wrap(r, s)};
        }, x);
    }
}
