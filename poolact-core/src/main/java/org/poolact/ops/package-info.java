/**
 * Tensor operators by category, behind the methods of {@link org.poolact.tensor.Tensor}: creation,
 * element-wise arithmetic with broadcasting, reductions, movement (view, reshape, permute, transpose,
 * expand, squeeze) and linear algebra, each recording its backward under PyTorch's grad_fn name. The
 * PyTorch counterpart is the tensor API of {@code torch} ({@code torch.add}, {@code Tensor.sum}, {@code Tensor.permute}...).
 */
package org.poolact.ops;
