package org.topoomni.backbones.pretrained;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topoomni.model.Answer;
import org.topoomni.model.LayerHook;
import org.topoomni.model.LayerSite;
import org.topoomni.model.ModelInput;
import org.topoomni.model.Processor;
import org.topoomni.model.TokenMap;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.stimuli.Audio;
import org.topoomni.stimuli.Stimulus;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * PretrainedOmni on its real towers (after ./setup) with the small trained parts of
 * {@link PretrainedOmniConfig#testTiny()}: shapes, hooks at every site with their token maps,
 * the sheet, a save/load round trip, generation, and the errors for missing or changed towers
 * and bad configs.
 */
class PretrainedOmniTest {
    static NDManager manager;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    /** A fresh tiny model on the installed towers; its vocabulary knows a few answers. */
    static PretrainedOmni tiny(long seed) throws IOException {
        MobileNetV3 cnn = MobileNetV3.centernet(manager);
        MiniLm text = MiniLm.fromClassPath(manager);
        List<int[]> seqs = new ArrayList<>();
        for (String a : List.of("a face", "a place", "speech", "music", "the cat sat on the mat")) seqs.add(text.encode(a, false));
        return new PretrainedOmni(manager, PretrainedOmniConfig.testTiny(), cnn, text, ThinkerVocabulary.of(text, seqs), Towers.installed(), seed);
    }

    static BufferedImage picture(int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
        g.fillRect(0, 0, size, size);
        g.setColor(Color.BLACK);
        g.fillOval(r.nextInt(size / 2), r.nextInt(size / 2), size / 3, size / 3);
        g.dispose();
        return img;
    }

    static Audio sound(double seconds, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] s = new float[(int) (16000 * seconds)];
        double f = 200 + r.nextInt(800);
        for (int i = 0; i < s.length; i++) s[i] = (float) (0.3 * Math.sin(2 * Math.PI * f * i / 16000) + 0.05 * r.nextGaussian());
        return new Audio(s, 16000);
    }

    /** An image with a prompt, a sound with a prompt, both, and a plain text. */
    static List<ModelInput> inputs(Processor p) {
        Stimulus img = new Stimulus("i", "faces", 1, picture(96, 1), null, null, Map.of(), null);
        Stimulus snd = new Stimulus("s", "speech", 1, null, sound(0.5, 2), null, Map.of(), null);
        Stimulus both = new Stimulus("b", "faces+speech", 1, picture(96, 3), sound(0.5, 4), null, Map.of(), null);
        return List.of(p.withAnswer(p.chat(img, "What do you see?"), p.answer("a face")),
                p.withAnswer(p.chat(snd, "What do you hear?"), p.answer("speech")),
                p.withAnswer(p.chat(both, "Describe this."), p.answer("a face and speech")),
                p.plainText("The cat sat on the mat."));
    }

    @Test
    void theDefaultSheetIs80By80WithEveryStackInWholeRows() throws IOException {
        int[] widths;
        try (MobileNetV3 cnn = MobileNetV3.centernet(manager)) {
            widths = cnn.widths();
        }
        SheetLayout sheet = SheetLayout.of(PretrainedOmni.stacksOf(PretrainedOmniConfig.defaults(), widths, 6));
        assertEquals(80, sheet.rows());
        assertEquals(80, sheet.cols());
        assertEquals(2048, sheet.band("vision").stack().units());
        assertEquals(768, sheet.band("audio").stack().units());
        assertEquals(2304, sheet.band("text").stack().units());
        assertEquals(1280, sheet.band("thinker").stack().units());
        assertEquals(32, sheet.band("vision").cols());
        assertEquals(12, sheet.band("audio").cols());
        assertEquals(36, sheet.band("text").cols());
        assertEquals(64, sheet.band("thinker").top());
        assertEquals(org.topoomni.sheet.SheetPresets.get("pretrained-omni").describe(), sheet.describe(), "the benchmarks' preset is this sheet");
    }

    @Test
    void forwardShapesAndHooksAtEverySiteWithTheirTokenMaps() throws IOException {
        try (PretrainedOmni model = tiny(1); NDManager m = manager.newSubManager()) {
            PretrainedOmniConfig cfg = model.config();
            List<ModelInput> in = inputs(model.processor());
            Map<LayerSite, String> seen = new LinkedHashMap<>();
            Map<LayerSite, TokenMap> maps = new LinkedHashMap<>();
            var out = model.forward(m, in, (site, x, tokens) -> {
                seen.put(site, x.getShape().toString());
                maps.put(site, tokens);
                assertEquals(x.getShape().get(0), tokens.rows(), site + " rows");
                assertEquals(x.getShape().get(1), tokens.tokens(), site + " tokens");
                return x;
            });
            assertEquals(model.sites(), new ArrayList<>(seen.keySet()), "a hook at every site, in sheet order");
            int g = cfg.imageSize() / 32;
            int[] cnnWidths = model.cnn().widths();
            // CNN sites as (images, H*W, C): the stem at stride 2, extern1 at stride 32; two inputs have an image (items 0 and 2)
            assertEquals("(2, " + (cfg.imageSize() / 2) * (cfg.imageSize() / 2) + ", " + cnnWidths[0] + ")", seen.get(new LayerSite("vision", 0)));
            assertEquals("(2, " + g * g + ", 480)", seen.get(new LayerSite("vision", 16)));
            assertEquals("(2, " + g * g + ", " + cfg.visionAdapter() + ")", seen.get(new LayerSite("vision", 17)));
            assertArrayEquals(new int[] {0, 2}, maps.get(new LayerSite("vision", 5)).items());
            assertArrayEquals(new int[] {1, 2}, maps.get(new LayerSite("audio", 0)).items());
            assertEquals("(2, " + cfg.audioPositions() + ", " + cfg.audio().dim() + ")", seen.get(new LayerSite("audio", 1)));
            // the MiniLM reads every item's text; its map marks the padding of the shorter ones
            TokenMap text = maps.get(new LayerSite("text", 0));
            assertArrayEquals(new int[] {0, 1, 2, 3}, text.items());
            int[] lens = new int[4];
            for (int i = 0; i < 4; i++) lens[i] = ((OmniInput) in.get(i)).text().length;
            for (int i = 0; i < 4; i++) {
                float real = 0;
                for (int j = 0; j < text.tokens(); j++) real += text.valid()[i * text.tokens() + j];
                assertEquals(lens[i], real, 0, "real word pieces of item " + i);
            }
            // the thinker's map: a chat item's positions up to and with the assistant marker, a plain text's all
            TokenMap th = maps.get(new LayerSite("thinker", 0));
            float first = 0, plain = 0;
            for (int j = 0; j < th.tokens(); j++) {
                first += th.valid()[j];
                plain += th.valid()[3 * th.tokens() + j];
            }
            assertEquals(cfg.visionTokens() + lens[0] + 1, first, 0);
            assertEquals(lens[3], plain, 0);
            NDArray logits = out.logits();
            assertEquals(4, logits.getShape().get(0));
            assertEquals(th.tokens(), logits.getShape().get(1));
            assertEquals(model.vocabulary().size(), logits.getShape().get(2));
            float loss = out.answerLoss().getFloat();
            assertTrue(loss > 0 && Float.isFinite(loss), "loss " + loss);
            assertEquals(SheetLayout.of(model.stacks()).units(), model.sheet().units());
            assertEquals(66, model.sheet().rows());
            assertEquals(72, model.sheet().cols());
        }
    }

    @Test
    void whatAHookReturnsGoesOnAtTheCnnTheAdapterAndTheThinker() throws IOException {
        try (PretrainedOmni model = tiny(2); NDManager m = manager.newSubManager()) {
            List<ModelInput> in = inputs(model.processor()).subList(0, 1);
            float[] base = model.forward(m, in, LayerHook.NONE).logits().toFloatArray();
            for (LayerSite target : List.of(new LayerSite("vision", 3), new LayerSite("vision", 17), new LayerSite("text", 2), new LayerSite("thinker", 0))) {
                float[] changed = model.forward(m, in, (site, x, t) -> site.equals(target) ? x.mul(0.5f) : x).logits().toFloatArray();
                double diff = 0;
                for (int i = 0; i < base.length; i++) diff = Math.max(diff, Math.abs(base[i] - changed[i]));
                assertTrue(diff > 1e-6, "halving " + target + " must change the logits");
            }
            float[] same = model.forward(m, in, (site, x, t) -> x).logits().toFloatArray();
            assertArrayEquals(base, same, 0f, "an identity hook changes nothing");
        }
    }

    @Test
    void saveAndLoadGiveTheSameLogitsAndAnswers(@TempDir Path dir) throws IOException {
        float[] before;
        List<Answer> answers;
        String sheet;
        try (PretrainedOmni model = tiny(3); NDManager m = manager.newSubManager()) {
            sheet = model.sheet().describe();
            before = model.forward(m, inputs(model.processor()), LayerHook.NONE).logits().toFloatArray();
            answers = model.generate(m, inputs(model.processor()).subList(0, 3), 4, LayerHook.NONE);
            PretrainedOmniCheckpoint.save(dir, model, Map.of("test", "1"));
        }
        assertEquals(3, answers.size());
        for (Answer a : answers) assertTrue(a.tokens().length <= 4, "at most 4 tokens: " + a);
        try (var opened = new PretrainedOmniFactory().open(manager, dir); NDManager m = manager.newSubManager()) {
            assertEquals(PretrainedOmni.ARCHITECTURE, opened.architecture());
            float[] after = opened.forward(m, inputs(opened.processor()), LayerHook.NONE).logits().toFloatArray();
            assertArrayEquals(before, after, 0f);
            List<Answer> again = opened.generate(m, inputs(opened.processor()).subList(0, 3), 4, LayerHook.NONE);
            for (int i = 0; i < 3; i++) assertArrayEquals(answers.get(i).tokens(), again.get(i).tokens());
        }
        assertEquals(sheet, SheetLayout.of(new PretrainedOmniFactory().stacks(dir)).describe(), "the stacks from the config alone");
    }

    @Test
    void missingOrChangedTowerFilesAndBadConfigsAreClearErrors(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("model");
        try (PretrainedOmni model = tiny(4)) {
            PretrainedOmniCheckpoint.save(dir, model, Map.of());
        }
        Path empty = Files.createDirectories(tmp.resolve("no-towers"));
        IOException missing = assertThrows(IOException.class, () -> PretrainedOmniCheckpoint.load(manager, dir, empty));
        assertTrue(missing.getMessage().contains("centernet.json is missing") && missing.getMessage().contains("run ./setup"), missing.getMessage());

        Path changed = Files.createDirectories(tmp.resolve("changed"));
        Path installed = PretrainedFiles.humanModels();
        Files.copy(installed.resolve("centernet.json"), changed.resolve("centernet.json"));
        byte[] bin = Files.readAllBytes(installed.resolve("centernet.bin"));
        bin[bin.length / 2] ^= 1;
        Files.write(changed.resolve("centernet.bin"), bin);
        IOException differs = assertThrows(IOException.class, () -> PretrainedOmniCheckpoint.load(manager, dir, changed));
        assertTrue(differs.getMessage().contains("centernet.bin") && differs.getMessage().contains("sha256") && differs.getMessage().contains("run ./setup"),
                differs.getMessage());

        String cfg = Files.readString(dir.resolve("config.json"));
        Files.writeString(dir.resolve("config.json"), cfg.replace("\"image_size\" : 64", "\"image_size\" : 50"));
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> PretrainedOmniCheckpoint.load(manager, dir));
        assertTrue(size.getMessage().contains("image_size must be a positive multiple of 32"), size.getMessage());
        Files.writeString(dir.resolve("config.json"), cfg.replace("\"towers\"", "\"towers_\""));
        IllegalArgumentException towers = assertThrows(IllegalArgumentException.class, () -> PretrainedOmniCheckpoint.load(manager, dir));
        assertTrue(towers.getMessage().contains("towers"), towers.getMessage());
        Files.writeString(dir.resolve("config.json"), cfg.replace("\"thinker\" : {", "\"thinker\" : {\"extra\": 1,"));
        assertThrows(IllegalArgumentException.class, () -> PretrainedOmniCheckpoint.load(manager, dir));
        Files.writeString(dir.resolve("config.json"), cfg);
        Files.delete(dir.resolve("model.safetensors"));
        IOException weights = assertThrows(IOException.class, () -> PretrainedOmniCheckpoint.load(manager, dir));
        assertTrue(weights.getMessage().contains("model.safetensors is missing"), weights.getMessage());
    }
}
