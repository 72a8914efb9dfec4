package org.topoomni.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.topoomni.results.ScreeningSummary;
import org.topoomni.results.RoundTrip;
import org.junit.jupiter.api.io.TempDir;
import org.topoomni.discover.GroupVsRest;
import org.topoomni.discover.TinyModels;
import org.topoomni.io.Npy;
import org.topoomni.stimuli.Families;
import org.topoomni.stimuli.Progress;
import org.topoomni.stimuli.ScreeningPool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** discover end to end on a tiny untrained model and a 20-item pool of four categories. */
class DiscoverCliTest {
    @TempDir
    static Path tmp;
    static Path model, pool;

    @BeforeAll
    static void fixtures() throws Exception {
        model = TinyModels.write(tmp.resolve("model"), 4);
        Families f = Families.standard();
        Set<String> cats = Set.of("faces", "landscapes", "music", "animal_sounds");
        pool = tmp.resolve("lib/pool");
        new ScreeningPool(List.of(f.generator("visual"), f.generator("auditory")), (fam, c) -> cats.contains(c))
                .write(pool, 3, 5, 2, 2, "test", Progress.NONE.start("pool", 20));
    }

    @Test
    void writesEveryClusterWithItsMapCollageAndEvaluation() throws Exception {
        Path out = tmp.resolve("disc");
        CliTest.Run r = CliTest.run("discover", "--model", model.toString(), "--pool", tmp.resolve("lib").toString(), "--out", out.toString(),
                "--labels", pool.resolve("labels.json").toString(), "--permutations", "19", "--seed", "2");
        assertEquals(0, r.code(), r.err() + r.out());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        RoundTrip.check(out.resolve(ScreeningSummary.FILE), ScreeningSummary::read);
        assertEquals(20, s.get("n_items").asInt());
        assertEquals(2, s.path("settings").path("min_size").asInt(), "the paper's 10 of 2572 scaled to 20 items, at least 2");
        assertEquals(4, s.path("settings").path("max_size").asInt(), "the paper's 500 of 2572 scaled to 20 items");
        JsonNode clusters = s.get("clusters");
        assertTrue(clusters.size() >= 1, s.toString());
        Set<String> seen = new HashSet<>();
        int assigned = 0;
        for (JsonNode c : clusters) {
            for (String k : new String[] {"id", "size", "score", "island_morans_i", "n_islands", "top_label", "purity", "members_file", "collage", "map"}) {
                assertTrue(c.has(k), "cluster lacks " + k + ": " + c);
            }
            int size = c.get("size").asInt();
            assertTrue(size >= 2 && size <= 4, c.toString());
            assigned += size;
            List<String> lines = Files.readAllLines(out.resolve(c.get("members_file").asText()));
            assertEquals("order,row,id,file,label", lines.get(0));
            assertEquals(size, lines.size() - 1);
            for (String line : lines.subList(1, lines.size())) assertTrue(seen.add(line.split(",")[2]), "an item is in one cluster only: " + line);
            assertTrue(Set.of("faces", "landscapes", "music", "animal_sounds").contains(c.get("top_label").asText()), c.toString());
            double purity = c.get("purity").asDouble();
            assertTrue(purity > 0 && purity <= 1, c.toString());
            assertTrue(Files.size(out.resolve(c.get("collage").asText())) > 0);
            assertTrue(Files.size(out.resolve(c.get("map").asText())) > 0);
            // the score is the median over the sheet of the cluster map's t (the same statistic, computed twice)
            Npy.Array t = Npy.read(out.resolve(c.get("members_file").asText()).resolveSibling("tmap.npy"));
            double median = GroupVsRest.median(toDouble(t.asFloats()));
            assertEquals(c.get("score").asDouble(), median, 1e-4 * Math.max(1, Math.abs(median)), c.toString());
        }
        assertEquals(20, assigned + s.get("n_unassigned").asInt());
        for (String f : new String[] {"dendrogram.png", "walk.csv", "embeddings.npy", "linkage.npy", "items.csv"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " missing");
        }
        assertArrayEquals(new int[] {20, 64}, Npy.read(out.resolve("embeddings.npy")).shape());
        assertTrue(s.has("categories") && s.get("categories").has("faces"), "per-label evaluation");
        assertTrue(s.path("timings_s").path("total").asDouble() > 0);
        assertTrue(r.out().contains("clusters in"), r.out());

        // the same seed gives the same clusters; without labels there is no evaluation; a stale cluster folder is removed
        Path again = tmp.resolve("disc-again");
        Files.createDirectories(again.resolve("cluster-99"));
        Files.writeString(again.resolve("cluster-99/members.csv"), "order,row,id,file\n");
        CliTest.Run r2 = CliTest.run("discover", "--model", model.toString(), "--pool", pool.toString(), "--out", again.toString(),
                "--permutations", "19", "--seed", "2");
        assertEquals(0, r2.code(), r2.err());
        JsonNode s2 = new ObjectMapper().readTree(again.resolve("summary.json").toFile());
        RoundTrip.check(again.resolve(ScreeningSummary.FILE), ScreeningSummary::read);
        assertEquals(clusters.size(), s2.get("clusters").size());
        for (int k = 0; k < clusters.size(); k++) {
            assertEquals(clusters.get(k).get("size"), s2.get("clusters").get(k).get("size"));
            assertEquals(clusters.get(k).get("score"), s2.get("clusters").get(k).get("score"));
            assertEquals(clusters.get(k).get("island_morans_i"), s2.get("clusters").get(k).get("island_morans_i"));
            assertTrue(s2.get("clusters").get(k).get("top_label").isNull());
        }
        assertFalse(s2.has("categories"));
        assertFalse(Files.exists(again.resolve("cluster-99")), "a cluster folder of an earlier run is removed");
    }

