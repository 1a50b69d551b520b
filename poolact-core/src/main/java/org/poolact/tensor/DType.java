package org.poolact.tensor;

/**
 * Element type of a {@link Tensor}. Matches {@code torch.float32} (the default) and {@code torch.float64}.
 */
public enum DType {
    /** 32-bit IEEE float, PyTorch's default dtype. */
    FLOAT32("torch.float32"),
    /** 64-bit IEEE float, used for finite-difference gradient checks. */
    FLOAT64("torch.float64");

    private final String torchName;

    DType(String torchName) {
        this.torchName = torchName;
    }

    /** The name PyTorch prints, e.g. {@code torch.float64}. */
    public String torchName() {
        return torchName;
    }
}
