package org.poolact.kernels;

import org.poolact.kernels.Conv2dKernel.Geometry;

/**
 * A cursor over the kernel taps of one sample and group, in im2col row order: input channel ci of the
 * group, then kernel row i, then kernel column j. For the current tap it holds where its input plane
 * and its im2col row start, and which outputs read the input rather than padding: output (y, x)
 * reads input (y * strideH + dy, x * strideW + dx), which lies inside the input exactly for rows
 * [y0, y1) and columns [x0, x1). The float and double im2col/col2im walk the same taps through it.
 *
 * <p>One cursor per im2col or col2im call; {@link #next()} allocates nothing.
 */
final class ConvTaps {
    private final Geometry g;
    private final int firstPlane;
    private final int plane;
    private int ci;
    private int i;
    private int j = -1;
    private int row = -1;

    /** Offset of the tap's input plane (sample b, channel grp * cg + ci). */
    int inOff;
    /** Offset of the tap's im2col row, {@code ((ci * kh + i) * kw + j) * oh * ow}. */
    int colOff;
    /** Input row of output row 0: {@code i * dilationH - padTop}. */
    int dy;
    /** Input column of output column 0: {@code j * dilationW - padLeft}. */
    int dx;
    /** The output rows [y0, y1) whose input row is inside [0, h); y0 == y1 when none. */
    int y0;
    int y1;
    /** The output columns [x0, x1) whose input column is inside [0, w); x0 == x1 when none. */
    int x0;
    int x1;

    /** Before the first tap of sample {@code b}, group {@code grp}; call {@link #next()} first. */
    ConvTaps(Geometry g, int b, int grp) {
        this.g = g;
        this.plane = g.h() * g.w();
        this.firstPlane = (b * g.c() + grp * g.cg()) * plane;
    }

    /** Moves to the next tap; false after the last. */
    boolean next() {
        row++;
        if (++j == g.kw()) {
            j = 0;
            if (++i == g.kh()) {
                i = 0;
                ci++;
            }
        }
        if (ci == g.cg()) {
            return false;
        }
        inOff = firstPlane + ci * plane;
        colOff = row * g.colCols();
        dy = i * g.dilationH() - g.padTop();
        dx = j * g.dilationW() - g.padLeft();
        y0 = firstInside(dy, g.strideH(), g.oh());
        y1 = endInside(dy, g.strideH(), g.h(), g.oh(), y0);
        x0 = firstInside(dx, g.strideW(), g.ow());
        x1 = endInside(dx, g.strideW(), g.w(), g.ow(), x0);
        return true;
    }

    /** The first k with {@code k * stride + offset >= 0}, at most outSize. */
    private static int firstInside(int offset, int stride, int outSize) {
        return offset >= 0 ? 0 : Math.min(outSize, (-offset + stride - 1) / stride);
    }

    /** One past the last k below outSize with {@code k * stride + offset < size}; at least start. */
    private static int endInside(int offset, int stride, int size, int outSize, int start) {
        int last = size - 1 - offset;
        return last < 0 ? start : Math.max(start, Math.min(outSize, last / stride + 1));
    }
}
