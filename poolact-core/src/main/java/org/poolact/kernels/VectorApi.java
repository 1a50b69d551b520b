package org.poolact.kernels;

/**
 * Loads the kernels written on the JDK's incubating Vector API ({@link VectorFloatGemm},
 * {@link VectorPointwise}, {@link VectorSmoothActivations}, {@link VectorFloatArrays}) only when the
 * module jdk.incubator.vector is in the boot layer (the JVM was started with
 * {@code --add-modules jdk.incubator.vector}); otherwise, or under
 * {@code -Dpoolact.vector=off}, the plain-Java kernels are used and the engine runs unchanged, only
 * slower. The choice is made once per JVM.
 */
final class VectorApi {
    /** Whether the Vector API kernels may be used. */
    static final boolean USABLE = !"off".equals(System.getProperty("poolact.vector", "auto").trim())
            && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    /** {@link FloatGemm#fast()}. */
    static final FloatGemm GEMM = load("org.poolact.kernels.VectorFloatGemm", FloatGemm.class, FloatGemm.java());
    /** The relu kernels of {@link Pointwise}. */
    static final Pointwise.ReluKernels RELU =
            load("org.poolact.kernels.VectorPointwise", Pointwise.ReluKernels.class, Pointwise.SCALAR_RELU);
    /** The loops of {@link SmoothActivations}. */
    static final SmoothActivations.Lanes SMOOTH = load("org.poolact.kernels.VectorSmoothActivations",
            SmoothActivations.Lanes.class, SmoothActivations.SCALAR);

    /** {@link FloatArrays#fast()}. */
    static final FloatArrays ARRAYS = load("org.poolact.kernels.VectorFloatArrays", FloatArrays.class,
            FloatArrays.SCALAR);

    private VectorApi() {
    }

    private static <T> T load(String className, Class<T> type, T fallback) {
        if (!USABLE) {
            return fallback;
        }
        try {
            return type.cast(Class.forName(className).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            // NOTE: fall back silently; a missing or unusable module only costs speed.
            return fallback;
        }
    }
}
