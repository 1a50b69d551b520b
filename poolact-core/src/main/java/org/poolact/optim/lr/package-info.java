/** Learning-rate schedulers (StepLR, CosineAnnealingLR), PyTorch's recursive forms. */
package org.poolact.optim.lr;
