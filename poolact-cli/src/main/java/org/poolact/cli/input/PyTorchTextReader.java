package org.poolact.cli.input;

import org.poolact.cli.UserInputException;
import org.poolact.tensor.Tensor;
import org.poolact.tensor.TensorText;

/**
 * Reads the text PyTorch prints for a tensor through the engine's {@link TensorText} parser, whose
 * messages already start with {@code line L, column C:}.
 */
final class PyTorchTextReader {
    private PyTorchTextReader() {
    }

    static Tensor read(String text, String source) {
        try {
            return TensorText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(source + ": " + e.getMessage(), e);
        }
    }
}
