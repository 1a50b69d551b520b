package org.poolact.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;

/**
 * Reads and writes the safetensors format, so PyTorch users can load poolact weights with
 * {@code safetensors.torch.load_file}: an 8-byte little-endian header length N, N bytes of JSON
 * ({@code {"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, "__metadata__": {..}}},
 * padded with spaces to a multiple of 8), then the little-endian tensor bytes.
 */
public final class SafeTensors {
    private static final long MAX_HEADER = 100L * 1024 * 1024;

    private SafeTensors() {
    }

    /**
     * Writes tensors (float32 as F32, float64 as F64) in map order, atomically ({@link AtomicFiles}: a
     * temp file in the same directory is written, forced to disk and renamed over {@code file}).
     */
    public static void save(Map<String, Tensor> tensors, Map<String, String> metadata, Path file) throws IOException {
        StringBuilder header = new StringBuilder("{");
        boolean first = true;
        if (metadata != null && !metadata.isEmpty()) {
            header.append("\"__metadata__\":{");
            boolean f2 = true;
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                header.append(f2 ? "" : ",").append(MiniJson.quote(e.getKey())).append(':')
                        .append(MiniJson.quote(e.getValue()));
                f2 = false;
            }
            header.append('}');
            first = false;
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor t = e.getValue();
            long bytes = (long) t.numel() * (t.dtype() == DType.FLOAT32 ? 4 : 8);
            header.append(first ? "" : ",").append(MiniJson.quote(e.getKey())).append(":{\"dtype\":\"")
                    .append(t.dtype() == DType.FLOAT32 ? "F32" : "F64").append("\",\"shape\":")
                    .append(Arrays.toString(t.shape()).replace(" ", "")).append(",\"data_offsets\":[")
                    .append(offset).append(',').append(offset + bytes).append("]}");
            offset += bytes;
            first = false;
        }
        header.append('}');
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        head.flip();
        AtomicFiles.write(file, out -> {
            out.write(head.array(), 0, head.limit());
            for (Tensor t : tensors.values()) {
                ByteBuffer b = ByteBuffer.allocate(t.numel() * (t.dtype() == DType.FLOAT32 ? 4 : 8))
                        .order(ByteOrder.LITTLE_ENDIAN);
                if (t.dtype() == DType.FLOAT32) {
                    b.asFloatBuffer().put(t.floatData());
                } else {
                    b.asDoubleBuffer().put(t.doubleData());
                }
                out.write(b.array());
            }
        });
    }

    /** The tensors and metadata of a safetensors file. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
    }

    /**
     * Reads a safetensors file with F32 or F64 tensors, validating the header and every offset.
     *
     * @throws IOException with "FILE: byte B: expected X, got Y" for a truncated or corrupt file
     */
    public static Contents load(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        String name = file.toString();
        if (all.length < 8) {
            throw new IOException(name + ": byte 0: expected an 8-byte header length, got a file of " + all.length + " bytes");
        }
        long n = ByteBuffer.wrap(all, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (n <= 0 || n > MAX_HEADER || 8 + n > all.length) {
            throw new IOException(name + ": byte 0: expected a header length between 1 and " + (all.length - 8)
                    + ", got " + n);
        }
        String json = new String(all, 8, (int) n, StandardCharsets.UTF_8);
        Map<String, Object> header;
        try {
            header = MiniJson.parseObject(json);
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": header: " + e.getMessage(), e);
        }
        int dataStart = 8 + (int) n;
        long dataLen = all.length - dataStart;
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        List<long[]> ranges = new ArrayList<>();
        for (Map.Entry<String, Object> e : header.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                if (e.getValue() instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> meta.put(String.valueOf(k), String.valueOf(v)));
                }
                continue;
            }
            if (!(e.getValue() instanceof Map<?, ?> info)) {
                throw new IOException(name + ": header entry \"" + e.getKey() + "\": expected an object");
            }
            Object dtype = info.get("dtype");
            Object shapeObj = info.get("shape");
            Object offs = info.get("data_offsets");
            if (!(shapeObj instanceof List<?> shapeList) || !(offs instanceof List<?> offList) || offList.size() != 2) {
                throw new IOException(name + ": header entry \"" + e.getKey()
                        + "\": expected \"shape\" and two \"data_offsets\"");
            }
            int elem;
            if ("F32".equals(dtype)) {
                elem = 4;
            } else if ("F64".equals(dtype)) {
                elem = 8;
            } else {
                throw new IOException(name + ": tensor \"" + e.getKey() + "\": expected dtype F32 or F64, got " + dtype);
            }
            int[] shape = shapeList.stream().mapToInt(o -> ((Number) o).intValue()).toArray();
            long begin = ((Number) offList.get(0)).longValue();
            long end = ((Number) offList.get(1)).longValue();
            long numel = 1;
            for (int s : shape) {
                numel *= s;
            }
            if (begin < 0 || end < begin || end > dataLen || end - begin != numel * elem) {
                throw new IOException(name + ": tensor \"" + e.getKey() + "\": expected " + numel * elem
                        + " bytes within the " + dataLen + "-byte data section, got offsets [" + begin + ", " + end + "]");
            }
            ranges.add(new long[] {begin, end});
            ByteBuffer b = ByteBuffer.wrap(all, dataStart + (int) begin, (int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
            Tensor t;
            if (elem == 4) {
                float[] f = new float[(int) numel];
                b.asFloatBuffer().get(f);
                t = Tensor.wrap(f, shape);
            } else {
                double[] d = new double[(int) numel];
                b.asDoubleBuffer().get(d);
                t = Tensor.wrap(d, shape);
            }
            tensors.put(e.getKey(), t);
        }
        ranges.sort((a, b) -> Long.compare(a[0], b[0]));
        long expect = 0;
        for (long[] r : ranges) {
            if (r[0] != expect) {
                throw new IOException(name + ": data section: expected a tensor to start at offset " + expect
                        + ", got " + r[0]);
            }
            expect = r[1];
        }
        if (expect != dataLen) {
            throw new IOException(name + ": data section: expected " + expect + " bytes, got " + dataLen);
        }
        return new Contents(tensors, meta);
    }
}
