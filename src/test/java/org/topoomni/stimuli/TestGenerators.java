package org.topoomni.stimuli;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Small deterministic generators that stand in for the real visual and auditory families in tests. */
final class TestGenerators {
    private TestGenerators() {}

    /** Family "visual": a coloured background with a category-specific shape at a random place and size. */
    static final class Shapes implements StimulusGenerator {
        static final List<String> CATEGORIES = List.of("faces", "animals", "scenes", "instruments", "words");
        private final int size;

        Shapes(int size) {
            this.size = size;
        }

        Shapes() {
            this(32);
        }

        @Override
        public String family() { return "visual"; }

        @Override
        public List<String> categories() { return CATEGORIES; }

        @Override
        public Stimulus generate(String category, int index, int run, long seed) {
            if (!CATEGORIES.contains(category)) throw new IllegalArgumentException("unknown visual category '" + category + "'");
            if (index < 0) throw new IllegalArgumentException("index must be >= 0");
            SplittableRandom r = new SplittableRandom(seed);
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            g.fillRect(0, 0, size, size);
            int s = size / 3 + r.nextInt(size / 3), x = r.nextInt(size - s), y = r.nextInt(size - s);
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            switch (category) {
                case "faces" -> {
                    g.fillOval(x, y, s, s);
                    g.setColor(Color.BLACK);
                    g.fillRect(x + s / 4, y + s / 3, 2, 2);
                    g.fillRect(x + 3 * s / 4, y + s / 3, 2, 2);
                }
                case "animals" -> g.fillPolygon(new int[] {x, x + s, x + s / 2}, new int[] {y + s, y + s, y}, 3);
                case "scenes" -> g.fillRect(0, size / 2, size, size / 2);
                case "instruments" -> g.fillRect(x, y, s / 3, s);
                default -> {
                    g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 10));
                    g.drawString("w" + r.nextInt(100), x, y + 10);
                }
            }
            g.dispose();
            return new Stimulus("v_" + category + "_" + index, category, run, img, null, null,
                    Map.of("x", Integer.toString(x), "size", Integer.toString(s)), Provenance.generated("shapes", seed));
        }
    }

    /** Family "auditory": a tone whose pitch depends on the category, with jitter, 0.25 s at 16 kHz. */
    static final class Tones implements StimulusGenerator {
        static final List<String> CATEGORIES = List.of("speech", "music", "nonvocal", "vocal");

        @Override
        public String family() { return "auditory"; }

        @Override
        public List<String> categories() { return CATEGORIES; }

        @Override
        public String source(String category) { return "synthesised"; }

        @Override
        public Stimulus generate(String category, int index, int run, long seed) {
            int k = CATEGORIES.indexOf(category);
            if (k < 0) throw new IllegalArgumentException("unknown auditory category '" + category + "'");
            SplittableRandom r = new SplittableRandom(seed);
            double f = 300 * Math.pow(2, k) * (1 + 0.1 * r.nextDouble());
            float[] x = new float[4000];
            for (int i = 0; i < x.length; i++) x[i] = (float) (0.5 * Math.sin(2 * Math.PI * f * i / 16000.0));
            return new Stimulus("a_" + category + "_" + index, category, run, null, new Audio(x, 16000), null,
                    Map.of("frequency_hz", String.format(java.util.Locale.ROOT, "%.1f", f)), Provenance.generated("tones", seed));
        }
    }
}
