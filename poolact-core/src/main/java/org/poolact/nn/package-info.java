/**
 * Neural-network building blocks as in {@code torch.nn}: {@link org.poolact.nn.Module} (parameters,
 * buffers, children, train/eval, state dict and PyTorch's repr), {@link org.poolact.nn.Sequential}, and
 * the Python-style number formatting used by the reprs. Layers live in the sub-packages by concern;
 * their functional forms live in {@link org.poolact.nn.functional}.
 */
package org.poolact.nn;
