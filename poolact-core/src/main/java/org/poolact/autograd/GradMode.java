package org.poolact.autograd;

/**
 * Whether ops record the graph, per thread: PyTorch's {@code torch.no_grad()} /
 * {@code torch.is_grad_enabled()}. Use as {@code try (var g = GradMode.noGrad()) { ... }}.
 */
public final class GradMode {
    private static final ThreadLocal<Boolean> ENABLED = ThreadLocal.withInitial(() -> Boolean.TRUE);

    private GradMode() {
    }

    /** True when new ops are recorded for autograd. */
    public static boolean isEnabled() {
        return ENABLED.get();
    }

    /** Disables recording until the returned scope is closed; scopes nest. */
    public static Scope noGrad() {
        return set(false);
    }

    /** Enables recording until the returned scope is closed: {@code torch.enable_grad()}. */
    public static Scope enableGrad() {
        return set(true);
    }

    private static Scope set(boolean enabled) {
        boolean previous = ENABLED.get();
        ENABLED.set(enabled);
        return () -> ENABLED.set(previous);
    }

    /** A grad-mode scope; closing it restores the previous mode. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
