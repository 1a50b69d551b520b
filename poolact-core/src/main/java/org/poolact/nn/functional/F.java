package org.poolact.nn.functional;

import org.poolact.random.Generator;
import org.poolact.tensor.IndexTensor;
import org.poolact.tensor.Tensor;

/**
 * {@code torch.nn.functional} as one index, for {@code import static org.poolact.nn.functional.F.*}:
 * each method is a one-line delegation to the class that implements (and documents) the op, so
 * {@code F.conv2d}, {@code F.maxPool2d}, {@code F.relu}, {@code F.crossEntropy}... read as in PyTorch
 * with camelCase names. PyTorch's {@code F.batch_norm} is {@link #batchNorm}; everything else keeps
 * the implementing class's name. Options that PyTorch passes as keywords come as the option records
 * ({@link Conv2dOptions}, {@link MaxPool2dOptions}, {@link AvgPool2dOptions}, {@link LPPool2dOptions}).
 */
public final class F {
    private F() {
    }

    // ------------------------------------------------------------------ convolution (Convolution)

    /** {@code F.conv2d}: see {@link Convolution#conv2d(Tensor, Tensor, Tensor)}. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
        return Convolution.conv2d(input, weight, bias);
    }

    /** {@code F.conv2d}: see {@link Convolution#conv2d(Tensor, Tensor, Tensor, int, int)}. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int stride, int padding) {
        return Convolution.conv2d(input, weight, bias, stride, padding);
    }

    /** {@code F.conv2d}: see {@link Convolution#conv2d(Tensor, Tensor, Tensor, int, int, int, int)}. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, int dilation,
                                int groups) {
        return Convolution.conv2d(input, weight, bias, stride, padding, dilation, groups);
    }

    /** {@code F.conv2d}: see {@link Convolution#conv2d(Tensor, Tensor, Tensor, int, ConvPadding, int, int)}. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int stride, ConvPadding padding,
                                int dilation, int groups) {
        return Convolution.conv2d(input, weight, bias, stride, padding, dilation, groups);
    }

    /** {@code F.conv2d}: see {@link Convolution#conv2d(Tensor, Tensor, Tensor, Conv2dOptions)}. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, Conv2dOptions options) {
        return Convolution.conv2d(input, weight, bias, options);
    }

    // ------------------------------------------------------------------ pooling (Pooling)

    /** {@code F.max_pool2d}: see {@link Pooling#maxPool2d(Tensor, int)}. */
    public static Tensor maxPool2d(Tensor x, int kernelSize) {
        return Pooling.maxPool2d(x, kernelSize);
    }

    /** {@code F.max_pool2d}: see {@link Pooling#maxPool2d(Tensor, MaxPool2dOptions)}. */
    public static Tensor maxPool2d(Tensor x, MaxPool2dOptions o) {
        return Pooling.maxPool2d(x, o);
    }

    /** {@code F.max_pool2d_with_indices}: see {@link Pooling#maxPool2dWithIndices(Tensor, MaxPool2dOptions)}. */
    public static Pooling.MaxPoolResult maxPool2dWithIndices(Tensor x, MaxPool2dOptions o) {
        return Pooling.maxPool2dWithIndices(x, o);
    }

    /** {@code F.avg_pool2d}: see {@link Pooling#avgPool2d(Tensor, int)}. */
    public static Tensor avgPool2d(Tensor x, int kernelSize) {
        return Pooling.avgPool2d(x, kernelSize);
    }

    /** {@code F.avg_pool2d}: see {@link Pooling#avgPool2d(Tensor, AvgPool2dOptions)}. */
    public static Tensor avgPool2d(Tensor x, AvgPool2dOptions o) {
        return Pooling.avgPool2d(x, o);
    }

    /** {@code F.adaptive_avg_pool2d}: see {@link Pooling#adaptiveAvgPool2d(Tensor, int)}. */
    public static Tensor adaptiveAvgPool2d(Tensor x, int outputSize) {
        return Pooling.adaptiveAvgPool2d(x, outputSize);
    }

    /** {@code F.adaptive_avg_pool2d}: see {@link Pooling#adaptiveAvgPool2d(Tensor, int, int)}. */
    public static Tensor adaptiveAvgPool2d(Tensor x, int outH, int outW) {
        return Pooling.adaptiveAvgPool2d(x, outH, outW);
    }

    /** {@code F.adaptive_avg_pool2d}: see {@link Pooling#adaptiveAvgPool2d(Tensor, Size2)}. */
    public static Tensor adaptiveAvgPool2d(Tensor x, Size2 outputSize) {
        return Pooling.adaptiveAvgPool2d(x, outputSize);
    }

