package org.poolact.nn.functional;

import java.util.Locale;

/** The {@code approximate} argument of {@code F.gelu} / {@code nn.GELU}: {@code 'none'} (default) or {@code 'tanh'}. */
public enum GeluApproximate {
    /** Exact form x * Phi(x) = 0.5 * x * (1 + erf(x / sqrt(2))). */
    NONE,
    /** 0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3))). */
    TANH;

    /** The string PyTorch uses, {@code none} or {@code tanh}. */
    public String pytorchName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses PyTorch's spelling.
     *
     * @throws IllegalArgumentException for anything but {@code none} or {@code tanh}
     */
    public static GeluApproximate fromPytorchName(String s) {
        for (GeluApproximate a : values()) {
            if (a.pytorchName().equals(s)) {
                return a;
            }
        }
        throw new IllegalArgumentException("gelu: approximate argument must be either none or tanh, got '" + s + "'");
    }
}
