package org.poolact.cli.input;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.poolact.cli.UserInputException;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;

/**
 * Reads a JSON nested list of numbers into a float32 tensor, as {@code torch.tensor(json.load(f))}
 * would. Streams through Jackson's parser so that every error names a line and column: malformed
 * JSON, ragged lists, non-numbers. {@code NaN}, {@code Infinity} and {@code -Infinity} are accepted
 * bare (Jackson's non-numeric numbers) or as strings (as poolact's own JSON output writes them).
 */
public final class JsonTensorReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
            .build();

    private final String source;
    private JsonParser parser;
    private final List<Integer> shape = new ArrayList<>();
    private int rank = -1;
    private double[] values = new double[64];
    private int count;

    private JsonTensorReader(String source) {
        this.source = source;
    }

    /**
     * Parses the whole input.
     *
     * @param source the file name used in messages ({@code <stdin>} for standard input)
     * @throws UserInputException with {@code SOURCE: line L, column C: problem} on bad input
     */
    public static Tensor read(Reader reader, String source) {
        return new JsonTensorReader(source).parse(reader);
    }

    private Tensor parse(Reader reader) {
        try (JsonParser p = FACTORY.createParser(reader)) {
            parser = p;
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new UserInputException(source + ": empty input");
            }
            if (first != JsonToken.START_ARRAY) {
                throw error(p.currentTokenLocation(), "expected a nested list of numbers, found " + describe(first));
            }
            readList(0, p.currentTokenLocation());
            JsonToken extra = p.nextToken();
            if (extra != null) {
                throw error(p.currentTokenLocation(), "unexpected " + describe(extra) + " after the end of the list");
            }
        } catch (JsonProcessingException e) {
            throw error(e.getLocation(), e.getOriginalMessage());
        } catch (IOException e) {
            throw new UserInputException(source + ": cannot read: " + e.getMessage(), e);
        }
        if (rank < 0) {
            throw new UserInputException(source + ": the list holds no numbers (shape " + shape + ")");
        }
        int[] dims = shape.stream().mapToInt(Integer::intValue).toArray();
        double[] exact = java.util.Arrays.copyOf(values, count);
        return Tensor.fromDoubles(exact, DType.FLOAT32, dims);
    }

    /** Reads the list whose START_ARRAY is the current token, at nesting depth {@code depth}. */
    private void readList(int depth, JsonLocation start) throws IOException {
        int n = 0;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            if (t == null) {
                throw error(parser.currentLocation(), "unexpected end of input: a list is not closed");
            }
            JsonLocation here = parser.currentTokenLocation();
            if (t == JsonToken.START_ARRAY) {
                if (rank >= 0 && depth + 1 >= rank) {
                    throw error(here, "ragged nested list: found a list where a number was expected (depth "
                            + (depth + 1) + ", earlier numbers were at depth " + rank + ")");
                }
                readList(depth + 1, here);
            } else {
                double v = number(t, here);
                if (rank < 0) {
                    rank = depth + 1;
                } else if (rank != depth + 1) {
                    throw error(here, "ragged nested list: found a number at depth " + (depth + 1)
                            + " where a list was expected (earlier numbers were at depth " + rank + ")");
                }
                add(v);
            }
            n++;
        }
        while (shape.size() <= depth) {
            shape.add(-1);
        }
        if (shape.get(depth) < 0) {
            shape.set(depth, n);
        } else if (shape.get(depth) != n) {
            throw error(start, "ragged nested list: this list has " + n + " element" + (n == 1 ? "" : "s")
                    + ", an earlier list at the same depth has " + shape.get(depth));
        }
    }

    private double number(JsonToken t, JsonLocation here) throws IOException {
        switch (t) {
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return parser.getValueAsDouble();
            case VALUE_STRING:
                Double special = nonFinite(parser.getText());
                if (special != null) {
                    return special;
                }
                throw error(here, "expected a number, found the string \"" + abbreviate(parser.getText()) + "\"");
            default:
                throw error(here, "expected a number, found " + describe(t));
        }
    }

    /** NaN and infinities written as strings ("NaN", "Infinity", "-inf", ...), else null. */
    static Double nonFinite(String s) {
        switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "nan":
            case "+nan":
            case "-nan":
                return Double.NaN;
            case "inf":
            case "+inf":
            case "infinity":
            case "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf":
            case "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                return null;
        }
    }

    private void add(double v) {
        if (count == values.length) {
            values = java.util.Arrays.copyOf(values, values.length * 2);
        }
        values[count++] = v;
    }

    private String describe(JsonToken t) {
        switch (t) {
            case START_OBJECT:
                return "an object '{'";
            case END_OBJECT:
                return "'}'";
            case START_ARRAY:
                return "a list '['";
            case END_ARRAY:
                return "']'";
            case VALUE_STRING:
                return "a string";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            default:
                return t.asString() == null ? t.name() : "'" + t.asString() + "'";
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "...";
    }

    private UserInputException error(JsonLocation loc, String message) {
        String where = loc == null || loc.getLineNr() < 0 ? ""
                : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
        return new UserInputException(source + ": " + where + message);
    }
}
