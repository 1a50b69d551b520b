/**
 * Training CNNs in either block order: the compact layer spec ({@link org.poolact.lab.train.ArchSpec}),
 * the builder that creates the {@code nn.Sequential} from one explicit generator in PyTorch's module
 * order ({@link org.poolact.lab.train.CnnBuilder}), the deterministic, resumable
 * {@link org.poolact.lab.train.Trainer} with its listeners (progress bar, log lines), test-set
 * evaluation with sparsity and dead units ({@link org.poolact.lab.train.Evaluation}) and safetensors
 * checkpoints ({@link org.poolact.lab.train.Checkpoint}). See docs/train.md.
 */
package org.poolact.lab.train;
