package org.poolact.lab.order;

/**
 * One row of the grid: a fixed activation, or a family with a learned parameter.
 *
 * @param fixed  the activation (null for a family)
 * @param family the family (null for a fixed activation)
 */
public record Row(OrderActivation fixed, ActivationFamily family) {

    /** The SPEC shown for the row. */
    public String spec() {
        return fixed != null ? fixed.spec() : family.spec();
    }

    /** The function the measurements use. */
    public OrderActivation measured() {
        return fixed != null ? fixed : family.measuredMember();
    }

    /**
     * Parses a SPEC: an engine activation ({@code gelu}, {@code prelu:-0.5}) or a family
     * ({@code prelu:learned}, {@code affine:learned}).
     */
    public static Row parse(String spec) {
        ActivationFamily fam = ActivationFamily.bySpec(spec);
        if (fam != null) {
            return new Row(null, fam);
        }
        try {
            return new Row(EngineActivation.parse(spec), null);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().contains("valid names")) {
                throw new IllegalArgumentException(e.getMessage() + " (analyze also takes prelu:learned, affine:learned)",
                        e);
            }
            throw e;
        }
    }
}
