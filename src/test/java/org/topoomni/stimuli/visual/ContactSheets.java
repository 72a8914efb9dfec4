package org.topoomni.stimuli.visual;

import org.topoomni.stimuli.Seeds;
import org.topoomni.stimuli.Stimulus;
import org.topoomni.stimuli.StimulusGenerator;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Developer tool (not a test): writes a contact sheet of the first exemplars of every visual
 * and retinotopy category, and times the generation of 64 exemplars per category on 1 and 2
 * threads.
 *
 * <pre>java -Djava.awt.headless=true -cp target/classes:target/test-classes \
 *     org.topoomni.stimuli.visual.ContactSheets /tmp/stimuli-visual-look [perSheet] [seed] [clipArtRoot|-] [threads...]</pre>
 * With perSheet 0 it only times; each "threads" value times one pass (the first one is cold).
 */
public final class ContactSheets {
    private ContactSheets() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/stimuli-visual-look");
        int per = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1L;
        VisualGenerator visual = args.length > 3 && !args[3].equals("-") ? new VisualGenerator(Path.of(args[3])) : new VisualGenerator();
        RetinotopyGenerator retino = new RetinotopyGenerator();
        Files.createDirectories(out);
        for (StimulusGenerator gen : per > 0 ? List.of(visual, retino) : List.<StimulusGenerator>of()) {
            for (String c : gen.categories()) {
                List<BufferedImage> imgs = new ArrayList<>();
                List<String> labels = new ArrayList<>();
                for (int i = 0; i < per; i++) {
                    Stimulus s = gen.generate(c, i, 1 + i % 2, Seeds.item(seed, gen.family(), c, i));
                    imgs.add(s.image());
                    labels.add(s.attributes().getOrDefault("object_kind", s.attributes().getOrDefault("source", "")));
                }
                Path f = out.resolve(gen.family() + "_" + c + ".png");
                ImageIO.write(sheet(c + "  (" + gen.source(c) + ")", imgs, labels), "png", f.toFile());
            }
        }
        if (per > 0) System.out.println("contact sheets in " + out);
        if (args.length > 4) {
            for (int k = 4; k < args.length; k++) time(visual, retino, seed, Integer.parseInt(args[k]));
        } else if (per > 0) {
            time(visual, retino, seed, 1);
            time(visual, retino, seed, 2);
        }
    }

    static void time(VisualGenerator visual, RetinotopyGenerator retino, long seed, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        int n = 0;
        for (StimulusGenerator gen : List.of(visual, retino)) {
            for (String c : gen.categories()) {
                for (int i = 0; i < 64; i++) {
                    final int idx = i;
                    fs.add(pool.submit(() -> gen.generate(c, idx, 1, Seeds.item(seed, gen.family(), c, idx))));
                    n++;
                }
            }
        }
        for (Future<?> f : fs) f.get();
        pool.shutdown();
        System.out.printf("%d images (64 per category, seed %d) on %d thread(s): %.2f s%n", n, seed, threads,
                (System.nanoTime() - t0) / 1e9);
    }

    static BufferedImage sheet(String title, List<BufferedImage> imgs, List<String> labels) throws IOException {
        int cols = 8, w = imgs.get(0).getWidth(), h = imgs.get(0).getHeight(), lab = 11, head = 16;
        int rows = (imgs.size() + cols - 1) / cols;
        BufferedImage s = new BufferedImage(cols * (w + 2), head + rows * (h + lab + 2), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = s.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, s.getWidth(), s.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        g.drawString(title, 4, 12);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        for (int k = 0; k < imgs.size(); k++) {
            int x = (k % cols) * (w + 2), y = head + (k / cols) * (h + lab + 2);
            g.drawImage(imgs.get(k), x, y, null);
            String l = labels.get(k);
            g.drawString(l.length() > 18 ? l.substring(0, 18) : l, x + 1, y + h + 9);
        }
        g.dispose();
        return s;
    }
}
