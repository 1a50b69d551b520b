package org.poolact.lab.order;

import org.poolact.nn.functional.ActivationSpec;
import org.poolact.tensor.Tensor;

/** An activation of the engine's {@link ActivationSpec} registry, analysed as it is computed. */
public record EngineActivation(ActivationSpec engineSpec, OrderProperties declared) implements OrderActivation {

    /** The activation {@code spec} with its declared properties ({@link OrderProperties#of}). */
    public static EngineActivation of(ActivationSpec spec) {
        return new EngineActivation(spec, OrderProperties.of(spec));
    }

    /** Parses a SPEC such as {@code gelu:tanh}; unknown names fail listing the valid ones. */
    public static EngineActivation parse(String spec) {
        return of(ActivationSpec.parse(spec));
    }

    @Override
    public String spec() {
        return engineSpec.toString();
    }

    @Override
    public float applyAsFloat(float x) {
        return engineSpec.applyAsFloat(x);
    }

    @Override
    public Tensor apply(Tensor x) {
        return engineSpec.apply(x);
    }

    @Override
    public double nominalFlops() {
        switch (engineSpec.kind()) {
            case IDENTITY:
                return 0;
            case RELU:
                return 1;
            case RELU6:
            case HARDTANH:
            case LEAKY_RELU:
            case PRELU:
                return 2;
            case HARDSIGMOID:
                return 4;
            case HARDSWISH:
            case SOFTSIGN:
                return 5;
            case ELU:
            case CELU:
            case SELU:
            case SIGMOID:
            case TANH:
            case SOFTPLUS:
                return 5;
            case SILU:
                return 6;
            case GELU:
            case MISH:
                return 9;
            default:
                return 5;
        }
    }

    @Override
    public String toString() {
        return spec();
    }
}