    /** {@code F.adaptive_max_pool2d}: see {@link Pooling#adaptiveMaxPool2d(Tensor, int)}. */
    public static Tensor adaptiveMaxPool2d(Tensor x, int outputSize) {
        return Pooling.adaptiveMaxPool2d(x, outputSize);
    }

    /** {@code F.adaptive_max_pool2d}: see {@link Pooling#adaptiveMaxPool2d(Tensor, int, int)}. */
    public static Tensor adaptiveMaxPool2d(Tensor x, int outH, int outW) {
        return Pooling.adaptiveMaxPool2d(x, outH, outW);
    }

    /** {@code F.adaptive_max_pool2d_with_indices}: see {@link Pooling#adaptiveMaxPool2dWithIndices(Tensor, Size2)}. */
    public static Pooling.MaxPoolResult adaptiveMaxPool2dWithIndices(Tensor x, Size2 outputSize) {
        return Pooling.adaptiveMaxPool2dWithIndices(x, outputSize);
    }

    /** {@code F.lp_pool2d}: see {@link Pooling#lpPool2d(Tensor, double, int)}. */
    public static Tensor lpPool2d(Tensor x, double normType, int kernelSize) {
        return Pooling.lpPool2d(x, normType, kernelSize);
    }

    /** {@code F.lp_pool2d}: see {@link Pooling#lpPool2d(Tensor, LPPool2dOptions)}. */
    public static Tensor lpPool2d(Tensor x, LPPool2dOptions o) {
        return Pooling.lpPool2d(x, o);
    }

    // ------------------------------------------------------------------ activations (Activations)

    /** {@code F.relu}: see {@link Activations#relu(Tensor)}. */
    public static Tensor relu(Tensor x) {
        return Activations.relu(x);
    }

    /** {@code F.relu6}: see {@link Activations#relu6(Tensor)}. */
    public static Tensor relu6(Tensor x) {
        return Activations.relu6(x);
    }

    /** {@code F.leaky_relu}: see {@link Activations#leakyRelu(Tensor)}. */
    public static Tensor leakyRelu(Tensor x) {
        return Activations.leakyRelu(x);
    }

    /** {@code F.leaky_relu}: see {@link Activations#leakyRelu(Tensor, double)}. */
    public static Tensor leakyRelu(Tensor x, double negativeSlope) {
        return Activations.leakyRelu(x, negativeSlope);
    }

    /** {@code F.prelu}: see {@link Activations#prelu(Tensor, Tensor)}. */
    public static Tensor prelu(Tensor x, Tensor weight) {
        return Activations.prelu(x, weight);
    }

    /** {@code F.elu}: see {@link Activations#elu(Tensor)}. */
    public static Tensor elu(Tensor x) {
        return Activations.elu(x);
    }

    /** {@code F.elu}: see {@link Activations#elu(Tensor, double)}. */
    public static Tensor elu(Tensor x, double alpha) {
        return Activations.elu(x, alpha);
    }

    /** {@code F.selu}: see {@link Activations#selu(Tensor)}. */
    public static Tensor selu(Tensor x) {
        return Activations.selu(x);
    }

    /** {@code F.celu}: see {@link Activations#celu(Tensor)}. */
    public static Tensor celu(Tensor x) {
        return Activations.celu(x);
    }

    /** {@code F.celu}: see {@link Activations#celu(Tensor, double)}. */
    public static Tensor celu(Tensor x, double alpha) {
        return Activations.celu(x, alpha);
    }

    /** {@code F.gelu}: see {@link Activations#gelu(Tensor)}. */
    public static Tensor gelu(Tensor x) {
        return Activations.gelu(x);
    }

    /** {@code F.gelu}: see {@link Activations#gelu(Tensor, GeluApproximate)}. */
    public static Tensor gelu(Tensor x, GeluApproximate approximate) {
        return Activations.gelu(x, approximate);
    }

    /** {@code F.silu}: see {@link Activations#silu(Tensor)}. */
    public static Tensor silu(Tensor x) {
        return Activations.silu(x);
    }

    /** {@code F.mish}: see {@link Activations#mish(Tensor)}. */
    public static Tensor mish(Tensor x) {
        return Activations.mish(x);
    }

    /** {@code F.sigmoid}: see {@link Activations#sigmoid(Tensor)}. */
    public static Tensor sigmoid(Tensor x) {
        return Activations.sigmoid(x);
    }

    /** {@code F.tanh}: see {@link Activations#tanh(Tensor)}. */
    public static Tensor tanh(Tensor x) {
        return Activations.tanh(x);
    }

