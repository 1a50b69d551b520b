/**
 * Benchmarks of poolact against libtorch (through DJL): one training step (forward, loss and
 * backward) of issue 6's default model on a batch of 64 MNIST-sized images, with the same shapes and
 * the same thread count on both sides; and one real MNIST training epoch of that model (data, SGD with
 * momentum, test-set evaluation) in each engine ({@link org.poolact.bench.MnistEpoch}). Run with
 * {@link org.poolact.bench.BenchMain}.
 */
package org.poolact.bench;
