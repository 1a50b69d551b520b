/** Optimisers (SGD, Adam, AdamW) with PyTorch's update rules; their state lives in the optimiser. */
package org.poolact.optim;
