package org.topoomni.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topoomni.discover.TinyModels;
import org.topoomni.map.Contrast;
import org.topoomni.map.Contrasts;
import org.topoomni.map.Region;
import org.topoomni.stimuli.Audio;
import org.topoomni.stimuli.StimulusFolder;
import org.topoomni.stimuli.Wav;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** localize and stimuli inspect on a lab's own fLoc-style folder, with the shipped contrast files, on a tiny untrained model. */
class LabFoldersCliTest {
    static final List<String> FLOC = List.of("adult", "child", "body", "limb", "corridor", "house", "car", "instrument", "word", "number", "scrambled");
    static final Path EXAMPLES = Path.of("examples/contrasts");

    @TempDir
    static Path tmp;
    static Path model, floc;

    @BeforeAll
    static void fixtures() throws Exception {
        model = TinyModels.write(tmp.resolve("model"), 4);
        floc = tmp.resolve("floc");
        writeFloc(floc, 4);
    }

    /**
     * fLoc's eleven category folders, {@code n} images each, of several sizes and formats. Faces
     * (adult, child) are reddish, every other category has the same grey-blue noise, so faces
     * differ systematically from their OFF images and car does not differ from instrument.
     */
    static void writeFloc(Path root, int n) throws Exception {
        SplittableRandom r = new SplittableRandom(11);
        for (String c : FLOC) {
            Files.createDirectories(root.resolve(c));
            boolean face = c.equals("adult") || c.equals("child");
            for (int i = 0; i < n; i++) {
                int w = 24 + 8 * (i % 3), h = 32 - 4 * (i % 2);
                BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int red = face ? 170 + r.nextInt(80) : 60 + r.nextInt(80);
                        int green = 60 + r.nextInt(80), blue = face ? 40 + r.nextInt(60) : 90 + r.nextInt(80);
                        img.setRGB(x, y, (red << 16) | (green << 8) | blue);
                    }
                }
                String format = i % 2 == 0 ? "png" : "jpg";
                assertTrue(ImageIO.write(img, format.equals("jpg") ? "jpeg" : "png", root.resolve(c).resolve(c + "-" + (i + 1) + "." + format).toFile()));
            }
        }
    }

    @Test
    void localizeOnAnFlocFolderWritesWhatALibraryRunWrites() throws Exception {
        // the shipped fLoc contrasts plus a null contrast: car and instrument images come from the same distribution
        List<Contrast> cs = new ArrayList<>(Contrasts.read(EXAMPLES.resolve("floc.json")));
        cs.add(new Contrast("null_car", List.of("car"), List.of("instrument"), Region.VISION, Contrast.Kind.SENSORY, null));
        Path cf = tmp.resolve("contrasts.json");
        Files.writeString(cf, Contrasts.toJson(cs));
        Path out = tmp.resolve("loc");
        CliTest.Run r = CliTest.run("localize", "--model", model.toString(), "--stimuli", floc.toString(), "--contrast-file", cf.toString(),
                "--out", out.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        for (String f : new String[] {"summary.json", "layout.json", "responses/responses.npy", "responses/stimuli.csv",
                "profiles.csv", "profile_conditions.csv", "profiles.png"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " missing");
        }
        for (String c : new String[] {"faces", "bodies", "places", "objects", "characters", "null_car"}) {
            for (String f : new String[] {"tmap.npy", "qmap.npy", "dmap.npy", "mask.npy", "map.png", "summary.json"}) {
                assertTrue(Files.isRegularFile(out.resolve(c).resolve(f)), c + "/" + f + " missing");
            }
        }
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(FLOC.size() * 4, s.get("n_stimuli").asInt());
        assertEquals(floc.toAbsolutePath().normalize().toString(), s.path("libraries").get(0).asText());
        JsonNode faces = s.path("contrasts").path("faces");
        assertEquals(8, faces.path("n_on").asInt());
        assertEquals(32, faces.path("n_off").asInt(), "OFF = the other four domains; scrambled is not used");
        // the reddish faces drive the vision stack differently from everything else; the null contrast finds nothing
        assertTrue(faces.path("n_significant").asInt() > 0, faces.toString());
        assertEquals(0, s.path("contrasts").path("null_car").path("n_significant").asInt(), s.path("contrasts").path("null_car").toString());
        // fLoc's domains are the human table's conditions, so the faces profile is compared with the FFA over them
        JsonNode prof = s.path("profiles").path("faces");
        assertEquals("FFA", prof.path("human_roi").asText());
        assertTrue(prof.path("n_conditions").asInt() >= 5, prof.toString());
        List<String> rows = Files.readAllLines(out.resolve("responses/stimuli.csv"));
        assertTrue(rows.stream().anyMatch(x -> x.startsWith("adult_adult-1,")), rows.subList(0, 3).toString());

        // perturb on the same folder: a domain's pictures are its contrast's ON categories (faces = adult + child)
        Path pert = tmp.resolve("perturb");
        CliTest.Run p = CliTest.run("perturb", "--model", model.toString(), "--localizer", out.toString(), "--stimuli", floc.toString(),
                "--out", pert.toString(), "--categories", "faces,places", "--coverage", "0,20", "--per-category", "3", "--max-tokens", "2");
        assertEquals(0, p.code(), p.err() + p.out());
        JsonNode ps = new ObjectMapper().readTree(pert.resolve("summary.json").toFile());
        assertEquals(3, ps.path("categories").path("faces").path("n_images").asInt(), ps.toString());
        List<String> examples = Files.readAllLines(pert.resolve("examples.csv"));
        assertTrue(examples.stream().anyMatch(x -> x.contains("adult_") || x.contains("child_")), "the faces are fLoc's adults and children");
        assertTrue(examples.stream().anyMatch(x -> x.contains("corridor_") || x.contains("house_")), "the places are its corridors and houses");
    }

    @Test
    void tooFewStimuliOrAnUnknownStackStopBeforeTheModelAndWriteNothing() throws Exception {
        Path small = tmp.resolve("small");
        writeFloc(small, 2);
        Files.delete(small.resolve("child/child-2.jpg"));
        Path out = tmp.resolve("loc-small");
        CliTest.Run r = CliTest.run("localize", "--model", model.toString(), "--stimuli", small.toString(), "--contrast-file",
                EXAMPLES.resolve("floc.json").toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("error: contrast 'faces': category 'child' has 1 stimulus; at least 2 per category are needed "
                + "(the Welch t-test needs 2 per group, and the response profiles one in an even and one in an odd run)"), r.err());
        assertFalse(Files.exists(out), "nothing is written");

        Path cf = tmp.resolve("cortex.json");
        Files.writeString(cf, "[{\"name\": \"faces\", \"on\": [\"adult\", \"child\"], \"off\": [\"car\"], \"region\": [\"cortex\"]}]");
        r = CliTest.run("localize", "--model", model.toString(), "--stimuli", floc.toString(), "--contrast-file", cf.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("error: contrast 'faces': region 'cortex': 'cortex' is neither a stack of this sheet nor the modality of one; "
                + "its stacks: [vision, audio, language]"), r.err());
        assertFalse(Files.exists(out.resolve("responses")), "stopped before recording");
        assertFalse(r.err().contains("\tat "), r.err());

        Path onoff = tmp.resolve("onoff");
        Files.createDirectories(onoff.resolve("ON"));
        Files.createDirectories(onoff.resolve("off"));
        Files.copy(floc.resolve("adult/adult-1.png"), onoff.resolve("ON/a.png"));
        Files.copy(floc.resolve("car/car-1.png"), onoff.resolve("off/b.png"));
        r = CliTest.run("localize", "--model", model.toString(), "--stimuli", onoff.toString(), "--contrast-file",
                EXAMPLES.resolve("on_off.json").toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("contrast 'on_vs_off': category 'on' has 1 stimulus; at least 2"), r.err());
    }

    @Test
    void theShippedContrastFilesFitTheirFolders() throws Exception {
        Path onoff = tmp.resolve("onoff2"), voice = tmp.resolve("voice");
        for (String c : new String[] {"ON", "OFF"}) {
            Files.createDirectories(onoff.resolve(c));
            for (int i = 0; i < 2; i++) Files.copy(floc.resolve("house/house-" + (i + 1) + (i % 2 == 0 ? ".png" : ".jpg")), onoff.resolve(c + "/" + i + (i % 2 == 0 ? ".png" : ".jpg")));
        }
        for (String c : new String[] {"vocal", "nonvocal"}) {
            Files.createDirectories(voice.resolve(c));
            for (int i = 0; i < 2; i++) Files.write(voice.resolve(c + "/" + i + ".wav"), Wav.encode16(new Audio(new float[800], 8000)));
        }
        List<Contrast> oo = LocalizeCommand.chooseContrasts(StimulusFolder.open(onoff).loadAll(), EXAMPLES.resolve("on_off.json"), null);
        assertEquals(List.of("on_vs_off"), Contrasts.names(oo));
        List<Contrast> v = LocalizeCommand.chooseContrasts(StimulusFolder.open(voice).loadAll(), EXAMPLES.resolve("voice.json"), null);
        assertEquals(List.of("voice"), Contrasts.names(v));
        assertSame(Region.AUDIO, v.get(0).region());
        List<Contrast> f = LocalizeCommand.chooseContrasts(StimulusFolder.open(floc).loadAll(), EXAMPLES.resolve("floc.json"), null);
        assertEquals(List.of("faces", "bodies", "places", "objects", "characters"), Contrasts.names(f));
    }

    @Test
    void inspectReadsALabFolder() {
        CliTest.Run r = CliTest.run("stimuli", "inspect", floc.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("layout categories, 44 items in 11 categories, 4 runs"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  adult\\s+image\\s+4\\s+1\\s+1\\s+1\\s+1\\n.*"), r.out());
        assertTrue(Files.isRegularFile(floc.resolve("_inspect/adult_sheet.png")));
        assertTrue(Files.isRegularFile(floc.resolve("_inspect/items.csv")));
    }
}
