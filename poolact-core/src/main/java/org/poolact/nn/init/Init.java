package org.poolact.nn.init;

import org.poolact.autograd.GradMode;
import org.poolact.random.Generator;
import org.poolact.random.Random;
import org.poolact.tensor.Tensor;

/**
 * Parameter initialisers: {@code torch.nn.init}, with the same formulas, defaults and order of draws,
 * so that for float32 they give the same bits as torch for the same generator state. All fill in
 * place without recording autograd and return the tensor. Bounds and standard deviations are computed
 * in double exactly as torch's Python code does (e.g. {@code bound = sqrt(3) * (gain / sqrt(fan))},
 * which is not always the same double as {@code gain * sqrt(3 / fan)}); the kernels then round them
 * to float as torch's do.
 */
public final class Init {
    private Init() {
    }

    /** The {@code nonlinearity} argument of {@code calculate_gain} and the kaiming initialisers. */
    public enum Nonlinearity {
        LINEAR, CONV1D, CONV2D, CONV3D, CONV_TRANSPOSE1D, CONV_TRANSPOSE2D, CONV_TRANSPOSE3D, SIGMOID, TANH, RELU,
        LEAKY_RELU, SELU
    }

    /** The {@code mode} argument of the kaiming initialisers. */
    public enum FanMode {
        /** Preserves the variance of the forward pass (torch's default). */
        FAN_IN,
        /** Preserves the variance of the backward pass. */
        FAN_OUT
    }

    /**
     * {@code nn.init.calculate_gain(nonlinearity, param)}: 1 for linear, conv* and sigmoid; 5/3 for
     * tanh; sqrt(2) for relu; sqrt(2 / (1 + negative_slope^2)) for leaky_relu (negative_slope =
     * {@code param}, 0.01 when {@code param} is null); 3/4 for selu.
     */
    public static double calculateGain(Nonlinearity nonlinearity, Double param) {
        switch (nonlinearity) {
            case LINEAR, CONV1D, CONV2D, CONV3D, CONV_TRANSPOSE1D, CONV_TRANSPOSE2D, CONV_TRANSPOSE3D, SIGMOID:
                return 1;
            case TANH:
                return 5.0 / 3;
            case RELU:
                return Math.sqrt(2.0);
            case LEAKY_RELU:
                double slope = param == null ? 0.01 : param;
                return Math.sqrt(2.0 / (1 + slope * slope));
            case SELU:
                return 3.0 / 4;
            default:
                throw new IllegalArgumentException("calculate_gain: unsupported nonlinearity " + nonlinearity);
        }
    }

    /** {@code calculate_gain(nonlinearity)} with no parameter. */
    public static double calculateGain(Nonlinearity nonlinearity) {
        return calculateGain(nonlinearity, null);
    }

    /** {@code calculate_gain('leaky_relu', a)} = sqrt(2 / (1 + a^2)). */
    public static double leakyReluGain(double a) {
        return calculateGain(Nonlinearity.LEAKY_RELU, a);
    }

    /**
     * fan_in and fan_out of a weight, {@code _calculate_fan_in_and_fan_out}: with
     * receptive = product of sizes from dim 2 on, fan_in = size(1) * receptive and
     * fan_out = size(0) * receptive.
     */
    public static int[] fanInAndFanOut(Tensor w) {
        if (w.dim() < 2) {
            throw new IllegalArgumentException("Fan in and fan out can not be computed for tensor with fewer than 2 "
                    + "dimensions: expected dim >= 2, got " + w.dim());
        }
        int receptive = 1;
        for (int d = 2; d < w.dim(); d++) {
            receptive *= w.size(d);
        }
        return new int[] {w.size(1) * receptive, w.size(0) * receptive};
    }

    // ------------------------------------------------------------------ plain fills

    /** {@code nn.init.uniform_(t, a, b, generator)}: {@code t.uniform_(a, b)} ({@link Random#uniform_}). */
    public static Tensor uniform_(Tensor t, double a, double b, Generator g) {
        return Random.uniform_(t, a, b, g);
    }

    /** {@code nn.init.uniform_(t, a, b)} on the default generator. */
    public static Tensor uniform_(Tensor t, double a, double b) {
        return uniform_(t, a, b, Generator.defaultGenerator());
    }

    /** {@code nn.init.normal_(t, mean, std, generator)}: {@code t.normal_(mean, std)} ({@link Random#normal_}). */
    public static Tensor normal_(Tensor t, double mean, double std, Generator g) {
        return Random.normal_(t, mean, std, g);
    }

    /** {@code nn.init.normal_(t, mean, std)} on the default generator. */
    public static Tensor normal_(Tensor t, double mean, double std) {
        return normal_(t, mean, std, Generator.defaultGenerator());
    }

