package org.poolact.lab.order;

import java.util.function.UnaryOperator;

import org.poolact.tensor.Tensor;

/**
 * An elementwise function given by its scalar form, its tensor op and declared properties: the
 * members of a learned-parameter family such as {@code affine:learned}, and functions tests need
 * (a non-increasing f, a deliberately wrong declaration).
 *
 * @param spec     the name shown in tables
 * @param scalar   f in float32, bit-identical to {@code tensorOp} elementwise
 * @param tensorOp f on a float32 tensor, recording autograd
 * @param declared the declared properties
 * @param flops    nominal cost of one evaluation
 */
public record CustomActivation(String spec, FloatFn scalar, UnaryOperator<Tensor> tensorOp, OrderProperties declared,
                               double flops) implements OrderActivation {

    /** A float32 scalar function. */
    @FunctionalInterface
    public interface FloatFn {
        float apply(float x);
    }

    /**
     * f(x) = slope * x + offset, computed as one float32 multiply then one float32 add (what
     * {@code x.mul(slope).add(offset)} does on a float32 tensor).
     */
    public static CustomActivation affine(String spec, double slope, double offset) {
        float a = (float) slope;
        float b = (float) offset;
        return new CustomActivation(spec, x -> x * a + b, t -> t.mul((double) a).add((double) b),
                OrderProperties.affine(a, b), 2);
    }

    @Override
    public float applyAsFloat(float x) {
        return scalar.apply(x);
    }

    @Override
    public Tensor apply(Tensor x) {
        return tensorOp.apply(x);
    }

    @Override
    public double nominalFlops() {
        return flops;
    }

    @Override
    public String toString() {
        return spec;
    }
}
