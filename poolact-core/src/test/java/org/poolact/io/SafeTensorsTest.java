package org.poolact.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;
import org.poolact.testing.TorchRef;

class SafeTensorsTest {
    @TempDir
    Path dir;

    private static Map<String, Tensor> sample() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        Tensor w = Tensor.empty(DType.FLOAT32, 2, 1, 3, 3);
        for (int i = 0; i < w.numel(); i++) {
            w.setFlat(i, Math.sin(i) * 0.3);
        }
        m.put("0.weight", w);
        m.put("0.bias", Tensor.fromArray(new float[] {0.25f, -1.5e-7f}));
        m.put("2.running_var", Tensor.fromArray(new double[] {1.0, Math.PI, -0.0}));
        return m;
    }

    @Test
    void roundTripKeepsNamesOrderShapesAndBits() throws IOException {
        Path f = dir.resolve("model.safetensors");
        SafeTensors.save(sample(), Map.of("format", "pt"), f);
        SafeTensors.Contents c = SafeTensors.load(f);
        assertEquals(Map.of("format", "pt"), c.metadata());
        assertEquals(sample().keySet().stream().toList(), c.tensors().keySet().stream().toList());
        for (Map.Entry<String, Tensor> e : sample().entrySet()) {
            Tensor got = c.tensors().get(e.getKey());
            assertArrayEquals(e.getValue().shape(), got.shape());
            assertEquals(e.getValue().dtype(), got.dtype());
            assertArrayEquals(e.getValue().toDoubleArray(), got.toDoubleArray(), 0.0);
        }
        long headerLen = java.nio.ByteBuffer.wrap(Files.readAllBytes(f), 0, 8)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLen % 8, "header padded to 8 bytes");
    }

    @Test
    void libtorchThroughDjlReadsTheSameTensors() throws IOException {
        Path f = dir.resolve("m.safetensors");
        SafeTensors.save(sample(), null, f);
        try (NDManager m = TorchRef.sub()) {
            NDList list = NDList.decode(m, Files.readAllBytes(f));
            assertEquals(3, list.size());
            for (NDArray a : list) {
                Tensor ours = sample().get(a.getName());
                TorchRef.assertClose("safetensors " + a.getName(), ours, TorchRef.fromNd(a), 0.0);
                assertArrayEquals(ours.shape(), Arrays.stream(a.getShape().getShape()).mapToInt(l -> (int) l).toArray());
            }
        }
    }

    @Test
    void truncatedAndCorruptFilesAreRejectedWithPosition() throws IOException {
        Path f = dir.resolve("t.safetensors");
        SafeTensors.save(sample(), null, f);
        byte[] all = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.safetensors");
        Files.write(cut, Arrays.copyOf(all, all.length - 4));
        IOException e = assertThrows(IOException.class, () -> SafeTensors.load(cut));
        assertTrue(e.getMessage().contains("expected") && e.getMessage().contains("cut.safetensors"), e.getMessage());
        Files.write(cut, Arrays.copyOf(all, 5));
        e = assertThrows(IOException.class, () -> SafeTensors.load(cut));
        assertTrue(e.getMessage().contains("byte 0"), e.getMessage());
        byte[] bad = all.clone();
        bad[8] = 'x';
        Files.write(cut, bad);
        e = assertThrows(IOException.class, () -> SafeTensors.load(cut));
        assertTrue(e.getMessage().contains("header: position 0"), e.getMessage());
    }

    @Test
    void saveIsAtomicAndLeavesNoTempFiles() throws IOException {
        Path f = dir.resolve("a.safetensors");
        SafeTensors.save(sample(), null, f);
        SafeTensors.save(sample(), null, f);
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }
}
