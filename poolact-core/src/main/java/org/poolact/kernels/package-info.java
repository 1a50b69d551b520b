/**
 * Plain compute kernels under the functional ops (GEMM, convolution, pooling windows, batch
 * norm, softmax, padding, point-wise maps): loops over contiguous arrays, with no autograd and no
 * argument checks, so a faster kernel can replace one without touching its callers. PyTorch's
 * counterpart is ATen's CPU kernels ({@code aten/src/ATen/native/cpu}).
 */
package org.poolact.kernels;
