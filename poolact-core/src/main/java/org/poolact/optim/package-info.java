/**
 * Optimisers (SGD, Adam, AdamW) with PyTorch's update rules, parameter groups ({@link
 * org.poolact.optim.ParamGroup}), {@code zero_grad} and state dicts in PyTorch's structure; their state
 * lives in the optimiser.
 */
package org.poolact.optim;
