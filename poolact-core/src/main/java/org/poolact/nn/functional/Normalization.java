package org.poolact.nn.functional;

import java.util.Arrays;

import org.poolact.autograd.Autograd;
import org.poolact.kernels.BatchNormKernels;
import org.poolact.tensor.Tensor;

/** Normalisation layers in functional form: {@code torch.nn.functional.batch_norm}. */
public final class Normalization {
    /** PyTorch's default {@code momentum} of batch norm. */
    public static final double DEFAULT_MOMENTUM = 0.1;
    /** PyTorch's default {@code eps} of batch norm. */
    public static final double DEFAULT_EPS = 1e-5;

    private Normalization() {
    }

    /** {@link #batchNorm2d(Tensor, Tensor, Tensor, Tensor, Tensor, boolean, double, double)} with momentum 0.1, eps 1e-5. */
    public static Tensor batchNorm2d(Tensor x, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                     boolean training) {
        return batchNorm2d(x, runningMean, runningVar, weight, bias, training, DEFAULT_MOMENTUM, DEFAULT_EPS);
    }

    /**
     * {@code F.batch_norm(x, running_mean, running_var, weight, bias, training, momentum, eps)} over an
     * input {@code [N, C, *]} (4-D for BatchNorm2d; any rank >= 2 is accepted, as in PyTorch).
     * <ul>
     * <li>training: per channel, {@code mean} and biased {@code var} over N and the spatial dims;
     * {@code y = (x - mean) / sqrt(var + eps) * weight + bias}. If running stats are given they are
     * updated in place: {@code running_mean = (1 - momentum) * running_mean + momentum * mean},
     * {@code running_var = (1 - momentum) * running_var + momentum * var * M / (M - 1)} (the UNBIASED
     * variance, M = values per channel), as PyTorch does.</li>
     * <li>eval: {@code y = (x - running_mean) / sqrt(running_var + eps) * weight + bias}.</li>
     * </ul>
     * weight and bias may be null (affine=False). Gradients flow to x, weight and bias; grad_fn
     * {@code NativeBatchNormBackward0}.
     *
     * @throws IllegalArgumentException on rank &lt; 2, a statistic or affine tensor whose size is not C,
     *                                  missing running stats in eval mode, or one value per channel in training
     */
    public static Tensor batchNorm2d(Tensor x, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                     boolean training, double momentum, double eps) {
        if (x.dim() < 2) {
            throw new IllegalArgumentException("batch_norm: input must have at least 2 dimensions [N, C, ...], but got "
                    + x.dim() + "-D input of shape " + Arrays.toString(x.shape()));
        }
        int[] shape = x.shape();
        int n = shape[0];
        int c = shape[1];
        int s = x.numel() / Math.max(1, n * c);
        checkPerChannel("running_mean", runningMean, c);
        checkPerChannel("running_var", runningVar, c);
        checkPerChannel("weight", weight, c);
        checkPerChannel("bias", bias, c);
        if ((runningMean == null) != (runningVar == null)) {
            throw new IllegalArgumentException("batch_norm: running_mean and running_var must both be given or both be null");
        }
        if (!training && runningMean == null) {
            throw new IllegalArgumentException("batch_norm: running_mean and running_var must be defined in evaluation mode");
        }
        int count = n * s;
        if (training && count <= 1) {
            throw new IllegalArgumentException("batch_norm: expected more than 1 value per channel when training, got input size "
                    + Arrays.toString(shape));
        }
        double[] xd = x.toDoubleArray();
        double[] mean = new double[c];
        double[] var = new double[c];
        if (training) {
            BatchNormKernels.meanVar(xd, n, c, s, mean, var);
        } else {
            mean = runningMean.toDoubleArray();
            var = runningVar.toDoubleArray();
        }
        double[] invstd = new double[c];
        for (int ch = 0; ch < c; ch++) {
            invstd[ch] = 1.0 / Math.sqrt(var[ch] + eps);
        }
        double[] w = weight == null ? null : weight.toDoubleArray();
        double[] b = bias == null ? null : bias.toDoubleArray();
        double[] out = new double[xd.length];
        BatchNormKernels.normalize(xd, n, c, s, mean, invstd, w, b, out);
        if (training && runningMean != null) {
            for (int ch = 0; ch < c; ch++) {
                double unbiased = var[ch] * count / (count - 1);
                runningMean.setFlat(ch, momentum * mean[ch] + (1 - momentum) * runningMean.getFlat(ch));
                runningVar.setFlat(ch, momentum * unbiased + (1 - momentum) * runningVar.getFlat(ch));
            }
        }
        Tensor y = Tensor.fromDoubles(out, x.dtype(), shape);
        final double[] meanF = mean;
        return Autograd.record(y, "NativeBatchNormBackward0", g -> {
            double[] gx = x.requiresGrad() ? new double[xd.length] : null;
            double[] gw = weight != null && weight.requiresGrad() ? new double[c] : null;
            double[] gb = bias != null && bias.requiresGrad() ? new double[c] : null;
            BatchNormKernels.backward(xd, g.toDoubleArray(), n, c, s, meanF, invstd, w, training, gx, gw, gb);
            return new Tensor[] {
                gx == null ? null : Tensor.fromDoubles(gx, x.dtype(), shape),
                gw == null ? null : Tensor.fromDoubles(gw, weight.dtype(), c),
                gb == null ? null : Tensor.fromDoubles(gb, bias.dtype(), c)};
        }, x, weight, bias);
    }

    private static void checkPerChannel(String param, Tensor t, int c) {
        if (t != null && (t.dim() != 1 || t.numel() != c)) {
            throw new IllegalArgumentException("batch_norm: " + param + " should contain " + c + " elements (one per channel) not "
                    + t.numel() + " (shape " + Arrays.toString(t.shape()) + ")");
        }
    }
}
