/**
 * Random streams bit-identical to PyTorch's CPU generator ({@code torch.Generator},
 * {@code torch.manual_seed}): {@link org.poolact.random.Generator} (mt19937 and the state torch keeps
 * beside it) and {@link org.poolact.random.Random} ({@code rand}, {@code randn}, {@code randint},
 * {@code randperm}, {@code normal_}, {@code uniform_}, {@code bernoulli_}) for float32 tensors.
 */
package org.poolact.random;
