package org.poolact.kernels;

/**
 * The geometry of a 2-D sliding-window pool over planes of {@code inH x inW} values, giving
 * {@code outH x outW} outputs. Validated by the caller ({@code org.poolact.nn.functional.Pooling}).
 *
 * @param kH kernel height
 * @param kW kernel width
 * @param sH stride along H
 * @param sW stride along W
 * @param pH implicit padding on top and bottom
 * @param pW implicit padding on left and right
 * @param dH dilation along H (1 for average pooling)
 * @param dW dilation along W
 */
public record PoolWindow(int kH, int kW, int sH, int sW, int pH, int pW, int dH, int dW,
                         int inH, int inW, int outH, int outW) {
}
