package org.poolact.kernels;

/**
 * Picks {@link FloatGemm#fast()} once. The Vector API kernel is loaded by name only when the module
 * jdk.incubator.vector is in the boot layer, so the engine runs unchanged (on the plain-Java kernel)
 * on a JVM started without {@code --add-modules jdk.incubator.vector}. {@code -Dpoolact.gemm=java}
 * forces the plain-Java kernel.
 */
final class FastGemmHolder {
    static final FloatGemm FAST = select();

    private FastGemmHolder() {
    }

    private static FloatGemm select() {
        String choice = System.getProperty("poolact.gemm", "auto").trim();
        if (!choice.equals("java") && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                return (FloatGemm) Class.forName("org.poolact.kernels.VectorFloatGemm")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                // NOTE: fall back silently; a missing or unusable module only costs speed.
                return FloatGemm.java();
            }
        }
        return FloatGemm.java();
    }
}