    /** {@code F.softplus}: see {@link Activations#softplus(Tensor)}. */
    public static Tensor softplus(Tensor x) {
        return Activations.softplus(x);
    }

    /** {@code F.softplus}: see {@link Activations#softplus(Tensor, double, double)}. */
    public static Tensor softplus(Tensor x, double beta, double threshold) {
        return Activations.softplus(x, beta, threshold);
    }

    /** {@code F.softsign}: see {@link Activations#softsign(Tensor)}. */
    public static Tensor softsign(Tensor x) {
        return Activations.softsign(x);
    }

    /** {@code F.hardtanh}: see {@link Activations#hardtanh(Tensor)}. */
    public static Tensor hardtanh(Tensor x) {
        return Activations.hardtanh(x);
    }

    /** {@code F.hardtanh}: see {@link Activations#hardtanh(Tensor, double, double)}. */
    public static Tensor hardtanh(Tensor x, double minVal, double maxVal) {
        return Activations.hardtanh(x, minVal, maxVal);
    }

    /** {@code F.hardswish}: see {@link Activations#hardswish(Tensor)}. */
    public static Tensor hardswish(Tensor x) {
        return Activations.hardswish(x);
    }

    /** {@code F.hardsigmoid}: see {@link Activations#hardsigmoid(Tensor)}. */
    public static Tensor hardsigmoid(Tensor x) {
        return Activations.hardsigmoid(x);
    }

    /** {@code F.identity}: see {@link Activations#identity(Tensor)}. */
    public static Tensor identity(Tensor x) {
        return Activations.identity(x);
    }

    // ------------------------------------------------------------------ linear and flatten (Dense)

