/**
 * Pooling layers ({@code torch.nn.MaxPool2d}, {@code AvgPool2d}, {@code AdaptiveAvgPool2d},
 * {@code AdaptiveMaxPool2d}, {@code LPPool2d}): thin modules over
 * {@link org.poolact.nn.functional.Pooling}, printing PyTorch's repr.
 */
package org.poolact.nn.pooling;
