package org.poolact.lab.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.poolact.nn.functional.ActivationSpec;

/**
 * A row whose function has a learned parameter, e.g. PReLU's weight: the verdict can hold for some
 * values and not others, which gives the "identical only if ..." verdicts. The parameter space is
 * split into regions; the rules decide each region from one representative (every member of a
 * region has the same declared properties), the probes draw members at random inside the
 * identical regions, and a counterexample is searched on a member outside them.
 */
public final class ActivationFamily {

    /**
     * One region of the parameter space.
     *
     * @param text           how the condition reads, e.g. {@code weight = 1}
     * @param representative the member the rules and the counterexample use
     * @param sampler        draws a random parameter vector inside the region
     */
    public record Region(String text, double[] representative, Function<SplittableRandom, double[]> sampler) {
    }

    /** A named union of regions: how a set of identical regions is stated, e.g. "weight >= 0". */
    public record Condition(Set<Integer> regions, String text) {
    }

    private final String spec;
    private final String description;
    private final List<Region> regions;
    private final List<Condition> conditions;
    private final Function<double[], OrderActivation> member;
    private final double[] measured;

    private ActivationFamily(String spec, String description, List<Region> regions, List<Condition> conditions,
                             Function<double[], OrderActivation> member, double[] measured) {
        this.spec = spec;
        this.description = description;
        this.regions = regions;
        this.conditions = conditions;
        this.member = member;
        this.measured = measured;
    }

    /** {@code prelu:learned}: PReLU with a single learned weight (measured at PyTorch's init, 0.25). */
    public static ActivationFamily preluLearned() {
        List<Region> r = List.of(
                new Region("weight < 0", new double[] {-0.25}, g -> new double[] {-g.nextDouble(1e-3, 3)}),
                new Region("weight = -1", new double[] {-1}, g -> new double[] {-1}),
                new Region("0 <= weight < 1", new double[] {0.25}, g -> new double[] {g.nextDouble(0, 1)}),
                new Region("weight = 1", new double[] {1}, g -> new double[] {1}),
                new Region("weight > 1", new double[] {2}, g -> new double[] {g.nextDouble(1 + 1e-3, 3)}));
        List<Condition> c = List.of(
                new Condition(Set.of(2, 3, 4), "the learned weight >= 0"),
                new Condition(Set.of(3), "the learned weight = 1 (PReLU is then the identity)"),
                new Condition(Set.of(1, 3), "the learned weight is 1 or -1 (f = x or |x|)"));
        return new ActivationFamily("prelu:learned", "PReLU with one learned weight", r, c,
                p -> EngineActivation.of(ActivationSpec.of(ActivationSpec.Kind.PRELU, p[0])), new double[] {0.25});
    }

    /**
     * {@code affine:learned}: f(x) = a x + b with learned a, b. Not an activation: it stands for any
     * elementwise affine map between conv and pool (an eval-mode BatchNorm, a bias), and shows the
     * f(0) = 0 condition of counted zero padding. Measured at a = 1, b = 0.1.
     */
    public static ActivationFamily affineLearned() {
        List<Region> r = List.of(
                new Region("a >= 0, b = 0", new double[] {1.5, 0}, g -> new double[] {g.nextDouble(0, 3), 0}),
                new Region("a >= 0, b != 0", new double[] {1.5, 0.5},
                        g -> new double[] {g.nextDouble(0, 3), nonZero(g)}),
                new Region("a < 0, b = 0", new double[] {-1.5, 0}, g -> new double[] {-g.nextDouble(1e-3, 3), 0}),
                new Region("a < 0, b != 0", new double[] {-1.5, 0.5},
                        g -> new double[] {-g.nextDouble(1e-3, 3), nonZero(g)}));
        List<Condition> c = List.of(
                new Condition(Set.of(0, 1), "a >= 0"),
                new Condition(Set.of(0, 2), "f(0) = b = 0"),
                new Condition(Set.of(0), "a >= 0 and b = 0"));
        return new ActivationFamily("affine:learned", "f(x) = a*x + b, e.g. an eval-mode BatchNorm (not an activation)",
                r, c, p -> CustomActivation.affine("affine:" + Fmt.num(p[0]) + ":" + Fmt.num(p[1]), p[0], p[1]),
                new double[] {1, 0.1});
    }

    private static double nonZero(SplittableRandom g) {
        double b = g.nextDouble(0.01, 2);
        return g.nextBoolean() ? b : -b;
    }

    /** The families, by spec. */
    public static List<ActivationFamily> all() {
        return List.of(preluLearned(), affineLearned());
    }

    /** The family called {@code spec}, or null. */
    public static ActivationFamily bySpec(String spec) {
        for (ActivationFamily f : all()) {
            if (f.spec.equalsIgnoreCase(spec.trim())) {
                return f;
            }
        }
        return null;
    }

    /** The row name, e.g. {@code prelu:learned}. */
    public String spec() {
        return spec;
    }

    /** What the row stands for. */
    public String description() {
        return description;
    }

    /** The regions. */
    public List<Region> regions() {
        return regions;
    }

    /** The member with parameters {@code p}. */
    public OrderActivation member(double[] p) {
        return member.apply(p);
    }

    /** The member the measurements use. */
    public OrderActivation measuredMember() {
        return member.apply(measured);
    }

    /** States the union of regions {@code identical} (indices) as one condition. */
    public String conditionText(Set<Integer> identical) {
        for (Condition c : conditions) {
            if (c.regions().equals(identical)) {
                return c.text();
            }
        }
        List<String> parts = new ArrayList<>();
        for (int i : identical.stream().sorted().toList()) {
            parts.add(regions.get(i).text());
        }
        return String.join(" or ", parts);
    }
}