    /** A lab's own collection (a film with sound, a long recording, a few pictures) is cut into 2-s clips, each an item with its span. */
    @Test
    void aLabsOwnCollectionIsScreenedAsTwoSecondClips() throws Exception {
        Path films = Files.createDirectories(tmp.resolve("films"));
        run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=64x64:rate=10", "-f", "lavfi", "-i", "sine=frequency=440",
                "-t", "9", "-pix_fmt", "yuv420p", "-c:v", "libx264", "-c:a", "aac", "-shortest", films.resolve("film.mp4").toString());
        run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=880", "-t", "6.5", "-ar", "16000", films.resolve("birdsong.wav").toString());
        for (int i = 0; i < 3; i++) {
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(48, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 48; y++) for (int x = 0; x < 48; x++) img.setRGB(x, y, (x * 5 + i * 70) << 16 | (y * 5) << 8);
            javax.imageio.ImageIO.write(img, "png", films.resolve("still_" + i + ".png").toFile());
        }
        Path out = tmp.resolve("disc-films");
        CliTest.Run r = CliTest.run("discover", "--model", model.toString(), "--pool", films.toString(), "--out", out.toString(),
                "--permutations", "9", "--min-size", "2", "--max-size", "6");
        assertEquals(0, r.code(), r.err() + r.out());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        // the film gives 4 clips (the last second is left out), the recording 3, each picture one item
        assertEquals(4 + 3 + 3, s.get("n_items").asInt(), s.toString());
        List<String> items = Files.readAllLines(out.resolve("items.csv"));
        assertTrue(items.contains("4,pool_film_c001") && items.contains("2,pool_birdsong_c002"), items.toString());
        for (JsonNode c : s.get("clusters")) {
            List<String> members = Files.readAllLines(out.resolve(c.get("members_file").asText()));
            assertEquals("order,row,id,file,start_s,end_s", members.get(0), "clips carry their time span");
            for (String m : members.subList(1, members.size())) {
                if (m.contains("pool_film_c002")) assertTrue(m.endsWith(",film.mp4,4.000,6.000"), m);
            }
        }
    }

    static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String outText = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + outText);
    }

    @Test
    void badInputIsOneClearLine() throws Exception {
        CliTest.Run r = CliTest.run("discover", "--model", model.toString(), "--pool", tmp.resolve("nowhere").toString(), "--out", tmp.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("topo-omni discover: error: pool folder not found: " + tmp.resolve("nowhere")), r.err());
        assertFalse(r.err().contains("\tat "), r.err());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        r = CliTest.run("discover", "--model", model.toString(), "--pool", empty.toString(), "--out", tmp.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(empty + ": empty folder"), r.err()); // a folder without a manifest is read as a lab's own collection

        Path none = Files.createDirectories(tmp.resolve("no-items"));
        Files.writeString(none.resolve("manifest.json"), "{\"format\": \"topo-omni-stimulus-set/1\", \"name\": \"pool\", \"items\": []}");
        r = CliTest.run("discover", "--model", model.toString(), "--pool", none.toString(), "--out", tmp.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("has no items"), r.err());

        r = CliTest.run("discover", "--model", model.toString(), "--pool", pool.toString(), "--out", tmp.resolve("x").toString(),
                "--min-size", "10", "--max-size", "5");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("error: the minimum cluster size (10) is larger than the maximum (5)"), r.err());

        r = CliTest.run("discover", "--model", model.toString(), "--pool", pool.toString(), "--out", tmp.resolve("x").toString(), "--min-size", "30");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("the minimum cluster size (30) is larger than the maximum (4, the default for 20 items)"), r.err());

        r = CliTest.run("discover", "--model", model.toString(), "--pool", pool.toString(), "--out", tmp.resolve("x").toString(),
                "--labels", tmp.resolve("labels.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("labels file not found: " + tmp.resolve("labels.json")), r.err());
        assertFalse(Files.exists(tmp.resolve("x")), "nothing is written for bad input");
    }

    @Test
    void benchmarkFindsThePlantedGroupsAndEndsWithItsNumber() {
        CliTest.Run help = CliTest.run("--help");
        assertTrue(help.out().matches("(?s).*\\n\\s+discover\\s+\\S.*"), help.out());
        CliTest.Run r = CliTest.run("bench", "discover", "--items", "120", "--pairs", "3", "--dim", "8", "--permutations", "9", "--repetitions", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("planted responsive groups found exactly as clusters: 3 of 3"), r.out());
        String[] lines = r.out().strip().split("\n");
        assertTrue(lines[lines.length - 1].matches("discover_ms=\\d+\\.\\d"), lines[lines.length - 1]);
        CliTest.Run bad = CliTest.run("bench", "discover", "--items", "81", "--pairs", "2");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("items (81) must be a multiple of 2 x pairs (4)"), bad.err());
    }

    static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }
}