    /** {@code nn.init.constant_(t, val)}: no random draw. */
    public static Tensor constant_(Tensor t, double val) {
        try (var ignored = GradMode.noGrad()) {
            for (int i = 0; i < t.numel(); i++) {
                t.setFlat(i, val);
            }
        }
        return t;
    }

    /** {@code nn.init.ones_(t)}. */
    public static Tensor ones_(Tensor t) {
        return constant_(t, 1);
    }

    /** {@code nn.init.zeros_(t)}. */
    public static Tensor zeros_(Tensor t) {
        return constant_(t, 0);
    }

    // ------------------------------------------------------------------ kaiming (He)

    /** std = gain / sqrt(fan) of the kaiming initialisers. */
    private static double kaimingStd(Tensor t, double a, FanMode mode, Nonlinearity nonlinearity) {
        int[] fans = fanInAndFanOut(t);
        int fan = mode == FanMode.FAN_IN ? fans[0] : fans[1];
        double gain = calculateGain(nonlinearity, a);
        return gain / Math.sqrt(fan);
    }

    /**
     * {@code nn.init.kaiming_uniform_(t, a, mode, nonlinearity, generator)}: U(-bound, bound) with
     * {@code bound = sqrt(3) * gain / sqrt(fan)} (evaluated as {@code sqrt(3.0) * (gain / sqrt(fan))}).
     * A tensor with no element is returned unchanged (torch warns).
     */
    public static Tensor kaimingUniform_(Tensor t, double a, FanMode mode, Nonlinearity nonlinearity, Generator g) {
        if (t.numel() == 0) {
            return t;
        }
        double bound = Math.sqrt(3.0) * kaimingStd(t, a, mode, nonlinearity);
        return uniform_(t, -bound, bound, g);
    }

    /** {@code kaiming_uniform_(t, a)}: mode fan_in, nonlinearity leaky_relu (what nn.Linear and nn.Conv2d use with a = sqrt(5)). */
    public static Tensor kaimingUniform_(Tensor t, double a, Generator g) {
        return kaimingUniform_(t, a, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, g);
    }

    /** {@code kaiming_uniform_(t)} with torch's defaults (a = 0, fan_in, leaky_relu) on the default generator. */
    public static Tensor kaimingUniform_(Tensor t) {
        return kaimingUniform_(t, 0, Generator.defaultGenerator());
    }

    /**
     * {@code nn.init.kaiming_normal_(t, a, mode, nonlinearity, generator)}: N(0, std^2) with
     * {@code std = gain / sqrt(fan)}. A tensor with no element is returned unchanged.
     */
    public static Tensor kaimingNormal_(Tensor t, double a, FanMode mode, Nonlinearity nonlinearity, Generator g) {
        if (t.numel() == 0) {
            return t;
        }
        return normal_(t, 0, kaimingStd(t, a, mode, nonlinearity), g);
    }

    /** {@code kaiming_normal_(t, a)}: mode fan_in, nonlinearity leaky_relu. */
    public static Tensor kaimingNormal_(Tensor t, double a, Generator g) {
        return kaimingNormal_(t, a, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, g);
    }

    /** {@code kaiming_normal_(t)} with torch's defaults (a = 0, fan_in, leaky_relu) on the default generator. */
    public static Tensor kaimingNormal_(Tensor t) {
        return kaimingNormal_(t, 0, Generator.defaultGenerator());
    }

    // ------------------------------------------------------------------ xavier (Glorot)

    private static double xavierStd(Tensor t, double gain) {
        int[] fans = fanInAndFanOut(t);
        return gain * Math.sqrt(2.0 / (double) (fans[0] + fans[1]));
    }

    /**
     * {@code nn.init.xavier_uniform_(t, gain, generator)}: U(-a, a) with
     * {@code a = sqrt(3) * gain * sqrt(2 / (fan_in + fan_out))} (evaluated as {@code sqrt(3.0) * std}).
     */
    public static Tensor xavierUniform_(Tensor t, double gain, Generator g) {
        double a = Math.sqrt(3.0) * xavierStd(t, gain);
        return uniform_(t, -a, a, g);
    }

    /** {@code xavier_uniform_(t)}: gain 1, default generator. */
    public static Tensor xavierUniform_(Tensor t) {
        return xavierUniform_(t, 1.0, Generator.defaultGenerator());
    }

    /** {@code nn.init.xavier_normal_(t, gain, generator)}: N(0, std^2), std = gain * sqrt(2 / (fan_in + fan_out)). */
    public static Tensor xavierNormal_(Tensor t, double gain, Generator g) {
        return normal_(t, 0.0, xavierStd(t, gain), g);
    }

    /** {@code xavier_normal_(t)}: gain 1, default generator. */
    public static Tensor xavierNormal_(Tensor t) {
        return xavierNormal_(t, 1.0, Generator.defaultGenerator());
    }
}
