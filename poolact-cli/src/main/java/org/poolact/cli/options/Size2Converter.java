package org.poolact.cli.options;

import org.poolact.nn.functional.Size2;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a size given as {@code N} or as a pair {@code H,W}, like PyTorch's {@code int or (int, int)}. */
public final class Size2Converter implements ITypeConverter<Size2> {
    @Override
    public Size2 convert(String value) {
        String[] parts = value.strip().split("\\s*,\\s*", -1);
        try {
            if (parts.length == 1) {
                return Size2.of(Integer.parseInt(parts[0]));
            }
            if (parts.length == 2) {
                return Size2.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TypeConversionException("expected an integer N or a pair H,W, got '" + value + "'");
    }
}
