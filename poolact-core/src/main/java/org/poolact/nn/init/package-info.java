/**
 * Parameter initialisers, PyTorch's {@code torch.nn.init} ({@code uniform_}, {@code normal_},
 * {@code kaiming_uniform_}, {@code kaiming_normal_}, {@code xavier_uniform_}, {@code xavier_normal_}),
 * drawing from {@link org.poolact.random.Generator} in the same order and way as torch.
 */
package org.poolact.nn.init;
