package org.poolact.cli.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.poolact.cli.UserInputException;
import org.poolact.tensor.Tensor;

/**
 * Reads the map a command works on from a file or standard input ({@code -}). Two forms are
 * accepted, told apart by their first non-blank character: a JSON nested list of numbers
 * ({@code [...]}) or the text PyTorch prints for a tensor ({@code tensor([...])}, optionally with
 * {@code , grad_fn=<...>} and line breaks). Every problem becomes a {@link UserInputException} whose
 * message starts with the file name.
 */
public final class TensorInput {
    /** The name used for standard input in messages. */
    public static final String STDIN_NAME = "<stdin>";

    private TensorInput() {
    }

    /** Reads {@code file} ({@code -} for {@code stdin}) and parses it. */
    public static Tensor read(String file, InputStream stdin) {
        String source = "-".equals(file) ? STDIN_NAME : file;
        String text = "-".equals(file) ? readStdin(stdin) : readFile(file);
        return parse(text, source);
    }

    /** Parses text holding a JSON nested list or PyTorch tensor text. */
    public static Tensor parse(String text, String source) {
        String body = text.strip();
        if (body.startsWith("\uFEFF")) {
            body = body.substring(1).strip();
        }
        if (body.isEmpty()) {
            throw new UserInputException(source + ": empty input");
        }
        if (body.startsWith("tensor(") || body.startsWith("Parameter containing:")) {
            return PyTorchTextReader.read(text, source);
        }
        if (body.startsWith("[") || body.startsWith("{")) {
            return JsonTensorReader.read(new StringReader(text), source);
        }
        String head = body.length() > 20 ? body.substring(0, 20) + "..." : body;
        throw new UserInputException(source + ": expected a JSON nested list '[...]' or PyTorch tensor text "
                + "'tensor([...])', found '" + head.replaceAll("\\s+", " ") + "'");
    }

    private static String readFile(String file) {
        Path path = Path.of(file);
        if (Files.isDirectory(path)) {
            throw new UserInputException(file + ": is a directory, expected a file");
        }
        try {
            return decode(Files.readAllBytes(path), file);
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UserInputException(file + ": permission denied");
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String readStdin(InputStream stdin) {
        try {
            return decode(stdin.readAllBytes(), STDIN_NAME);
        } catch (IOException e) {
            throw new UserInputException(STDIN_NAME + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String decode(byte[] bytes, String source) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UserInputException(source + ": not UTF-8 text (a binary file?)");
        }
    }
}
