package org.poolact.cli.options;

import org.poolact.lab.order.PoolConfig;
import org.poolact.lab.order.PoolType;
import org.poolact.nn.functional.Size2;

import picocli.CommandLine.Option;

/**
 * The pooling options shared by {@code demo} and {@code compare}: PyTorch's {@code kernel_size},
 * {@code stride}, {@code padding}, {@code ceil_mode} and {@code count_include_pad}, with its defaults.
 */
public final class PoolOptions {
    @Option(names = "--kernel", paramLabel = "N|H,W", defaultValue = "2", converter = Size2Converter.class,
            description = "Pooling kernel_size (default: ${DEFAULT-VALUE}).")
    Size2 kernel = Size2.of(2);

    @Option(names = "--stride", paramLabel = "N|H,W", converter = Size2Converter.class,
            description = "Pooling stride (default: the kernel size).")
    Size2 stride;

    @Option(names = "--padding", paramLabel = "N|H,W", defaultValue = "0", converter = Size2Converter.class,
            description = "Pooling padding, at most half the kernel (default: ${DEFAULT-VALUE}).")
    Size2 padding = Size2.of(0);

    @Option(names = "--ceil-mode", arity = "0..1", paramLabel = "true|false", description = "Use ceil instead of floor for the output size (default: false).")
    boolean ceilMode;

    @Option(names = "--count-include-pad", paramLabel = "true|false", arity = "1", defaultValue = "true",
            description = "Average pooling: count zero padding in the divisor (default: ${DEFAULT-VALUE}).")
    boolean countIncludePad = true;

    /** These options for a max or avg pooling (the stride stays null for PyTorch's default, the kernel size). */
    public PoolConfig config(PoolType type) {
        return new PoolConfig(type, kernel, stride, padding, ceilMode, countIncludePad, null, 0, null);
    }
}
