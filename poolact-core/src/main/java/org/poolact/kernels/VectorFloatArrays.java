package org.poolact.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatArrays} on the Vector API (loaded by {@link VectorApi} only when the incubator module is
 * present): the same float additions, a vector at a time.
 */
final class VectorFloatArrays implements FloatArrays {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    VectorFloatArrays() {
    }

    @Override
    public void addInto(float[] dst, int dOff, float[] src, int sOff, int len) {
        int i = 0;
        for (int end = S.loopBound(len); i < end; i += S.length()) {
            FloatVector.fromArray(S, dst, dOff + i).add(FloatVector.fromArray(S, src, sOff + i)).intoArray(dst, dOff + i);
        }
        SCALAR.addInto(dst, dOff + i, src, sOff + i, len - i);
    }
}
