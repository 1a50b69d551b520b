package org.poolact.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts reference comparisons and keeps the largest scaled error, then writes them to
 * {@code target/reference-stats.txt} at JVM exit so the numbers can be quoted.
 */
public final class ReferenceStats {
    private static final AtomicLong COMPARISONS = new AtomicLong();
    private static final AtomicLong GRAD_CHECKS = new AtomicLong();
    private static final Set<String> GRAD_FNS = new TreeSet<>();
    private static double worst;
    private static String worstWhat = "";

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ReferenceStats::write));
    }

    private ReferenceStats() {
    }

    static synchronized void record(String what, double err) {
        COMPARISONS.incrementAndGet();
        if (err > worst) {
            worst = err;
            worstWhat = what;
        }
    }

    /** Counts one finite-difference gradient check. */
    public static void gradCheck() {
        GRAD_CHECKS.incrementAndGet();
    }

    /** Remembers the backward closures (see {@link GraphNodes}) that a gradient check went through. */
    static synchronized void gradFnsChecked(Collection<String> names) {
        GRAD_FNS.addAll(names);
    }

    private static synchronized void write() {
        String text = String.format(Locale.ROOT,
                "reference comparisons: %d%nfinite-difference gradient checks: %d%nlargest scaled error vs torch: %.3e (%s)%n",
                COMPARISONS.get(), GRAD_CHECKS.get(), worst, worstWhat)
                + String.format(Locale.ROOT, "backward closures under a gradient check: %d%n", GRAD_FNS.size())
                + String.join(System.lineSeparator(), GRAD_FNS) + System.lineSeparator();
        try {
            Path p = Path.of("target", "reference-stats-" + ProcessHandle.current().pid() + ".txt");
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            System.err.println("ReferenceStats: " + e.getMessage());
        }
    }
}
