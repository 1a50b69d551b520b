/**
 * Convolution layers ({@code torch.nn.Conv2d}): a thin module over
 * {@link org.poolact.nn.functional.Convolution} holding weight and bias, initialised as torch's
 * {@code reset_parameters} and printing PyTorch's repr.
 */
package org.poolact.nn.conv;
