package org.topoomni.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Hugging Face checkpoint tensor by tensor: a folder with {@code model.safetensors}, a
 * folder whose {@code model.safetensors.index.json} maps each tensor to one of several shards, or
 * a single {@code .safetensors} file.
 *
 * <p>Each tensor is memory-mapped and the NDArray is made from the mapped bytes, so the weights
 * never sit in memory twice: an F32 tensor on the CPU is used in place (the file's pages are the
 * tensor's storage), an F16 or BF16 tensor is widened to float32 into one new buffer, and on a GPU
 * the engine copies the mapped bytes to the device. Shard headers are read when a tensor of the
 * shard is first asked for, so a missing shard that holds only tensors nobody loads (the talker's,
 * say) does no harm.
 *
 * <p>Every failure names the file and the tensor: a missing shard, a tensor that is in no shard, a
 * shape other than the model needs, a dtype this program cannot read.
 */
public final class CheckpointReader {
    public static final String SINGLE = "model.safetensors", INDEX = "model.safetensors.index.json";

    private final Path source;
    private final Map<String, Path> shardOf;            // tensor -> its shard file
    private final Map<Path, Safetensors.Header> headers = new HashMap<>();

    private CheckpointReader(Path source, Map<String, Path> shardOf) {
        this.source = source;
        this.shardOf = shardOf;
    }

    /** Opens a checkpoint folder (sharded or single-file) or one safetensors file. */
    public static CheckpointReader open(Path folderOrFile) throws IOException {
        if (Files.isRegularFile(folderOrFile)) return single(folderOrFile);
        if (!Files.isDirectory(folderOrFile)) throw new IOException("checkpoint not found: " + folderOrFile);
        Path index = folderOrFile.resolve(INDEX);
        if (Files.isRegularFile(index)) return sharded(index);
        Path file = folderOrFile.resolve(SINGLE);
        if (Files.isRegularFile(file)) return single(file);
        throw new IOException(folderOrFile + " holds neither " + SINGLE + " nor " + INDEX);
    }

    private static CheckpointReader single(Path file) throws IOException {
        Safetensors.Header h = Safetensors.header(file);
        Map<String, Path> shardOf = new LinkedHashMap<>();
        for (String name : h.tensors().keySet()) shardOf.put(name, file);
        CheckpointReader r = new CheckpointReader(file, shardOf);
        r.headers.put(file, h);
        return r;
    }

    private static CheckpointReader sharded(Path index) throws IOException {
        JsonNode json;
        try {
            json = org.topoomni.io.Json.mapper().readTree(index.toFile());
        } catch (IOException e) {
            throw new IOException(index + " is not valid JSON: " + e.getMessage());
        }
        JsonNode map = json == null ? null : json.get("weight_map");
        if (map == null || !map.isObject()) throw new IOException(index + " has no \"weight_map\" object");
        Path dir = index.toAbsolutePath().getParent();
        Map<String, Path> shardOf = new LinkedHashMap<>();
        map.fields().forEachRemaining(e -> shardOf.put(e.getKey(), dir.resolve(e.getValue().asText())));
        return new CheckpointReader(index, shardOf);
    }

    /** The index file or the single file this reader reads. */
    public Path source() {
        return source;
    }

    /** Every tensor name the checkpoint lists. */
    public Set<String> names() {
        return Collections.unmodifiableSet(shardOf.keySet());
    }

    public boolean has(String name) {
        return shardOf.containsKey(name);
    }

    /** A tensor's header entry; fails if the tensor or its shard is missing. */
    public Safetensors.TensorInfo info(String name) throws IOException {
        Path shard = shardOf.get(name);
        if (shard == null) throw new IOException(source + " has no tensor '" + name + "'");
        Safetensors.Header h = header(shard, name);
        Safetensors.TensorInfo t = h.tensors().get(name);
        if (t == null) throw new IOException(source + " puts tensor '" + name + "' in " + shard.getFileName() + ", which does not hold it");
        return t;
    }

    private Safetensors.Header header(Path shard, String forTensor) throws IOException {
        Safetensors.Header h = headers.get(shard);
        if (h != null) return h;
        if (!Files.isRegularFile(shard)) {
            throw new IOException("checkpoint shard " + shard + " is missing (" + source.getFileName() + " puts tensor '" + forTensor + "' there)");
        }
        h = Safetensors.header(shard);
        headers.put(shard, h);
        return h;
    }

    /**
     * Loads one tensor as float32 into {@code manager} (on its device), checking that it has
     * {@code expectedShape} (null: any shape).
     */
    public NDArray load(NDManager manager, String name, long[] expectedShape) throws IOException {
        Safetensors.TensorInfo t = info(name);
        Path file = shardOf.get(name);
        if (expectedShape != null && !Arrays.equals(expectedShape, t.shape())) {
            throw new IOException(file + ": tensor '" + name + "' has shape " + Arrays.toString(t.shape())
                    + " but the model's config needs " + Arrays.toString(expectedShape));
        }
        if (t.dtype() != Safetensors.Dtype.F32 && t.dtype() != Safetensors.Dtype.BF16 && t.dtype() != Safetensors.Dtype.F16) {
            throw new IOException(file + ": tensor '" + name + "' has dtype " + t.dtypeName() + ", which cannot be read as weights (F32, BF16 and F16 can)");
        }
        long bytes = t.end() - t.begin();
        Shape shape = new Shape(t.shape());
        if (bytes == 0) return manager.zeros(shape, DataType.FLOAT32);
        if (bytes > Integer.MAX_VALUE) throw new IOException(file + ": tensor '" + name + "' is " + bytes + " bytes, more than one mapping can hold");
        long pos = headers.get(file).dataStart() + t.begin();
        MappedByteBuffer mapped;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            mapped = ch.map(FileChannel.MapMode.READ_ONLY, pos, bytes);
        }
        mapped.order(ByteOrder.LITTLE_ENDIAN);
        NDArray out;
        if (t.dtype() == Safetensors.Dtype.F32 && pos % 4 == 0 && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
            // The engine wraps a direct buffer without copying it (and copies it to a GPU itself).
            out = manager.create(mapped, shape, DataType.FLOAT32);
        } else {
            int n = (int) t.elements();
            ByteBuffer f32 = ByteBuffer.allocateDirect(4 * n).order(ByteOrder.nativeOrder());
            f32.asFloatBuffer().put(Safetensors.toFloats(mapped, t.dtype(), n));
            out = manager.create(f32, shape, DataType.FLOAT32);
        }
        out.setName(name);
        return out;
    }
}
