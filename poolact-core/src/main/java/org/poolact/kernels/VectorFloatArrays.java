package org.poolact.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatArrays} on the Vector API (loaded by {@link VectorApi} only when the incubator module is
 * present): the same float additions, a vector at a time ({@link #sum8}: the eight partial sums in
 * the lanes of one 8-lane vector, the same chains).
 */
final class VectorFloatArrays implements FloatArrays {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Eight lanes: lane k is {@link FloatArrays#sum8}'s k-th partial sum. */
    private static final VectorSpecies<Float> S8 = FloatVector.SPECIES_256;

    VectorFloatArrays() {
    }

    @Override
    public void addInto(float[] dst, int dOff, float[] src, int sOff, int len) {
        int i = 0;
        for (int end = S.loopBound(len); i < end; i += S.length()) {
            FloatVector sum = FloatVector.fromArray(S, dst, dOff + i).add(FloatVector.fromArray(S, src, sOff + i));
            sum.intoArray(dst, dOff + i);
        }
        SCALAR.addInto(dst, dOff + i, src, sOff + i, len - i);
    }

    @Override
    public double sum8(float[] a, int off, int len) {
        FloatVector acc = FloatVector.zero(S8);
        int i = 0;
        for (int end = S8.loopBound(len); i < end; i += 8) {
            acc = acc.add(FloatVector.fromArray(S8, a, off + i));
        }
        return FloatArrays.finishSum8(acc.lane(0), acc.lane(1), acc.lane(2), acc.lane(3), acc.lane(4), acc.lane(5),
                acc.lane(6), acc.lane(7), a, off + i, off + len);
    }
}
