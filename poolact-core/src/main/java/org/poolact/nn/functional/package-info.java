/**
 * The ops in functional form, PyTorch's {@code torch.nn.functional}: one class per concern
 * ({@link org.poolact.nn.functional.Convolution}, {@link org.poolact.nn.functional.Pooling},
 * {@link org.poolact.nn.functional.Activations}, {@link org.poolact.nn.functional.Dense}, ...), their option
 * records, and {@link org.poolact.nn.functional.F}, one index of them all for
 * {@code import static org.poolact.nn.functional.F.*}. Modules in the sibling packages delegate here.
 */
package org.poolact.nn.functional;
