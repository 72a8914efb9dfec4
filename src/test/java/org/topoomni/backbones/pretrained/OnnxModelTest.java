package org.topoomni.backbones.pretrained;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The ONNX reader on models written here with protobuf-java, field numbers as in onnx.proto. */
class OnnxModelTest {
    @TempDir
    Path dir;

    interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    static byte[] message(Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        body.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    /** TensorProto: dims (1), data_type (2), name (8), raw_data (9) or float_data (4). */
    static byte[] tensor(String name, long[] dims, float[] values, boolean raw) throws IOException {
        return message(o -> {
            for (long d : dims) o.writeInt64(1, d);
            o.writeInt32(2, OnnxModel.FLOAT);
            o.writeString(8, name);
            if (raw) {
                ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
                for (float v : values) b.putFloat(v);
                o.writeByteArray(9, b.array());
            } else {
                byte[] packed = message(p -> { for (float v : values) p.writeFloatNoTag(v); });
                o.writeByteArray(4, packed);
            }
        });
    }

    static byte[] model(long ir, boolean withOpset) throws IOException {
        byte[] w = tensor("w", new long[] {2, 2}, new float[] {1, 2, 3, 4}, true);
        byte[] b = tensor("onnx::Add_7", new long[] {2}, new float[] {0.5f, -0.5f}, false);
        byte[] node = message(o -> {
            o.writeString(1, "x");
            o.writeString(1, "w");
            o.writeString(2, "y");
            o.writeString(3, "/fc/MatMul");
            o.writeString(4, "MatMul");
            o.writeByteArray(5, message(a -> { a.writeString(1, "alpha"); a.writeEnum(20, 1); a.writeFloat(2, 0.25f); }));
        });
        byte[] graph = message(o -> {
            o.writeByteArray(1, node);
            o.writeString(2, "g");
            o.writeByteArray(5, w);
            o.writeByteArray(5, b);
            o.writeByteArray(11, message(v -> v.writeString(1, "x")));
            o.writeByteArray(11, message(v -> v.writeString(1, "w")));
            o.writeByteArray(12, message(v -> v.writeString(1, "y")));
        });
        return message(o -> {
            o.writeInt64(1, ir);
            o.writeString(2, "test");
            o.writeByteArray(7, graph);
            if (withOpset) o.writeByteArray(8, message(s -> { s.writeString(1, ""); s.writeInt64(2, 17); }));
        });
    }

    @Test
    void readsNodesInitializersAndInputs() throws IOException {
        OnnxModel m = OnnxModel.read(model(8, true), "test.onnx");
        assertEquals(8, m.irVersion());
        assertEquals(17L, m.opsets().get(""));
        assertEquals(List.of("x"), m.inputs()); // w is an initializer, not an input
        assertEquals(List.of("y"), m.outputs());
        assertArrayEquals(new float[] {1, 2, 3, 4}, m.initializer("w").floats());
        assertArrayEquals(new long[] {2, 2}, m.initializer("w").dims());
        assertArrayEquals(new float[] {0.5f, -0.5f}, m.initializer("onnx::Add_7").floats());
        OnnxModel.Node n = m.nodes().get(0);
        assertEquals("MatMul", n.op());
        assertEquals(List.of("x", "w"), n.inputs());
        assertEquals(0.25f, n.attribute("alpha").f());
        assertSame(n, m.consumers("w").get(0));
        assertSame(n, m.producer("y"));
    }

    @Test
    void truncatedFileNamesItself() throws IOException {
        byte[] full = model(8, true);
        Path f = dir.resolve("cut.onnx");
        Files.write(f, Arrays.copyOf(full, full.length / 2));
        IOException e = assertThrows(IOException.class, () -> OnnxModel.read(f));
        assertTrue(e.getMessage().contains("cut.onnx") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void truncatedRealModelFails() throws IOException {
        byte[] full;
        try (var in = getClass().getClassLoader().getResourceAsStream(MiniLm.ONNX_RESOURCE)) {
            full = in.readNBytes(3_000_000);
        }
        IOException e = assertThrows(IOException.class, () -> OnnxModel.read(full, "minilm-head.onnx"));
        assertTrue(e.getMessage().contains("minilm-head.onnx"), e.getMessage());
    }

    @Test
    void notAnOnnxModel() throws IOException {
        Path json = dir.resolve("model.onnx");
        Files.writeString(json, "{\"format\": \"graph-model\"}");
        IOException e = assertThrows(IOException.class, () -> OnnxModel.read(json));
        assertTrue(e.getMessage().contains("model.onnx"), e.getMessage());
        assertTrue(assertThrows(IOException.class, () -> OnnxModel.read(dir.resolve("none.onnx"))).getMessage().contains("none.onnx"));
        assertTrue(assertThrows(IOException.class, () -> OnnxModel.read(model(8, false), "noopset.onnx")).getMessage().contains("opset"));
    }

    @Test
    void unknownIrVersionIsRejected() {
        IOException e = assertThrows(IOException.class, () -> OnnxModel.read(model(99, true), "future.onnx"));
        assertTrue(e.getMessage().contains("future.onnx") && e.getMessage().contains("IR version 99"), e.getMessage());
    }

    @Test
    void aGraphThatIsNotBertIsRejected() throws IOException {
        OnnxModel m = OnnxModel.read(model(8, true), "small.onnx");
        IOException e = assertThrows(IOException.class, () -> BertArchitecture.of(m));
        assertTrue(e.getMessage().contains("small.onnx") && e.getMessage().contains("BERT"), e.getMessage());
    }

    @Test
    void externalDataIsRejected() throws IOException {
        byte[] t = message(o -> {
            o.writeInt64(1, 2);
            o.writeInt32(2, OnnxModel.FLOAT);
            o.writeString(8, "big");
            o.writeByteArray(13, message(kv -> { kv.writeString(1, "location"); kv.writeString(2, "weights.bin"); }));
            o.writeEnum(14, 1);
        });
        byte[] graph = message(o -> o.writeByteArray(5, t));
        byte[] model = message(o -> { o.writeInt64(1, 8); o.writeByteArray(7, graph); });
        IOException e = assertThrows(IOException.class, () -> OnnxModel.read(model, "ext.onnx"));
        assertTrue(e.getMessage().contains("'big'") && e.getMessage().contains("external"), e.getMessage());
    }

    @Test
    void rawDataOfTheWrongSizeIsRejected() throws IOException {
        byte[] t = message(o -> {
            o.writeInt64(1, 3);
            o.writeInt32(2, OnnxModel.FLOAT);
            o.writeString(8, "short");
            o.writeBytes(9, ByteString.copyFrom(new byte[8]));
        });
        byte[] graph = message(o -> o.writeByteArray(5, t));
        byte[] model = message(o -> { o.writeInt64(1, 8); o.writeByteArray(7, graph); });
        IOException e = assertThrows(IOException.class, () -> OnnxModel.read(model, "bad.onnx"));
        assertTrue(e.getMessage().contains("'short'") && e.getMessage().contains("8 bytes"), e.getMessage());
    }
}
