/**
 * Reverse-mode automatic differentiation, PyTorch's {@code torch.autograd}: ops record a
 * {@link org.poolact.autograd.Node} (the {@code grad_fn}, under PyTorch 2.x's name) with a backward
 * closure; {@link org.poolact.autograd.Autograd#backward} runs them in reverse topological order and
 * accumulates gradients; {@link org.poolact.autograd.GradMode} is {@code torch.no_grad}.
 */
package org.poolact.autograd;
