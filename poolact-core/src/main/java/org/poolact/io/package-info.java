/**
 * Reading and writing tensors to files: the safetensors format, so weights move between poolact
 * and PyTorch ({@code safetensors.torch.load_file} / {@code save_file}).
 */
package org.poolact.io;
