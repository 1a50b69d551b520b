package org.poolact.nn.norm;

import org.poolact.nn.Module;
import org.poolact.nn.PyFormat;
import org.poolact.nn.functional.Normalization;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;

/**
 * {@code nn.BatchNorm2d(num_features, eps=1e-5, momentum=0.1, affine=True, track_running_stats=True)}
 * over {@code [N, C, H, W]} inputs. Parameters {@code weight} (1) and {@code bias} (0) when affine;
 * buffers {@code running_mean} (0), {@code running_var} (1) and {@code num_batches_tracked} (0) when
 * tracking, registered in PyTorch's order. In training the batch statistics normalise and the
 * running statistics are updated with {@code momentum}, or with the cumulative average
 * {@code 1 / num_batches_tracked} when momentum is null (PyTorch's {@code momentum=None}).
 * <p>
 * NOTE: PyTorch keeps {@code num_batches_tracked} as int64; here it is a float64 scalar (exact up to 2^53).
 */
public final class BatchNorm2d extends Module {
    private final int numFeatures;
    private final double eps;
    private final Double momentum;
    private final boolean affine;
    private final boolean trackRunningStats;

    /** {@code nn.BatchNorm2d(numFeatures)} with PyTorch's defaults. */
    public BatchNorm2d(int numFeatures) {
        this(numFeatures, Normalization.DEFAULT_EPS, Normalization.DEFAULT_MOMENTUM, true, true);
    }

    /**
     * {@code nn.BatchNorm2d(numFeatures, eps, momentum, affine, track_running_stats)}; momentum may be
     * null for a cumulative moving average.
     */
    public BatchNorm2d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        if (numFeatures <= 0) {
            throw new IllegalArgumentException("BatchNorm2d: num_features must be greater than zero, but got " + numFeatures);
        }
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.trackRunningStats = trackRunningStats;
        if (affine) {
            registerParameter("weight", Tensor.ones(numFeatures));
            registerParameter("bias", Tensor.zeros(numFeatures));
        }
        if (trackRunningStats) {
            registerBuffer("running_mean", Tensor.zeros(numFeatures));
            registerBuffer("running_var", Tensor.ones(numFeatures));
            registerBuffer("num_batches_tracked", Tensor.scalar(0, DType.FLOAT64));
        }
    }

    /** {@code num_features}. */
    public int numFeatures() {
        return numFeatures;
    }

    /**
     * Normalises a 4-D input as PyTorch's {@code _BatchNorm.forward}.
     *
     * @throws IllegalArgumentException if the input is not 4-D or its channel count is not num_features
     */
    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() != 4) {
            throw new IllegalArgumentException("BatchNorm2d: expected 4D input (got " + input.dim() + "D input)");
        }
        if (input.size(1) != numFeatures) {
            throw new IllegalArgumentException("BatchNorm2d: expected input with " + numFeatures
                    + " channels (num_features), but got " + input.size(1) + " channels");
        }
        double factor = momentum == null ? 0.0 : momentum;
        Tensor tracked = buffer("num_batches_tracked");
        if (isTraining() && trackRunningStats && tracked != null) {
            tracked.setFlat(0, tracked.getFlat(0) + 1);
            if (momentum == null) {
                factor = 1.0 / tracked.getFlat(0);
            }
        }
        Tensor rm = buffer("running_mean");
        Tensor rv = buffer("running_var");
        boolean bnTraining = isTraining() || (rm == null && rv == null);
        boolean passStats = !isTraining() || trackRunningStats;
        return Normalization.batchNorm2d(input, passStats ? rm : null, passStats ? rv : null,
                parameter("weight"), parameter("bias"), bnTraining, factor, eps);
    }

    @Override
    public String extraRepr() {
        return numFeatures + ", eps=" + PyFormat.pyFloat(eps) + ", momentum="
                + (momentum == null ? "None" : PyFormat.pyFloat(momentum)) + ", affine=" + PyFormat.pyBool(affine)
                + ", track_running_stats=" + PyFormat.pyBool(trackRunningStats);
    }
}
