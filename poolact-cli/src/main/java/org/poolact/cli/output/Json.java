package org.poolact.cli.output;

import java.io.PrintWriter;

import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON output: one pretty-printed object per command. Tensors become nested lists of numbers;
 * float32 values print in their shortest form ({@code 0.1}, not {@code 0.10000000149}); NaN and the
 * infinities, which JSON numbers cannot hold, print as the strings {@code "NaN"}, {@code "Infinity"}
 * and {@code "-Infinity"} (Jackson's default), which {@code compare --input} reads back.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /** A new empty object. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A new empty array. */
    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Any value Jackson can serialize (maps, lists, arrays, numbers, strings) as a tree. */
    public static com.fasterxml.jackson.databind.JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** An array of ints. */
    public static ArrayNode ints(int... values) {
        ArrayNode a = array();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    /** The tensor as a nested list with its shape (a number for a 0-d tensor). */
    public static com.fasterxml.jackson.databind.JsonNode tensor(Tensor t) {
        if (t.dim() == 0) {
            return number(t, 0);
        }
        return nested(t, 0, 0);
    }

    private static ArrayNode nested(Tensor t, int dim, int offset) {
        ArrayNode a = array();
        int n = t.size(dim);
        int stride = t.strides()[dim];
        for (int i = 0; i < n; i++) {
            if (dim == t.dim() - 1) {
                a.add(number(t, offset + i * stride));
            } else {
                a.add(nested(t, dim + 1, offset + i * stride));
            }
        }
        return a;
    }

    private static com.fasterxml.jackson.databind.JsonNode number(Tensor t, int flat) {
        double v = t.getFlat(flat);
        return t.dtype() == DType.FLOAT32 ? NODES.numberNode((float) v) : NODES.numberNode(v);
    }

    /** Prints the object, pretty, followed by a line break. */
    public static void print(PrintWriter out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
        out.flush();
    }
}