    /** {@code F.linear}: see {@link Dense#linear(Tensor, Tensor, Tensor)}. */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        return Dense.linear(x, weight, bias);
    }

    /** {@code F.flatten}: see {@link Dense#flatten(Tensor)}. */
    public static Tensor flatten(Tensor x) {
        return Dense.flatten(x);
    }

    /** {@code F.flatten}: see {@link Dense#flatten(Tensor, int, int)}. */
    public static Tensor flatten(Tensor x, int startDim, int endDim) {
        return Dense.flatten(x, startDim, endDim);
    }

    // ------------------------------------------------------------------ dropout (Dropouts)

    /** {@code F.dropout}: see {@link Dropouts#dropout(Tensor, double, boolean, Generator)}. */
    public static Tensor dropout(Tensor x, double p, boolean training, Generator gen) {
        return Dropouts.dropout(x, p, training, gen);
    }

    /** {@code F.dropout(x, p, training)} drawing its mask from the default generator: see {@link Dropouts#dropout}. */
    public static Tensor dropout(Tensor x, double p, boolean training) {
        return Dropouts.dropout(x, p, training, Generator.defaultGenerator());
    }

    // ------------------------------------------------------------------ normalisation (Normalization)

    /** {@code F.batch_norm}: see {@link Normalization#batchNorm2d(Tensor, Tensor, Tensor, Tensor, Tensor, boolean)}. */
    public static Tensor batchNorm(Tensor x, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                   boolean training) {
        return Normalization.batchNorm2d(x, runningMean, runningVar, weight, bias, training);
    }

    /**
     * {@code F.batch_norm}: see
     * {@link Normalization#batchNorm2d(Tensor, Tensor, Tensor, Tensor, Tensor, boolean, double, double)}.
     */
    public static Tensor batchNorm(Tensor x, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                   boolean training, double momentum, double eps) {
        return Normalization.batchNorm2d(x, runningMean, runningVar, weight, bias, training, momentum, eps);
    }

    // ------------------------------------------------------------------ softmax (Softmax)

    /** {@code F.log_softmax}: see {@link Softmax#logSoftmax(Tensor, int)}. */
    public static Tensor logSoftmax(Tensor x, int dim) {
        return Softmax.logSoftmax(x, dim);
    }

    /** {@code F.softmax}: see {@link Softmax#softmax(Tensor, int)}. */
    public static Tensor softmax(Tensor x, int dim) {
        return Softmax.softmax(x, dim);
    }

    // ------------------------------------------------------------------ losses (Losses)

    /** {@code F.nll_loss}: see {@link Losses#nllLoss(Tensor, int[])}. */
    public static Tensor nllLoss(Tensor input, int[] target) {
        return Losses.nllLoss(input, target);
    }

    /** {@code F.nll_loss}: see {@link Losses#nllLoss(Tensor, IndexTensor, Reduction)}. */
    public static Tensor nllLoss(Tensor input, IndexTensor target, Reduction reduction) {
        return Losses.nllLoss(input, target, reduction);
    }

    /** {@code F.nll_loss}: see {@link Losses#nllLoss(Tensor, int[], Reduction)}. */
    public static Tensor nllLoss(Tensor input, int[] target, Reduction reduction) {
        return Losses.nllLoss(input, target, reduction);
    }

    /** {@code F.cross_entropy}: see {@link Losses#crossEntropy(Tensor, int[])}. */
    public static Tensor crossEntropy(Tensor logits, int[] target) {
        return Losses.crossEntropy(logits, target);
    }

    /** {@code F.cross_entropy}: see {@link Losses#crossEntropy(Tensor, int[], Reduction)}. */
    public static Tensor crossEntropy(Tensor logits, int[] target, Reduction reduction) {
        return Losses.crossEntropy(logits, target, reduction);
    }

    /** {@code F.cross_entropy}: see {@link Losses#crossEntropy(Tensor, IndexTensor, Reduction, double)}. */
    public static Tensor crossEntropy(Tensor logits, IndexTensor target, Reduction reduction, double labelSmoothing) {
        return Losses.crossEntropy(logits, target, reduction, labelSmoothing);
    }

    /** {@code F.cross_entropy}: see {@link Losses#crossEntropy(Tensor, int[], Reduction, double)}. */
    public static Tensor crossEntropy(Tensor logits, int[] target, Reduction reduction, double labelSmoothing) {
        return Losses.crossEntropy(logits, target, reduction, labelSmoothing);
    }

    /** {@code F.nll_loss(input, target, weight, ignore_index, reduction)}: see {@link Losses#nllLoss(Tensor, IndexTensor, LossOptions)}. */
    public static Tensor nllLoss(Tensor input, IndexTensor target, LossOptions options) {
        return Losses.nllLoss(input, target, options);
    }

    /** {@code F.cross_entropy} with class indices: see {@link Losses#crossEntropy(Tensor, IndexTensor, LossOptions)}. */
    public static Tensor crossEntropy(Tensor logits, IndexTensor target, LossOptions options) {
        return Losses.crossEntropy(logits, target, options);
    }

    /** {@code F.nll_loss} with options: see {@link Losses#nllLoss(Tensor, int[], LossOptions)}. */
    public static Tensor nllLoss(Tensor input, int[] target, LossOptions options) {
        return Losses.nllLoss(input, target, options);
    }

    /** {@code F.cross_entropy} with options: see {@link Losses#crossEntropy(Tensor, int[], LossOptions)}. */
    public static Tensor crossEntropy(Tensor logits, int[] target, LossOptions options) {
        return Losses.crossEntropy(logits, target, options);
    }

    /** {@code F.cross_entropy(logits, probabilities)}: see {@link Losses#crossEntropy(Tensor, Tensor)}. */
    public static Tensor crossEntropy(Tensor logits, Tensor target) {
        return Losses.crossEntropy(logits, target);
    }

    /** {@code F.cross_entropy} with class probabilities: see {@link Losses#crossEntropy(Tensor, Tensor, LossOptions)}. */
    public static Tensor crossEntropy(Tensor logits, Tensor target, LossOptions options) {
        return Losses.crossEntropy(logits, target, options);
    }

    /** {@code F.mse_loss}: see {@link Losses#mseLoss(Tensor, Tensor)}. */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        return Losses.mseLoss(input, target);
    }

    /** {@code F.mse_loss}: see {@link Losses#mseLoss(Tensor, Tensor, Reduction)}. */
    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        return Losses.mseLoss(input, target, reduction);
    }

    // ------------------------------------------------------------------ padding (Padding)

    /** {@code F.pad}: see {@link Padding#pad(Tensor, int, int, int, int)}. */
    public static Tensor pad(Tensor x, int left, int right, int top, int bottom) {
        return Padding.pad(x, left, right, top, bottom);
    }

    /** {@code F.pad}: see {@link Padding#pad(Tensor, int, int, int, int, PadMode)}. */
    public static Tensor pad(Tensor x, int left, int right, int top, int bottom, PadMode mode) {
        return Padding.pad(x, left, right, top, bottom, mode);
    }

    /** {@code F.pad}: see {@link Padding#pad(Tensor, int, int, int, int, PadMode, double)}. */
    public static Tensor pad(Tensor x, int left, int right, int top, int bottom, PadMode mode, double value) {
        return Padding.pad(x, left, right, top, bottom, mode, value);
    }
}
