package org.poolact.cli.options;

import org.poolact.lab.order.PoolType;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --pool max|avg} of {@code compare}: the two poolings whose options ({@link PoolOptions}) the
 * command takes; the other {@link PoolType}s belong to {@code analyze --pools}.
 */
public final class MaxOrAvgConverter implements ITypeConverter<PoolType> {
    @Override
    public PoolType convert(String value) {
        PoolType t;
        try {
            t = PoolType.parse(value);
        } catch (IllegalArgumentException e) {
            t = null;
        }
        if (t != PoolType.MAX && t != PoolType.AVG) {
            throw new TypeConversionException("expected max or avg, got '" + value + "'"
                    + (t == null ? "" : " (analyze --pools covers " + t.label() + ")"));
        }
        return t;
    }
}
