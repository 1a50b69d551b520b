package org.poolact.lab.order;

/**
 * The answer for one activation and one pooling.
 *
 * @param kind      identical, differs, or identical only under {@code condition}
 * @param rule      one sentence: the general reason, from declared properties
 * @param condition the condition (conditional verdicts only, else null)
 * @param exactness how "identical" is meant: bit for bit, or within {@link Probes#TOLERANCE_DOC}
 */
public record Verdict(Kind kind, String rule, String condition, Exactness exactness) {

    /** The three verdicts, with their JSON names. */
    public enum Kind {
        IDENTICAL("identical"),
        DIFFERS("differs"),
        CONDITIONAL("conditional");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** {@code identical}, {@code differs} or {@code conditional}. */
        public String label() {
            return label;
        }
    }

    /** What equality an identical verdict promises. */
    public enum Exactness {
        /**
         * The same float32 values (max-type pooling with a non-decreasing f; the identity): bit for bit,
         * except that -0 and +0 count as equal. NOTE: leaky_relu:0.0 on the window {-1, 0} gives -0.0
         * act first (the first of the equal maxima) and +0.0 pool first.
         */
        BIT_EXACT("bit-exact"),
        /** Equal in exact arithmetic; float32 results agree within the documented tolerance. */
        TOLERANCE("within tolerance"),
        /** Not identical. */
        NONE("-");

        private final String label;

        Exactness(String label) {
            this.label = label;
        }

        /** For tables and JSON. */
        public String label() {
            return label;
        }
    }

    static Verdict identical(String rule, Exactness e) {
        return new Verdict(Kind.IDENTICAL, rule, null, e);
    }

    static Verdict differs(String rule) {
        return new Verdict(Kind.DIFFERS, rule, null, Exactness.NONE);
    }
}
