package org.topoomni.backbones.qwen;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.topoomni.model.CheckpointReader;
import org.topoomni.model.LayerHook;
import org.topoomni.model.Safetensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading Hugging Face checkpoints: sharded through an index, BF16 and F16 tensors, and one clear
 * error (naming the file and the tensor) for a missing shard, a missing tensor, a wrong shape and
 * a dtype the reader does not know. The talker's tensors are never read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckpointReadingTest {
    private NDManager manager;
    private Map<String, Safetensors.RawTensor> golden;
    private float[] goldenLogits;

    @BeforeAll
    void setUp() throws Exception {
        manager = NDManager.newBaseManager();
        golden = raw(QwenGolden.folder().resolve("model.safetensors"));
        goldenLogits = logits(QwenGolden.folder());
    }

    @AfterAll
    void close() {
        manager.close();
    }

    /** Every tensor of a file as raw bytes. */
    static Map<String, Safetensors.RawTensor> raw(Path file) throws IOException {
        Safetensors.Header h = Safetensors.header(file);
        Map<String, Safetensors.RawTensor> out = new LinkedHashMap<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (Safetensors.TensorInfo t : h.tensors().values()) {
                ByteBuffer b = ByteBuffer.allocate((int) (t.end() - t.begin()));
                ch.read(b, h.dataStart() + t.begin());
                out.put(t.name(), new Safetensors.RawTensor(t.dtype(), t.shape(), b.array()));
            }
        }
        return out;
    }

    private float[] logits(Path folder) throws IOException {
        try (NDManager m = manager.newSubManager(); QwenThinker t = QwenThinker.load(m, folder)) {
            QwenThinker.Input in = ThinkerGoldenTest.input(QwenGolden.json(QwenGolden.folder().resolve("inputs.json")));
            return t.forward(m, List.of(in), LayerHook.NONE).logits().toFloatArray();
        }
    }

    /** A model folder with the golden config and these tensors split into shards (and an index). */
    private static Path sharded(Path dir, Map<String, Safetensors.RawTensor> tensors, int shards) throws IOException {
        Files.createDirectories(dir);
        Files.copy(QwenGolden.folder().resolve("config.json"), dir.resolve("config.json"));
        List<String> names = List.copyOf(tensors.keySet());
        ObjectMapper om = new ObjectMapper();
        ObjectNode index = om.createObjectNode();
        index.putObject("metadata").put("total_size", 0);
        ObjectNode map = index.putObject("weight_map");
        for (int s = 0; s < shards; s++) {
            String file = String.format("model-%05d-of-%05d.safetensors", s + 1, shards);
            Map<String, Safetensors.RawTensor> part = new LinkedHashMap<>();
            for (int i = s; i < names.size(); i += shards) {
                part.put(names.get(i), tensors.get(names.get(i)));
                map.put(names.get(i), file);
            }
            Safetensors.writeRaw(dir.resolve(file), part, Map.of("format", "pt"));
        }
        om.writeValue(dir.resolve(CheckpointReader.INDEX).toFile(), index);
        return dir;
    }

    @Test
    void shardedCheckpointGivesTheSameLogits(@TempDir Path tmp) throws IOException {
        Path dir = sharded(tmp.resolve("m"), golden, 3);
        assertArrayEquals(goldenLogits, logits(dir), "sharded and single-file checkpoints give the same logits, bit for bit");
    }

    @Test
    void talkerAndToken2wavTensorsAreNeverRead(@TempDir Path tmp) throws IOException {
        Map<String, Safetensors.RawTensor> t = new LinkedHashMap<>(golden);
        // dtypes the reader cannot read: loading would fail if it touched them
        t.put("talker.model.embed_tokens.weight", new Safetensors.RawTensor(Safetensors.Dtype.I64, new long[] {2}, new byte[16]));
        t.put("token2wav.code2wav.weight", new Safetensors.RawTensor(Safetensors.Dtype.I8, new long[] {4}, new byte[4]));
        Path dir = sharded(tmp.resolve("m"), t, 2);
        // the talker's shard may even be missing
        assertArrayEquals(goldenLogits, logits(dir));
    }

    @Test
    void missingShardIsNamed(@TempDir Path tmp) throws IOException {
        Path dir = sharded(tmp.resolve("m"), golden, 3);
        Files.delete(dir.resolve("model-00002-of-00003.safetensors"));
        IOException e = assertThrows(IOException.class, () -> QwenThinker.load(manager, dir));
        System.out.println("missing shard: " + e.getMessage());
        assertTrue(e.getMessage().contains("model-00002-of-00003.safetensors") && e.getMessage().contains("missing"), e.getMessage());
        assertTrue(e.getMessage().contains("thinker."), "names the tensor it was looking for: " + e.getMessage());
    }

    @Test
    void missingTensorIsNamed(@TempDir Path tmp) throws IOException {
        Map<String, Safetensors.RawTensor> t = new LinkedHashMap<>(golden);
        t.remove("thinker.model.layers.1.self_attn.v_proj.bias");
        Path dir = sharded(tmp.resolve("m"), t, 1);
        IOException e = assertThrows(IOException.class, () -> QwenThinker.load(manager, dir));
        System.out.println("missing tensor: " + e.getMessage());
        assertTrue(e.getMessage().contains("'thinker.model.layers.1.self_attn.v_proj.bias'"), e.getMessage());
    }

    @Test
    void wrongShapeIsNamed(@TempDir Path tmp) throws IOException {
        Map<String, Safetensors.RawTensor> t = new LinkedHashMap<>(golden);
        Safetensors.RawTensor q = t.get("thinker.visual.blocks.1.attn.q.weight");
        t.put("thinker.visual.blocks.1.attn.q.weight", new Safetensors.RawTensor(q.dtype(), new long[] {16, 64}, q.data()));
        Path dir = sharded(tmp.resolve("m"), t, 2);
        IOException e = assertThrows(IOException.class, () -> QwenThinker.load(manager, dir));
        System.out.println("wrong shape: " + e.getMessage());
        assertTrue(e.getMessage().contains("'thinker.visual.blocks.1.attn.q.weight'") && e.getMessage().contains("[16, 64]")
                && e.getMessage().contains("[32, 32]") && e.getMessage().contains(".safetensors"), e.getMessage());
    }

    @Test
    void unknownDtypeIsNamed(@TempDir Path tmp) throws IOException {
        // a header whose tensor has a dtype the reader does not know (an 8-bit float)
        Path file = tmp.resolve("model.safetensors");
        String header = "{\"thinker.model.norm.weight\":{\"dtype\":\"F8_E4M3\",\"shape\":[32],\"data_offsets\":[0,32]}}";
        while ((header.length() % 8) != 0) header += " ";
        ByteBuffer b = ByteBuffer.allocate(8 + header.length() + 32).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length()).put(header.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.write(file, b.array());
        CheckpointReader r = CheckpointReader.open(file);
        IOException e = assertThrows(IOException.class, () -> r.load(manager, "thinker.model.norm.weight", new long[] {32}));
        System.out.println("unknown dtype: " + e.getMessage());
        assertTrue(e.getMessage().contains("F8_E4M3") && e.getMessage().contains("'thinker.model.norm.weight'") && e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void bf16AndF16TensorsAreWidenedExactly(@TempDir Path tmp) throws IOException {
        float[] values = {0f, -0f, 1f, -2.5f, 3.140625f, 65504f, 6.1035156e-5f, 5.9604645e-8f, -1e-3f, 1000.5f};
        // BF16 keeps the float's upper 16 bits; these values need at most 8 significant bits there
        float[] bfValues = new float[values.length];
        ByteBuffer bf = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.length; i++) {
            int bits = Float.floatToIntBits(values[i]) & 0xffff0000;
            bfValues[i] = Float.intBitsToFloat(bits);
            bf.putShort((short) (bits >>> 16));
        }
        // F16 bit patterns of the same values, written by hand (sign, 5-bit exponent, 10-bit mantissa)
        short[] half = {0x0000, (short) 0x8000, 0x3c00, (short) 0xc100, 0x4248, 0x7bff, 0x0400, 0x0001, (short) 0x9419, 0x63d1};
        float[] halfValues = {0f, -0f, 1f, -2.5f, 3.140625f, 65504f, 0x1p-14f, 0x1p-24f, -(1 + 25 / 1024f) * 0x1p-10f, 1000.5f};
        ByteBuffer f16 = ByteBuffer.allocate(2 * half.length).order(ByteOrder.LITTLE_ENDIAN);
        for (short h : half) f16.putShort(h);
        Map<String, Safetensors.RawTensor> t = new LinkedHashMap<>();
        t.put("a.bf16", new Safetensors.RawTensor(Safetensors.Dtype.BF16, new long[] {2, 5}, bf.array()));
        t.put("b.f16", new Safetensors.RawTensor(Safetensors.Dtype.F16, new long[] {10}, f16.array()));
        Path file = tmp.resolve("mixed.safetensors");
        Safetensors.writeRaw(file, t, Map.of());
        CheckpointReader r = CheckpointReader.open(file);
        try (NDManager m = manager.newSubManager()) {
            NDArray a = r.load(m, "a.bf16", new long[] {2, 5});
            assertEquals(ai.djl.ndarray.types.DataType.FLOAT32, a.getDataType());
            assertArrayEquals(bfValues, a.toFloatArray());
            assertArrayEquals(halfValues, r.load(m, "b.f16", new long[] {10}).toFloatArray());
        }
        // the whole-file float reader widens them the same way
        assertArrayEquals(bfValues, Safetensors.read(file).get("a.bf16").data());
        assertArrayEquals(halfValues, Safetensors.read(file).get("b.f16").data());
    }

    /** Anonymous resident memory of this process (not file pages), from /proc/self/status. */
    private static long rssAnonBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("RssAnon:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
        throw new IOException("no RssAnon in /proc/self/status");
    }

    @Test
    void f32TensorsAreUsedInPlaceNotCopied(@TempDir Path tmp) throws IOException {
        // a 96 MiB F32 tensor: loading it and reading all of it must not add a copy to the process's own memory
        int n = 24 << 20;
        ByteBuffer data = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer half = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            float v = i % 1000 * 1e-3f;
            data.putFloat(v);
            half.putShort((short) (Float.floatToIntBits(v) >>> 16));
        }
        Path file = tmp.resolve("big.safetensors");
        Map<String, Safetensors.RawTensor> t = new LinkedHashMap<>();
        t.put("f32", new Safetensors.RawTensor(Safetensors.Dtype.F32, new long[] {n}, data.array()));
        t.put("bf16", new Safetensors.RawTensor(Safetensors.Dtype.BF16, new long[] {n}, half.array()));
        Safetensors.writeRaw(file, t, Map.of());
        CheckpointReader r = CheckpointReader.open(file);
        try (NDManager m = manager.newSubManager()) {
            long before = rssAnonBytes();
            NDArray x = r.load(m, "f32", new long[] {n});
            assertTrue(x.sum().getFloat() > 0); // reads every value
            long grownF32 = rssAnonBytes() - before;
            // the contrast: a BF16 tensor is widened into a float32 copy, which the same measure sees
            before = rssAnonBytes();
            NDArray y = r.load(m, "bf16", new long[] {n});
            assertTrue(y.sum().getFloat() > 0);
            long grownBf16 = rssAnonBytes() - before;
            System.out.printf("96 MiB of float32 loaded and read: anonymous memory grew by %.1f MiB from F32 (mapped), %.1f MiB from BF16 (widened copy)%n",
                    grownF32 / 1048576.0, grownBf16 / 1048576.0);
            assertTrue(grownBf16 > 64L << 20, "the measure sees a copy: " + grownBf16);
            assertTrue(grownF32 < 32L << 20, "an F32 tensor lives in the mapped file, not in a copy: grew by " + grownF32 + " bytes");
        }
    }

    @Test
    void bf16CheckpointLoadsAsItsWidenedValues(@TempDir Path tmp) throws IOException {
        // the golden weights rounded down to BF16: the model reads them, and its logits stay close to the float32 model's
        Map<String, Safetensors.RawTensor> t = new LinkedHashMap<>();
        for (Map.Entry<String, Safetensors.RawTensor> e : golden.entrySet()) {
            ByteBuffer in = ByteBuffer.wrap(e.getValue().data()).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer out = ByteBuffer.allocate(e.getValue().data().length / 2).order(ByteOrder.LITTLE_ENDIAN);
            while (in.hasRemaining()) out.putShort((short) (in.getInt() >>> 16));
            t.put(e.getKey(), new Safetensors.RawTensor(Safetensors.Dtype.BF16, e.getValue().shape(), out.array()));
        }
        Path dir = sharded(tmp.resolve("m"), t, 1);
        float[] l = logits(dir);
        double worst = 0;
        for (int i = 0; i < l.length; i++) worst = Math.max(worst, Math.abs(l[i] - goldenLogits[i]));
        System.out.printf("bf16 weights: logits differ from float32 by at most %.3e%n", worst);
        assertTrue(worst > 0 && worst < 0.05, "bf16 rounding changes the logits a little, not a lot: " + worst);
    }
}
