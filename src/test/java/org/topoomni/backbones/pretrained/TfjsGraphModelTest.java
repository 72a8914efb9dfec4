package org.topoomni.backbones.pretrained;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class TfjsGraphModelTest {
    static final ObjectMapper OM = new ObjectMapper();

    @TempDir
    Path dir;

    /** A small graph model written in the real format: float32, float16, uint8 and int32 weights in two shards. */
    Path tinyModel() throws IOException {
        ObjectNode root = OM.createObjectNode();
        root.put("format", "graph-model");
        ArrayNode nodes = root.putObject("modelTopology").putArray("node");
        nodes.addObject().put("name", "x").put("op", "Placeholder");
        for (String c : new String[] {"a", "h", "q", "i"}) nodes.addObject().put("name", c).put("op", "Const");
        ObjectNode add = nodes.addObject().put("name", "y").put("op", "Add");
        add.putArray("input").add("x").add("a:0").add("^h");
        add.putObject("attr").putObject("padding").put("s", "U0FNRQ==");
        ArrayNode ws = root.putArray("weightsManifest").addObject().put("dummy", 0).putArray("weights");
        ((ObjectNode) root.path("weightsManifest").get(0)).putArray("paths").add("s1.bin").add("s2.bin");
        ws.addObject().put("name", "a").put("dtype", "float32").putArray("shape").add(2);
        ObjectNode h = ws.addObject().put("name", "h").put("dtype", "float32");
        h.putArray("shape").add(3);
        h.putObject("quantization").put("dtype", "float16").put("original_dtype", "float32");
        ObjectNode q = ws.addObject().put("name", "q").put("dtype", "float32");
        q.putArray("shape").add(2).add(2);
        q.putObject("quantization").put("dtype", "uint8").put("scale", 0.5).put("min", -1.0).put("original_dtype", "float32");
        ws.addObject().put("name", "i").put("dtype", "int32").putArray("shape").add(2);
        ByteBuffer b = ByteBuffer.allocate(8 + 6 + 4 + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putFloat(1.5f).putFloat(-2f);
        b.putShort((short) 0x3c00).putShort((short) 0xc000).putShort((short) 0x3155); // 1, -2, 0.16662598
        b.put((byte) 0).put((byte) 1).put((byte) 2).put((byte) 255);
        b.putInt(1).putInt(-7);
        byte[] all = b.array();
        Files.write(dir.resolve("s1.bin"), Arrays.copyOfRange(all, 0, 10));
        Files.write(dir.resolve("s2.bin"), Arrays.copyOfRange(all, 10, all.length));
        Path json = dir.resolve("model.json");
        OM.writeValue(json.toFile(), root);
        return json;
    }

    @Test
    void readsEveryDtypeAcrossShards() throws IOException {
        TfjsGraphModel g = TfjsGraphModel.read(tinyModel());
        assertArrayEquals(new float[] {1.5f, -2f}, g.weight("a").floats());
        assertArrayEquals(new float[] {1f, -2f, 0.16662598f}, g.weight("h").floats());
        assertArrayEquals(new float[] {-1f, -0.5f, 0f, 126.5f}, g.weight("q").floats());
        assertArrayEquals(new long[] {2, 2}, g.weight("q").shape());
        assertArrayEquals(new int[] {1, -7}, g.weight("i").ints());
        // ":0" is the node itself; control inputs carry no data
        assertEquals(java.util.List.of("x", "a"), g.node("y").inputs());
        assertEquals("SAME", g.node("y").string("padding"));
        assertEquals(1, g.consumers("x").size());
        IOException e = assertThrows(IOException.class, () -> g.node("z"));
        assertTrue(e.getMessage().contains("model.json") && e.getMessage().contains("'z'"), e.getMessage());
    }

    @Test
    void halfPrecisionDecodes() {
        assertEquals(0f, org.topoomni.model.Safetensors.halfToFloat((short) 0));
        assertEquals(-0f, org.topoomni.model.Safetensors.halfToFloat((short) 0x8000));
        assertEquals(65504f, org.topoomni.model.Safetensors.halfToFloat((short) 0x7bff));
        assertEquals(0x1p-24f, org.topoomni.model.Safetensors.halfToFloat((short) 1)); // smallest subnormal
        assertEquals(6.097555e-5f, org.topoomni.model.Safetensors.halfToFloat((short) 0x03ff), 1e-11f);
        assertEquals(Float.NEGATIVE_INFINITY, org.topoomni.model.Safetensors.halfToFloat((short) 0xfc00));
        assertTrue(Float.isNaN(org.topoomni.model.Safetensors.halfToFloat((short) 0x7e00)));
    }

    @Test
    void truncatedShardNamesTheFile() throws IOException {
        Path json = tinyModel();
        byte[] s2 = Files.readAllBytes(dir.resolve("s2.bin"));
        Files.write(dir.resolve("s2.bin"), Arrays.copyOf(s2, s2.length - 3));
        IOException e = assertThrows(IOException.class, () -> TfjsGraphModel.read(json));
        assertTrue(e.getMessage().contains("s2.bin") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void longerShardIsRejected() throws IOException {
        Path json = tinyModel();
        Files.write(dir.resolve("s2.bin"), new byte[] {1, 2, 3, 4}, java.nio.file.StandardOpenOption.APPEND);
        IOException e = assertThrows(IOException.class, () -> TfjsGraphModel.read(json));
        assertTrue(e.getMessage().contains("s2.bin") && e.getMessage().contains("describes"), e.getMessage());
    }

    @Test
    void missingShardNamesTheFile() throws IOException {
        Path json = tinyModel();
        Files.delete(dir.resolve("s1.bin"));
        IOException e = assertThrows(IOException.class, () -> TfjsGraphModel.read(json));
        assertTrue(e.getMessage().contains("s1.bin") && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void notAGraphModel() throws IOException {
        Path notJson = dir.resolve("a.json");
        Files.writeString(notJson, "{\"format\": \"graph-model\", \"modelTopology\": ");
        assertTrue(assertThrows(IOException.class, () -> TfjsGraphModel.read(notJson)).getMessage().contains("not valid JSON"));
        Path layers = dir.resolve("b.json");
        Files.writeString(layers, "{\"format\": \"layers-model\", \"modelTopology\": {\"class_name\": \"Sequential\"}, \"weightsManifest\": []}");
        IOException e = assertThrows(IOException.class, () -> TfjsGraphModel.read(layers));
        assertTrue(e.getMessage().contains("b.json") && e.getMessage().contains("layers-model"), e.getMessage());
        Path empty = dir.resolve("c.json");
        Files.writeString(empty, "{\"modelTopology\": {}, \"weightsManifest\": []}");
        e = assertThrows(IOException.class, () -> TfjsGraphModel.read(empty));
        assertTrue(e.getMessage().contains("c.json") && e.getMessage().contains("modelTopology.node"), e.getMessage());
        IOException missing = assertThrows(IOException.class, () -> TfjsGraphModel.read(dir.resolve("none.json")));
        assertTrue(missing.getMessage().contains("none.json"));
    }

    @Test
    void unknownQuantizationIsRejected() throws IOException {
        Path json = tinyModel();
        ObjectNode root = (ObjectNode) OM.readTree(json.toFile());
        ((ObjectNode) root.at("/weightsManifest/0/weights/1/quantization")).put("dtype", "int4");
        OM.writeValue(json.toFile(), root);
        IOException e = assertThrows(IOException.class, () -> TfjsGraphModel.read(json));
        assertTrue(e.getMessage().contains("'h'") && e.getMessage().contains("int4"), e.getMessage());
    }

    /** A copy of the real centernet model with its JSON edited. */
    Path editedCenternet(java.util.function.Consumer<ObjectNode> edit) throws IOException {
        Path src = PretrainedFiles.centernet();
        Files.copy(src.resolveSibling("centernet.bin"), dir.resolve("centernet.bin"));
        ObjectNode root = (ObjectNode) OM.readTree(src.toFile());
        edit.accept(root);
        Path json = dir.resolve("centernet.json");
        OM.writeValue(json.toFile(), root);
        return json;
    }

    @Test
    void centernetWithoutItsHeadConvolutionFails() throws IOException {
        Path json = editedCenternet(root -> {
            ArrayNode nodes = (ArrayNode) root.at("/modelTopology/node");
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i).path("name").asText().equals("tower_0/extern1/BatchNorm/FusedBatchNorm")) nodes.remove(i--);
            }
        });
        try (NDManager m = NDManager.newBaseManager()) {
            IOException e = assertThrows(IOException.class, () -> MobileNetV3.load(m, json));
            assertTrue(e.getMessage().contains("centernet.json") && e.getMessage().contains("extern1/"), e.getMessage());
        }
    }

    @Test
    void centernetWithAWrongWeightShapeFails() throws IOException {
        String name = "tower_0/MobilenetV3/expanded_conv_1/expand/Conv2D_weights";
        Path json = editedCenternet(root -> {
            for (var w : root.at("/weightsManifest/0/weights")) {
                if (w.path("name").asText().equals(name)) {
                    ArrayNode s = ((ObjectNode) w).putArray("shape");
                    s.add(1).add(1).add(64).add(16); // same bytes, transposed
                }
            }
        });
        try (NDManager m = NDManager.newBaseManager()) {
            IOException e = assertThrows(IOException.class, () -> MobileNetV3.load(m, json));
            assertTrue(e.getMessage().contains(name) && e.getMessage().contains("16 channels flow into it"), e.getMessage());
        }
    }

    @Test
    void missingModelSaysRunSetup() {
        IOException e = assertThrows(IOException.class, () -> PretrainedFiles.require(dir.resolve("centernet.json")));
        assertTrue(e.getMessage().contains("run ./setup"), e.getMessage());
    }
}
