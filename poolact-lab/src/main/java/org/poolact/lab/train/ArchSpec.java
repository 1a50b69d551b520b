package org.poolact.lab.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A CNN written as a compact, comma-separated layer spec, e.g. {@code c32k3p1,A,P2,c64k3p1,A,P2,f128,A,f10}:
 * <ul>
 *   <li>{@code c<out>k<k>[s<s>][p<p>]}: {@code Conv2d(in, out, kernel_size=k, stride=s, padding=p)}
 *       (stride 1 and padding 0 when left out; the kernel size is required);</li>
 *   <li>{@code A}: the activation ({@code --act});</li>
 *   <li>{@code P<k>}: the pooling ({@code --pool}) with kernel and stride k;</li>
 *   <li>{@code B}: {@code BatchNorm2d} over the channels of the conv before it;</li>
 *   <li>{@code D<p>}: {@code Dropout(p)};</li>
 *   <li>{@code f<out>}: {@code Linear(in, out)}; a {@code Flatten()} is inserted before the first one.</li>
 * </ul>
 * Input channels and feature counts follow from the input shape ({@link #shapes}). The spec is
 * written once; {@link #withOrder} arranges every adjacent activation/pooling pair in the order
 * under study, so both orders share all other layers and, built from the same generator, the same
 * initial weights.
 */
public final class ArchSpec {
    /** The default, LeNet-style model: conv(1->32, 3x3, pad 1) - block - conv(32->64, 3x3, pad 1) - block - fc(128) - act - fc(10). */
    public static final String DEFAULT = "c32k3p1,A,P2,c64k3p1,A,P2,f128,A,f10";
    /** {@link #DEFAULT} with a BatchNorm2d after each conv. */
    public static final String DEFAULT_BATCHNORM = "c32k3p1,B,A,P2,c64k3p1,B,A,P2,f128,A,f10";

    private static final Pattern CONV = Pattern.compile("c(\\d+)((?:[ksp]\\d+)*)");
    private static final Pattern CONV_PART = Pattern.compile("([ksp])(\\d+)");
    private static final Pattern POOL = Pattern.compile("P(\\d+)");
    private static final Pattern DROPOUT = Pattern.compile("D([0-9]*\\.?[0-9]+(?:[eE][-+]?\\d+)?)");
    private static final Pattern LINEAR = Pattern.compile("f(\\d+)");

    private final List<LayerSpec> layers;

    private ArchSpec(List<LayerSpec> layers) {
        this.layers = Collections.unmodifiableList(new ArrayList<>(layers));
    }

    /** A spec from layers given directly. */
    public static ArchSpec of(List<LayerSpec> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("arch: expected at least one layer but got none");
        }
        return new ArchSpec(layers);
    }

    /** The default model, with a BatchNorm2d after each conv when {@code batchNorm}. */
    public static ArchSpec defaultModel(boolean batchNorm) {
        return parse(batchNorm ? DEFAULT_BATCHNORM : DEFAULT);
    }

    /**
     * Reads a compact spec (whitespace around tokens is ignored).
     *
     * @throws IllegalArgumentException naming the token, its 1-based index and column, what was
     *                                  expected and what came
     */
    public static ArchSpec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("arch: expected a layer spec such as " + DEFAULT + " but got an empty string");
        }
        List<LayerSpec> out = new ArrayList<>();
        int start = 0;
        int index = 1;
        while (start <= spec.length()) {
            int end = spec.indexOf(',', start);
            if (end < 0) {
                end = spec.length();
            }
            String raw = spec.substring(start, end);
            int column = start + 1 + (raw.length() - raw.stripLeading().length());
            out.add(parseToken(raw.strip(), index, column));
            start = end + 1;
            index++;
        }
        return new ArchSpec(out);
    }

    private static LayerSpec parseToken(String tok, int index, int column) {
        if (tok.isEmpty()) {
            throw error(index, column, tok, "empty token (two commas in a row or a trailing comma)");
        }
        Matcher m;
        switch (tok.charAt(0)) {
            case 'A':
                if (!tok.equals("A")) {
                    throw error(index, column, tok, "the activation token is just 'A'");
                }
                return new LayerSpec.Act();
            case 'B':
                if (!tok.equals("B")) {
                    throw error(index, column, tok, "the batch norm token is just 'B'");
                }
                return new LayerSpec.BatchNorm();
            case 'P':
                m = POOL.matcher(tok);
                if (!m.matches()) {
                    throw error(index, column, tok, "expected pooling as P<kernel>, e.g. P2");
                }
                return new LayerSpec.Pool(positive(m.group(1), "pooling kernel", index, column, tok));
            case 'D':
                m = DROPOUT.matcher(tok);
                if (!m.matches()) {
                    throw error(index, column, tok, "expected dropout as D<p>, e.g. D0.5");
                }
                double p = Double.parseDouble(m.group(1));
                if (!(p >= 0 && p <= 1)) {
                    throw error(index, column, tok, "dropout probability has to be between 0 and 1, but got " + p);
                }
                return new LayerSpec.Dropout(p);
            case 'f':
                m = LINEAR.matcher(tok);
                if (!m.matches()) {
                    throw error(index, column, tok, "expected a linear layer as f<out_features>, e.g. f128");
                }
                return new LayerSpec.Linear(positive(m.group(1), "out_features", index, column, tok));
            case 'c':
                return parseConv(tok, index, column);
            default:
                throw error(index, column, tok, "unknown layer '" + tok.charAt(0)
                        + "'; expected c (conv), A (activation), P (pooling), B (batch norm), D (dropout) or f (linear)");
        }
    }

    private static LayerSpec parseConv(String tok, int index, int column) {
        Matcher m = CONV.matcher(tok);
        if (!m.matches()) {
            throw error(index, column, tok, "expected a conv as c<out>k<kernel>[s<stride>][p<padding>], e.g. c32k3p1");
        }
        int out = positive(m.group(1), "out_channels", index, column, tok);
        Integer k = null;
        Integer s = null;
        Integer p = null;
        Matcher part = CONV_PART.matcher(m.group(2));
        while (part.find()) {
            String key = part.group(1);
            String value = part.group(2);
            boolean dup = switch (key) {
                case "k" -> k != null;
                case "s" -> s != null;
                default -> p != null;
            };
            if (dup) {
                throw error(index, column, tok, "'" + key + "' given twice");
            }
            switch (key) {
                case "k" -> k = positive(value, "kernel_size", index, column, tok);
                case "s" -> s = positive(value, "stride", index, column, tok);
                default -> p = parseInt(value, "padding", index, column, tok);
            }
        }
        if (k == null) {
            throw error(index, column, tok, "a conv needs its kernel size, e.g. c" + out + "k3");
        }
        return new LayerSpec.Conv(out, k, s == null ? 1 : s, p == null ? 0 : p);
    }

    private static int positive(String digits, String what, int index, int column, String tok) {
        int v = parseInt(digits, what, index, column, tok);
        if (v <= 0) {
            throw error(index, column, tok, what + " has to be positive, but got " + v);
        }
        return v;
    }

    private static int parseInt(String digits, String what, int index, int column, String tok) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw error(index, column, tok, what + " is too large: " + digits);
        }
    }

    private static IllegalArgumentException error(int index, int column, String tok, String what) {
        return new IllegalArgumentException("arch: token " + index + " '" + tok + "' at column " + column + ": " + what);
    }

    /** The layers in order. */
    public List<LayerSpec> layers() {
        return layers;
    }

    /**
     * This spec with every adjacent activation/pooling pair ({@code A,P} or {@code P,A}) put in
     * {@code order}: {@code pool-act} turns {@code A,P} into {@code P,A}; {@code act-pool} does the
     * reverse. Other layers keep their place.
     */
    public ArchSpec withOrder(BlockOrder order) {
        List<LayerSpec> out = new ArrayList<>(layers);
        for (int i = 0; i + 1 < out.size(); i++) {
            LayerSpec a = out.get(i);
            LayerSpec b = out.get(i + 1);
            boolean pair = (a instanceof LayerSpec.Act && b instanceof LayerSpec.Pool)
                    || (a instanceof LayerSpec.Pool && b instanceof LayerSpec.Act);
            if (pair) {
                LayerSpec act = a instanceof LayerSpec.Act ? a : b;
                LayerSpec pool = a instanceof LayerSpec.Pool ? a : b;
                out.set(i, order == BlockOrder.ACT_POOL ? act : pool);
                out.set(i + 1, order == BlockOrder.ACT_POOL ? pool : act);
                i++;
            }
        }
        return new ArchSpec(out);
    }

    /**
     * The output shape of each layer (without the batch dimension) for a {@code [channels, height,
     * width]} input, checking that the spec builds a classifier of {@code numClasses} outputs.
     *
     * @throws IllegalArgumentException naming the first layer that cannot take its input
     */
    public List<int[]> shapes(int channels, int height, int width, int numClasses) {
        List<int[]> out = new ArrayList<>();
        int c = channels;
        int h = height;
        int w = width;
        Integer features = null;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            String where = "arch: layer " + (i + 1) + " '" + l + "'";
            if (l instanceof LayerSpec.Conv conv) {
                if (features != null) {
                    throw new IllegalArgumentException(where + ": a conv cannot follow a linear layer");
                }
                int oh = (h + 2 * conv.padding() - conv.kernelSize()) / conv.stride() + 1;
                int ow = (w + 2 * conv.padding() - conv.kernelSize()) / conv.stride() + 1;
                if (h + 2 * conv.padding() < conv.kernelSize() || w + 2 * conv.padding() < conv.kernelSize()) {
                    throw new IllegalArgumentException(where + ": kernel " + conv.kernelSize()
                            + " is larger than its padded input " + (h + 2 * conv.padding()) + "x" + (w + 2 * conv.padding()));
                }
                c = conv.outChannels();
                h = oh;
                w = ow;
            } else if (l instanceof LayerSpec.Pool pool) {
                if (features != null) {
                    throw new IllegalArgumentException(where + ": pooling needs a 2-D map but follows a linear layer");
                }
                if (h < pool.kernelSize() || w < pool.kernelSize()) {
                    throw new IllegalArgumentException(where + ": kernel " + pool.kernelSize() + " is larger than its input "
                            + h + "x" + w);
                }
                h = (h - pool.kernelSize()) / pool.kernelSize() + 1;
                w = (w - pool.kernelSize()) / pool.kernelSize() + 1;
            } else if (l instanceof LayerSpec.BatchNorm) {
                if (features != null) {
                    throw new IllegalArgumentException(where + ": BatchNorm2d needs a 2-D map but follows a linear layer");
                }
            } else if (l instanceof LayerSpec.Linear lin) {
                features = lin.outFeatures();
            }
            out.add(features == null ? new int[] {c, h, w} : new int[] {features});
        }
        if (!(layers.get(layers.size() - 1) instanceof LayerSpec.Linear last) || last.outFeatures() != numClasses) {
            throw new IllegalArgumentException("arch: expected the last layer to be f" + numClasses + " (one output per class) but got '"
                    + layers.get(layers.size() - 1) + "'");
        }
        return out;
    }

    /** The canonical compact spec, which {@link #parse} reads back to an equal spec. */
    @Override
    public String toString() {
        return layers.stream().map(LayerSpec::toString).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArchSpec a && a.layers.equals(layers);
    }

    @Override
    public int hashCode() {
        return layers.hashCode();
    }
}
