/**
 * Dense float32/float64 tensors ({@code torch.Tensor}) with contiguous storage, int64 index
 * tensors, shapes and dtypes, and the text form: {@link org.poolact.tensor.TensorPrinter} prints like
 * PyTorch's {@code repr} (default print options) and {@link org.poolact.tensor.TensorText} parses it back.
 */
package org.poolact.tensor;
