package org.topoomni.backbones.pretrained;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.topoomni.stimuli.Seeds;
import org.topoomni.stimuli.Stimulus;
import org.topoomni.stimuli.visual.VisualGenerator;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A measurement, not a test: how well a linear probe on the frozen CenterNet MobileNetV3 tells
 * the visual categories apart, with and without photographic exemplars in the stimuli.
 *
 * <p>Two stimulus sets of the visual family at 128 x 128 (the same seeds): the default one and
 * one with {@link VisualGenerator#withPhotos photographs}. Features: each image's last block
 * (block 15, 120 channels) and {@code extern1} (480) averaged over positions. Split: an image is
 * held out when a seeded hash of its category and source (its clip-art or photo file, else its
 * id) falls below the held-out fraction, the rule of the pretraining corpus, so no held-out image
 * shares a drawing or photograph with a training image. Probe: multinomial logistic regression
 * on standardised features, L2 1e-3, full-batch Adam. Reports held-out accuracy per category:
 * each set's probe on its own held-out images; both probes on the held-out images the two sets
 * share (every exemplar that is not a photograph is byte-identical in both); both probes on the
 * held-out photographs. Counts are summed over seeds (each seed: new images and a new split).
 *
 * <p>Run after {@code ./setup} and {@code mvn test-compile}:
 * {@code java -cp target/test-classes:target/classes:$(cat target/classpath.txt) -Dai.djl.offline=true
 * org.topoomni.backbones.pretrained.PhotoProbe [per-category] [seeds] [out.csv]}.
 */
public final class PhotoProbe {
    static final int SIZE = 128;
    static final double HELD_OUT = 0.25;
    static final long SEED = 20261201L;
    static final double L2 = 1e-3;

    record Sample(String category, String source, String kind, boolean heldOut, float[] last, float[] head) {}

    /** The six comparisons, in table order. */
    static final List<String> COLUMNS = List.of("no photos", "with photos", "same items: probe w/o", "same items: probe with",
            "photos: probe w/o", "photos: probe with");

    public static void main(String[] args) throws IOException {
        int perCategory = args.length > 0 ? Integer.parseInt(args[0]) : 96;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path csv = args.length > 2 ? Path.of(args[2]) : null;
        List<String> cats = VisualGenerator.CATEGORIES;
        // counts[features][column][category] = {right, total}
        Map<String, int[][][]> counts = new LinkedHashMap<>();
        for (String f : List.of("block15", "extern1")) counts.put(f, new int[COLUMNS.size()][cats.size()][2]);
        try (NDManager manager = NDManager.newBaseManager(); MobileNetV3 net = MobileNetV3.centernet(manager)) {
            for (int k = 0; k < seeds; k++) {
                long seed = SEED + k;
                VisualGenerator plain = new VisualGenerator(SIZE, SIZE, VisualGenerator.DEFAULT_CLIPART_ROOT,
                        Path.of("/usr/share/wallpapers"), VisualGenerator.DEFAULT_WORD_LIST, VisualGenerator.DEFAULT_FILE_ORDER_SEED);
                VisualGenerator photos = plain.withPhotos(VisualGenerator.DEFAULT_PHOTO_ROOT);
                long t0 = System.nanoTime();
                List<Sample> a = samples(plain, cats, perCategory, net, manager, seed);
                List<Sample> b = samples(photos, cats, perCategory, net, manager, seed);
                System.out.printf(Locale.ROOT, "seed %d: features of %d + %d images in %.1f s%n", seed, a.size(), b.size(), (System.nanoTime() - t0) / 1e9);
                for (String features : counts.keySet()) {
                    boolean head = features.equals("extern1");
                    Probe pa = Probe.fit(train(a), cats, head), pb = Probe.fit(train(b), cats, head);
                    List<Sample> testB = test(b);
                    List<Sample> photoTest = testB.stream().filter(x -> x.kind().equals("photo")).toList();
                    List<Sample> sameTest = testB.stream().filter(x -> !x.kind().equals("photo")).toList();
                    int[][][] c = counts.get(features);
                    pa.count(test(a), cats, c[0]);
                    pb.count(testB, cats, c[1]);
                    pa.count(sameTest, cats, c[2]);
                    pb.count(sameTest, cats, c[3]);
                    pa.count(photoTest, cats, c[4]);
                    pb.count(photoTest, cats, c[5]);
                }
            }
        }
        StringBuilder out = new StringBuilder("features,category");
        for (String col : COLUMNS) out.append(',').append(col.replace(' ', '_').replace(":", "")).append(",n");
        out.append('\n');
        for (Map.Entry<String, int[][][]> e : counts.entrySet()) {
            int[][][] c = e.getValue();
            System.out.printf(Locale.ROOT, "%n%s: held-out accuracy per category (test images), %d per category, %d seed(s)%n", e.getKey(), perCategory, seeds);
            System.out.printf(Locale.ROOT, "%-18s", "category");
            for (String col : COLUMNS) System.out.printf(Locale.ROOT, " %22s", col);
            System.out.println();
            for (int ci = 0; ci <= cats.size(); ci++) {
                String name = ci < cats.size() ? cats.get(ci) : "all";
                System.out.printf(Locale.ROOT, "%-18s", name);
                out.append(e.getKey()).append(',').append(name);
                for (int col = 0; col < COLUMNS.size(); col++) {
                    int right = 0, total = 0;
                    for (int x = 0; x < cats.size(); x++) {
                        if (ci < cats.size() && x != ci) continue;
                        right += c[col][x][0];
                        total += c[col][x][1];
                    }
                    System.out.printf(Locale.ROOT, " %22s", total == 0 ? "-" : String.format(Locale.ROOT, "%.2f (%d)", right / (double) total, total));
                    out.append(',').append(total == 0 ? "" : String.format(Locale.ROOT, "%.4f", right / (double) total)).append(',').append(total);
                }
                System.out.println();
                out.append('\n');
            }
        }
        if (csv != null) Files.writeString(csv, out);
    }

    static List<Sample> train(List<Sample> s) {
        return s.stream().filter(x -> !x.heldOut()).toList();
    }

    static List<Sample> test(List<Sample> s) {
        return s.stream().filter(Sample::heldOut).toList();
    }

    /** Generates the images and runs the backbone in batches, keeping two pooled sites. */
    static List<Sample> samples(VisualGenerator g, List<String> cats, int n, MobileNetV3 net, NDManager manager, long seed) {
        record Made(String category, String source, String kind, boolean heldOut, BufferedImage image) {}
        List<Made> made = new ArrayList<>();
        for (String c : cats) {
            List<Made> part = java.util.stream.IntStream.range(0, n).parallel().mapToObj(i -> {
                Stimulus s = g.generate(c, i, 1, Seeds.item(seed, g.family(), g.seedKey(c), i));
                String id = s.id();
                String source = s.attributes().getOrDefault("source_file", id);
                String kind = s.attributes().getOrDefault("source", "rendered");
                boolean held = unit(Seeds.derive(seed, "visual/" + c + "/" + source)) < HELD_OUT;
                return new Made(c, source, kind, held, s.image());
            }).toList();
            made.addAll(part);
        }
        int last = net.architecture().blocks().size(), head = last + 1;
        List<Sample> out = new ArrayList<>();
        int batch = 32;
        for (int start = 0; start < made.size(); start += batch) {
            List<Made> chunk = made.subList(start, Math.min(made.size(), start + batch));
            float[] px = new float[chunk.size() * 3 * SIZE * SIZE];
            for (int k = 0; k < chunk.size(); k++) rgb(chunk.get(k).image(), px, k * 3 * SIZE * SIZE);
            float[][] pooled = new float[2][];
            try (NDManager sub = manager.newSubManager()) {
                NDArray x = sub.create(px, new Shape(chunk.size(), 3, SIZE, SIZE));
                net.forward(sub, x, (site, o, tokens) -> {
                    if (site.layer() == last) pooled[0] = o.mean(new int[] {1}).toFloatArray();
                    if (site.layer() == head) pooled[1] = o.mean(new int[] {1}).toFloatArray();
                    return o;
                });
            }
            int wl = pooled[0].length / chunk.size(), wh = pooled[1].length / chunk.size();
            for (int k = 0; k < chunk.size(); k++) {
                Made m = chunk.get(k);
                out.add(new Sample(m.category(), m.source(), m.kind(), m.heldOut(),
                        java.util.Arrays.copyOfRange(pooled[0], k * wl, (k + 1) * wl),
                        java.util.Arrays.copyOfRange(pooled[1], k * wh, (k + 1) * wh)));
            }
        }
        return out;
    }

    /** Raw RGB 0..255 into an NCHW buffer. */
    static void rgb(BufferedImage img, float[] dst, int at) {
        if (img.getWidth() != SIZE || img.getHeight() != SIZE) throw new IllegalArgumentException("images must be " + SIZE + " px");
        int plane = SIZE * SIZE;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int v = img.getRGB(x, y), i = y * SIZE + x;
                dst[at + i] = (v >> 16) & 255;
                dst[at + plane + i] = (v >> 8) & 255;
                dst[at + 2 * plane + i] = v & 255;
            }
        }
    }

    static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Multinomial logistic regression on standardised features. */
    static final class Probe {
        final List<String> cats;
        final boolean head;
        final double[] mean, std;
        final double[][] w; // classes x (features + 1)

        private Probe(List<String> cats, boolean head, double[] mean, double[] std, double[][] w) {
            this.cats = cats;
            this.head = head;
            this.mean = mean;
            this.std = std;
            this.w = w;
        }

        static double[] features(Sample s, boolean head, double[] mean, double[] std) {
            float[] f = head ? s.head() : s.last();
            double[] x = new double[f.length + 1];
            for (int j = 0; j < f.length; j++) x[j] = (f[j] - mean[j]) / std[j];
            x[f.length] = 1;
            return x;
        }

        static Probe fit(List<Sample> train, List<String> cats, boolean head) {
            int d = (head ? train.get(0).head() : train.get(0).last()).length, k = cats.size(), n = train.size();
            double[] mean = new double[d], std = new double[d];
            for (Sample s : train) {
                float[] f = head ? s.head() : s.last();
                for (int j = 0; j < d; j++) mean[j] += f[j] / n;
            }
            for (Sample s : train) {
                float[] f = head ? s.head() : s.last();
                for (int j = 0; j < d; j++) std[j] += (f[j] - mean[j]) * (f[j] - mean[j]) / n;
            }
            for (int j = 0; j < d; j++) std[j] = Math.sqrt(std[j]) + 1e-6;
            double[][] x = new double[n][];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                x[i] = features(train.get(i), head, mean, std);
                y[i] = cats.indexOf(train.get(i).category());
            }
            double[][] w = new double[k][d + 1];
            // Adam on mean cross-entropy + L2 (bias not decayed), full batch
            double[][] m1 = new double[k][d + 1], m2 = new double[k][d + 1];
            double lr = 0.05, b1 = 0.9, b2 = 0.999;
            for (int step = 1; step <= 600; step++) {
                double[][] grad = new double[k][d + 1];
                double[] p = new double[k];
                for (int i = 0; i < n; i++) {
                    softmax(w, x[i], p);
                    p[y[i]] -= 1;
                    for (int c = 0; c < k; c++) {
                        double g = p[c] / n;
                        if (g == 0) continue;
                        double[] gc = grad[c], xi = x[i];
                        for (int j = 0; j <= d; j++) gc[j] += g * xi[j];
                    }
                }
                for (int c = 0; c < k; c++) {
                    for (int j = 0; j <= d; j++) {
                        double g = grad[c][j] + (j < d ? L2 * w[c][j] : 0);
                        m1[c][j] = b1 * m1[c][j] + (1 - b1) * g;
                        m2[c][j] = b2 * m2[c][j] + (1 - b2) * g * g;
                        double mh = m1[c][j] / (1 - Math.pow(b1, step)), vh = m2[c][j] / (1 - Math.pow(b2, step));
                        w[c][j] -= lr * mh / (Math.sqrt(vh) + 1e-8);
                    }
                }
            }
            return new Probe(cats, head, mean, std, w);
        }

        static void softmax(double[][] w, double[] x, double[] p) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < w.length; c++) {
                double z = 0;
                for (int j = 0; j < x.length; j++) z += w[c][j] * x[j];
                p[c] = z;
                max = Math.max(max, z);
            }
            double sum = 0;
            for (int c = 0; c < p.length; c++) sum += p[c] = Math.exp(p[c] - max);
            for (int c = 0; c < p.length; c++) p[c] /= sum;
        }

        String predict(Sample s) {
            double[] p = new double[cats.size()];
            softmax(w, features(s, head, mean, std), p);
            int best = 0;
            for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
            return cats.get(best);
        }

        /** Adds {right, total} per category of a test set to {@code into}. */
        void count(List<Sample> test, List<String> categories, int[][] into) {
            for (Sample s : test) {
                int c = categories.indexOf(s.category());
                into[c][1]++;
                if (predict(s).equals(s.category())) into[c][0]++;
            }
        }
    }

    private PhotoProbe() {}
}
