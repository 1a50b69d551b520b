package org.poolact.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * relu and its backward on the Vector API (loaded by {@link VectorApi} only when the incubator
 * module is present): compare-and-blend per vector, the same bits as {@link Pointwise#SCALAR_RELU}.
 */
final class VectorPointwise implements Pointwise.ReluKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    VectorPointwise() {
    }

    @Override
    public void forward(float[] x, float[] out, int from, int to) {
        FloatVector zero = FloatVector.zero(S);
        FloatVector nan = FloatVector.broadcast(S, Float.NaN);
        int i = from;
        for (int end = from + S.loopBound(to - from); i < end; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            // NOTE: v < 0 is false for -0.0 and NaN, so both pass; then NaN lanes get the canonical NaN.
            VectorMask<Float> negative = v.compare(VectorOperators.LT, 0f);
            v = v.blend(zero, negative);
            v = v.blend(nan, v.test(VectorOperators.IS_NAN));
            v.intoArray(out, i);
        }
        Pointwise.SCALAR_RELU.forward(x, out, i, to);
    }

    @Override
    public void backward(float[] g, float[] y, float[] out, int from, int to) {
        FloatVector zero = FloatVector.zero(S);
        int i = from;
        for (int end = from + S.loopBound(to - from); i < end; i += S.length()) {
            FloatVector yv = FloatVector.fromArray(S, y, i);
            FloatVector gv = FloatVector.fromArray(S, g, i);
            gv.blend(zero, yv.compare(VectorOperators.LE, 0f)).intoArray(out, i);
        }
        Pointwise.SCALAR_RELU.backward(g, y, out, i, to);
    }
}
