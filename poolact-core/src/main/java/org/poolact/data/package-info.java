/**
 * Data sets for training: the IDX file format of MNIST and Fashion-MNIST ({@link IdxReader},
 * {@link IdxWriter}), an in-memory image classification {@link Dataset} and a {@link DataLoader}
 * that batches, shuffles through an explicit {@link org.poolact.random.Generator} and normalises,
 * like {@code torch.utils.data.DataLoader} over torchvision's {@code MNIST} with
 * {@code ToTensor()} and {@code Normalize(mean, std)}. No dependency beyond the JDK; fetching the
 * data sets is done by {@code poolact-lab}.
 */
package org.poolact.data;
