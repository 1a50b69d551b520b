/**
 * Activation layers, {@code torch.nn} style: thin modules over
 * {@link org.poolact.nn.functional.Activations} with PyTorch's names, defaults and reprs
 * ({@code ReLU()}, {@code LeakyReLU(negative_slope=0.01)}, {@code PReLU(num_parameters=1)},
 * {@code GELU(approximate='none')}, {@code Softplus(beta=1.0, threshold=20.0)}, ...), and {@code Softmax(dim)} and
 * {@code LogSoftmax(dim)} over {@link org.poolact.nn.functional.Softmax}.
 * The {@code inplace} flags of PyTorch's modules are not offered.
 */
package org.poolact.nn.activation;
