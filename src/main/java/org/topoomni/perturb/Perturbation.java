package org.topoomni.perturb;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import org.topoomni.io.AtomicFiles;
import org.topoomni.map.Csv;
import org.topoomni.io.Json;
import org.topoomni.model.CorticalModel;
import org.topoomni.plot.LinePlot;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.stimuli.Progress;
import org.topoomni.stimuli.StimulusSet;
import org.topoomni.registry.Models;
import org.topoomni.task.Answers;
import org.topoomni.task.HeldOut;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Drive and suppress category clusters and measure what the model reports (METHOD.md section 6).
 *
 * <p>For each category X (a localizer contrast of that name, e.g. faces &gt; bodies + objects +
 * scenes) and coverage p, with X's cluster mask (top p% of the vision stack by even-run t) and
 * X's delta (odd-run mean Z to X minus mean Z to the other categories), see
 * {@link LocalizedClusters}; interventions through the adaptor taps, see {@link InterventionTap};
 * answers and judge, see {@link PerceptionProbe}:
 * <ul>
 * <li>drive rate: share of the held-out images of the other categories whose answer names X when
 * +delta is added on the mask;</li>
 * <li>suppress accuracy: share of the X images identified correctly when -delta is added, and
 * suppress-other accuracy: share of the other categories' images identified correctly under the
 * same suppression (specificity);</li>
 * <li>the same three with random masks of the same size (the null control), averaged over
 * {@link Settings#randomMasks} masks.</li>
 * </ul>
 * Coverage 0 is the unperturbed model (an empty mask is no intervention; the tests check that
 * it gives identical answers), answered once and shared by every category.
 *
 * <p>Outputs in OUT: {@code summary.json} (every curve, the model, whether it is the control,
 * the settings, the timings), {@code curves.png} (dose-response, cluster solid vs random dashed,
 * one panel per category), {@code examples.csv} (every answer and its judgement).
 */
public final class Perturbation {
    public static final String SUMMARY = "summary.json", CURVES = "curves.png", EXAMPLES = "examples.csv";
    public static final List<String> DEFAULT_CATEGORIES = List.of("faces", "bodies", "scenes", "objects");
    public static final double[] DEFAULT_COVERAGES = {0, 2.5, 5, 10, 15, 20, 30};

    /**
     * Settings of an experiment.
     *
     * @param categories  categories whose clusters are perturbed (localizer contrasts of those names)
     * @param coverages   percentages of the region's units in the masks, ascending, each in [0, 100]
     * @param randomMasks random masks per category and coverage (0: no random control)
     * @param perCategory held-out images per category, at most
     * @param seed        seed of the random masks and of the image sample
     * @param maxTokens   longest answer in tokens
     * @param batchSize   rows (image x condition) per forward pass
     */
    public record Settings(List<String> categories, double[] coverages, int randomMasks, int perCategory, long seed,
                           int maxTokens, int batchSize) {
        public Settings {
            if (categories == null || categories.isEmpty()) throw new IllegalArgumentException("give at least one category to perturb");
            if (new HashSet<>(categories).size() != categories.size()) throw new IllegalArgumentException("a category is listed twice: " + categories);
            if (categories.size() < 2) {
                throw new IllegalArgumentException("perturbation needs at least 2 categories (driving X is measured on the images of the others), got " + categories);
            }
            if (coverages == null || coverages.length == 0) throw new IllegalArgumentException("give at least one coverage");
            for (double c : coverages) LocalizedClusters.checkCoverage(c);
            for (int i = 1; i < coverages.length; i++) {
                if (!(coverages[i] > coverages[i - 1])) throw new IllegalArgumentException("coverages must be ascending and distinct, got " + Arrays.toString(coverages));
            }
            if (randomMasks < 0) throw new IllegalArgumentException("number of random masks must be >= 0, got " + randomMasks);
            if (perCategory < 1) throw new IllegalArgumentException("images per category must be at least 1, got " + perCategory);
            if (maxTokens < 1) throw new IllegalArgumentException("answers need at least 1 token, got " + maxTokens);
            if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
            categories = List.copyOf(categories);
            coverages = coverages.clone();
        }

        /** Faces, bodies, scenes, objects; 0-30%; one random mask; 40 images per category; 8 tokens; 512 rows per pass. */
        public static Settings defaults() {
            return new Settings(DEFAULT_CATEGORIES, DEFAULT_COVERAGES, 1, 40, 0, 8, 512);
        }
    }

    /**
     * The dose-response curves of one category (one value per coverage; random: mean over the
     * random masks). {@code suppressOtherByCategory} splits {@code suppressOtherAccuracy} by the
     * other images' own category (which of them a suppression hits), likewise for random masks.
     */
    public record Curves(double[] coverage, int[] nUnits, double[] driveRate, double[] suppressAccuracy, double[] suppressOtherAccuracy,
                         double[] randomDriveRate, double[] randomSuppressAccuracy, double[] randomSuppressOtherAccuracy,
                         double[] clusterMeanDelta, double[] randomMeanDelta, int nImages, int nOtherImages,
                         Map<String, double[]> suppressOtherByCategory, Map<String, double[]> randomSuppressOtherByCategory) {}

    /** What a run found; {@code summary.json} holds the same. */
    public record Summary(String model, String kind, Boolean control, Map<String, Curves> categories,
                          Map<String, Object> settings, Map<String, Double> timings) {}

    private Perturbation() {}

    public static Summary run(NDManager manager, Path modelDir, Path localizerDir, Path library, Path out, Settings settings)
            throws IOException {
        return run(manager, modelDir, localizerDir, library, out, settings, System.err, Progress.NONE);
    }

    /** Runs the experiment and writes summary.json, curves.png and examples.csv into {@code out}. */
    public static Summary run(NDManager manager, Path modelDir, Path localizerDir, Path library, Path out, Settings settings,
                              PrintStream log, Progress progress) throws IOException {
        return run(manager, modelDir, localizerDir, library, List.of(), out, settings, log, progress);
    }

    /**
     * Runs the experiment with probe images from {@code library} (the localizer's) and the held-out
     * images of {@code moreImages} (further libraries with a visual set, e.g. the pretraining
     * extras), and writes summary.json, curves.png and examples.csv into {@code out}.
     */
    public static Summary run(NDManager manager, Path modelDir, Path localizerDir, Path library, List<Path> moreImages, Path out,
                              Settings settings, PrintStream log, Progress progress) throws IOException {
        if (out == null) throw new IllegalArgumentException("no output folder given");
        if (modelDir == null || !Files.isDirectory(modelDir)) throw new IllegalArgumentException("model folder not found: " + modelDir);
        long t0 = System.nanoTime();
        Map<String, Double> timings = new LinkedHashMap<>();

        LocalizedClusters loc = LocalizedClusters.read(localizerDir);
        Map<String, LocalizedClusters.Cluster> clusters = new LinkedHashMap<>();
        for (String c : settings.categories()) clusters.put(c, loc.cluster(c));
        timings.put("localizer_s", seconds(t0));
        StimulusSet visual = PerceptionProbe.visualSet(library);
        List<StimulusSet> sets = new java.util.ArrayList<>(List.of(visual));
        for (Path p : moreImages == null ? List.<Path>of() : moreImages) sets.add(PerceptionProbe.visualSet(p));
        java.util.OptionalLong pretrainSeed = PerceptionProbe.pretrainSeed(modelDir);
        JsonNode meta = CorticalModel.isAdaptorRun(modelDir) ? Json.read(modelDir.resolve(CorticalModel.META)) : null;

        try (CorticalModel model = Models.open(manager, modelDir)) {
            SheetLayout sheet = model.sheet(), locSheet = loc.responses().layout();
            if (sheet.rows() != locSheet.rows() || sheet.cols() != locSheet.cols() || !sheet.bands().equals(locSheet.bands())) {
                throw new IllegalArgumentException("the localizer " + localizerDir + " was run on a " + locSheet.rows() + " x " + locSheet.cols()
                        + " sheet, the model " + modelDir + " has a " + sheet.rows() + " x " + sheet.cols() + " sheet; localize this model first");
            }
            if (loc.modelName() != null && !loc.modelName().equals(model.name())) {
                log.printf(Locale.ROOT, "note: the localizer run was made on model '%s', this model is '%s'%n", loc.modelName(), model.name());
            }
            long tImages = System.nanoTime();
            List<PerceptionProbe.Image> images = PerceptionProbe.heldOutImages(model.backbone(), sets, settings.categories(),
                    settings.perCategory(), pretrainSeed, settings.seed());
            timings.put("images_s", seconds(tImages));
            PerceptionProbe probe = new PerceptionProbe(model, images, visual.categories(), settings.maxTokens(), settings.batchSize());

            Plan plan = Plan.of(images, clusters, settings);
            log.printf(Locale.ROOT, "perturbation: %d held-out images (%s), %d categories x %d coverages x (cluster + %d random) x drive/suppress = %d answers%n",
                    images.size(), countsByCategory(images, settings.categories()), settings.categories().size(), settings.coverages().length,
                    settings.randomMasks(), plan.trials.size());
            long tProbe = System.nanoTime();
            List<String> answers;
            try (Progress.Task task = progress.start("perturb", plan.trials.size())) {
                answers = probe.answer(manager, plan.trials, task);
            }
            double probeSeconds = seconds(tProbe);
            timings.put("probe_s", probeSeconds);
            timings.put("answers", (double) plan.trials.size());
            timings.put("answers_per_s", plan.trials.size() / Math.max(probeSeconds, 1e-9));

            Map<String, Curves> curves = plan.curves(probe, answers);
            timings.put("total_s", seconds(t0));
            Map<String, Object> s = settingsMap(settings, loc, clusters, localizerDir, library, pretrainSeed, visual.categories());
            s.put("more_images", sets.subList(1, sets.size()).stream().map(v -> v.dir().getParent().toAbsolutePath().normalize().toString()).toList());
            String kind = meta == null ? "backbone" : meta.path("control").asBoolean(false) ? "control" : "topographic";
            Boolean control = meta == null ? null : meta.path("control").asBoolean(false);
            Summary summary = new Summary(model.name(), kind, control, curves, s, timings);

            Files.createDirectories(out);
            writeExamples(out.resolve(EXAMPLES), plan, probe, answers);
            writeCurves(out.resolve(CURVES), summary);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", summary.model());
            json.put("model_dir", modelDir.toAbsolutePath().normalize().toString());
            json.put("kind", kind);
            json.put("control", control);
            if (meta != null && meta.has("alpha")) json.put("alpha", meta.get("alpha").asDouble());
            json.put("localizer_model", loc.modelName());
            Map<String, Object> cats = new LinkedHashMap<>();
            curves.forEach((c, cv) -> cats.put(c, curvesMap(cv)));
            json.put("categories", cats);
            json.put("settings", s);
            json.put("timings", timings);
            Json.write(out.resolve(SUMMARY), json);
            return summary;
        }
    }

    // ------------------------------------------------------------------ the plan: every row to answer

    /** One row's role: whose mask, which mask, which condition, which coverage. */
    private record Key(String target, int mask, boolean drive, int coverage) {
        static final int NONE = -2, CLUSTER = -1; // mask: NONE (baseline), CLUSTER, or random mask number >= 0
    }

    private static final class Plan {
        final List<PerceptionProbe.Trial> trials = new ArrayList<>();
        final List<Key> keys = new ArrayList<>();
        final List<PerceptionProbe.Image> images;
        final Map<String, LocalizedClusters.Cluster> clusters;
        final Settings settings;
        final Map<String, int[]> sizes = new LinkedHashMap<>();
        final Map<String, double[][]> meanDelta = new LinkedHashMap<>(); // [0] cluster, [1] random (mean over masks)

        private Plan(List<PerceptionProbe.Image> images, Map<String, LocalizedClusters.Cluster> clusters, Settings settings) {
            this.images = images;
            this.clusters = clusters;
            this.settings = settings;
        }

        static Plan of(List<PerceptionProbe.Image> images, Map<String, LocalizedClusters.Cluster> clusters, Settings s) {
            Plan p = new Plan(images, clusters, s);
            for (int i = 0; i < images.size(); i++) p.add(i, Intervention.NONE, new Key(null, Key.NONE, false, 0));
            double[] cov = s.coverages();
            for (var e : clusters.entrySet()) {
                String x = e.getKey();
                LocalizedClusters.Cluster cl = e.getValue();
                int[] n = new int[cov.length];
                double[][] md = new double[2][cov.length];
                for (int ci = 0; ci < cov.length; ci++) {
                    n[ci] = cl.size(cov[ci]);
                    if (n[ci] == 0) {
                        md[0][ci] = md[1][ci] = Double.NaN;
                        continue;
                    }
                    for (int m = Key.CLUSTER; m < s.randomMasks(); m++) {
                        int[] units = m == Key.CLUSTER ? cl.mask(cov[ci]) : cl.randomMask(cov[ci], m, s.seed());
                        double mean = 0;
                        for (int u : units) mean += cl.delta()[u];
                        mean /= units.length;
                        if (m == Key.CLUSTER) md[0][ci] = mean; else md[1][ci] += mean / s.randomMasks();
                        Intervention drive = Intervention.drive(units, cl.delta()), suppress = Intervention.suppress(units, cl.delta());
                        for (int i = 0; i < images.size(); i++) {
                            if (!images.get(i).category().equals(x)) p.add(i, drive, new Key(x, m, true, ci));
                        }
                        for (int i = 0; i < images.size(); i++) p.add(i, suppress, new Key(x, m, false, ci));
                    }
                    if (s.randomMasks() == 0) md[1][ci] = Double.NaN;
                }
                p.sizes.put(x, n);
                p.meanDelta.put(x, md);
            }
            return p;
        }

        private void add(int image, Intervention iv, Key key) {
            trials.add(new PerceptionProbe.Trial(image, iv));
            keys.add(key);
        }

        Map<String, Curves> curves(PerceptionProbe probe, List<String> answers) {
            double[] cov = settings.coverages();
            int masks = settings.randomMasks() + 1; // index 0: cluster, 1..: random
            Map<String, Curves> out = new LinkedHashMap<>();
            for (String x : clusters.keySet()) {
                // hits and counts: [mask][coverage]
                double[][] drive = new double[masks][cov.length], driveN = new double[masks][cov.length];
                double[][] sup = new double[masks][cov.length], supN = new double[masks][cov.length];
                // the other images under suppression, per their own category: [mask][coverage]; the pooled rate sums them
                Map<String, double[][]> by = new TreeMap<>(), byN = new TreeMap<>();
                for (PerceptionProbe.Image img : images) {
                    if (img.category().equals(x)) continue;
                    by.computeIfAbsent(img.category(), k -> new double[masks][cov.length]);
                    byN.computeIfAbsent(img.category(), k -> new double[masks][cov.length]);
                }
                for (int r = 0; r < trials.size(); r++) {
                    Key k = keys.get(r);
                    PerceptionProbe.Image img = images.get(trials.get(r).image());
                    String a = answers.get(r);
                    if (k.mask() == Key.NONE) { // the unperturbed answer counts at every coverage of size 0, for every mask
                        for (int ci = 0; ci < cov.length; ci++) {
                            if (sizes.get(x)[ci] != 0) continue;
                            for (int m = 0; m < masks; m++) tally(probe, x, img, a, true, m, ci, drive, driveN, sup, supN, by, byN);
                            for (int m = 0; m < masks; m++) tally(probe, x, img, a, false, m, ci, drive, driveN, sup, supN, by, byN);
                        }
                    } else if (x.equals(k.target())) {
                        tally(probe, x, img, a, k.drive(), k.mask() + 1, k.coverage(), drive, driveN, sup, supN, by, byN);
                    }
                }
                double[][] oth = new double[masks][cov.length], othN = new double[masks][cov.length];
                for (String y : by.keySet()) {
                    for (int m = 0; m < masks; m++) {
                        for (int ci = 0; ci < cov.length; ci++) {
                            oth[m][ci] += by.get(y)[m][ci];
                            othN[m][ci] += byN.get(y)[m][ci];
                        }
                    }
                }
                double[][] dr = ratio(drive, driveN), sr = ratio(sup, supN), or = ratio(oth, othN);
                int nx = 0;
                for (PerceptionProbe.Image img : images) if (img.category().equals(x)) nx++;
                Map<String, double[]> byCluster = new LinkedHashMap<>(), byRandom = new LinkedHashMap<>();
                for (String y : by.keySet()) {
                    double[][] ry = ratio(by.get(y), byN.get(y));
                    byCluster.put(y, ry[0]);
                    byRandom.put(y, randomMean(ry));
                }
                out.put(x, new Curves(cov.clone(), sizes.get(x), dr[0], sr[0], or[0], randomMean(dr), randomMean(sr), randomMean(or),
                        meanDelta.get(x)[0], meanDelta.get(x)[1], nx, images.size() - nx, byCluster, byRandom));
            }
            return out;
        }

        private static void tally(PerceptionProbe probe, String x, PerceptionProbe.Image img, String answer, boolean drive, int m, int ci,
                                  double[][] dr, double[][] drN, double[][] sup, double[][] supN,
                                  Map<String, double[][]> by, Map<String, double[][]> byN) {
            boolean isX = img.category().equals(x);
            if (drive) {
                if (isX) return;
                dr[m][ci] += probe.names(answer, x) ? 1 : 0;
                drN[m][ci]++;
            } else if (isX) {
                sup[m][ci] += probe.names(answer, x) ? 1 : 0;
                supN[m][ci]++;
            } else {
                by.get(img.category())[m][ci] += probe.names(answer, img.category()) ? 1 : 0;
                byN.get(img.category())[m][ci]++;
            }
        }

        private static double[][] ratio(double[][] hits, double[][] n) {
            double[][] out = new double[hits.length][hits[0].length];
            for (int m = 0; m < hits.length; m++) for (int c = 0; c < hits[m].length; c++) out[m][c] = n[m][c] == 0 ? Double.NaN : hits[m][c] / n[m][c];
            return out;
        }

        private static double[] randomMean(double[][] r) {
            double[] out = new double[r[0].length];
            if (r.length == 1) {
                Arrays.fill(out, Double.NaN);
                return out;
            }
            for (int c = 0; c < out.length; c++) {
                double s = 0;
                for (int m = 1; m < r.length; m++) s += r[m][c];
                out[c] = s / (r.length - 1);
            }
            return out;
        }
    }

    // ------------------------------------------------------------------ outputs

    private static Map<String, Object> curvesMap(Curves c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("coverage", c.coverage());
        m.put("n_units", c.nUnits());
        m.put("drive_rate", c.driveRate());
        m.put("suppress_accuracy", c.suppressAccuracy());
        m.put("suppress_other_accuracy", c.suppressOtherAccuracy());
        m.put("random_drive_rate", c.randomDriveRate());
        m.put("random_suppress_accuracy", c.randomSuppressAccuracy());
        m.put("random_suppress_other_accuracy", c.randomSuppressOtherAccuracy());
        m.put("suppress_other_by_category", c.suppressOtherByCategory());
        m.put("random_suppress_other_by_category", c.randomSuppressOtherByCategory());
        m.put("cluster_mean_delta", c.clusterMeanDelta());
        m.put("random_mean_delta", c.randomMeanDelta());
        m.put("n_images", c.nImages());
        m.put("n_other_images", c.nOtherImages());
        return m;
    }

    private static Map<String, Object> settingsMap(Settings s, LocalizedClusters loc, Map<String, LocalizedClusters.Cluster> clusters,
                                                   Path localizerDir, Path library, java.util.OptionalLong pretrainSeed, List<String> judge) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("categories", s.categories());
        m.put("coverages", s.coverages());
        m.put("random_masks", s.randomMasks());
        m.put("per_category", s.perCategory());
        m.put("seed", s.seed());
        m.put("max_tokens", s.maxTokens());
        m.put("batch_size", s.batchSize());
        m.put("prompt", PerceptionProbe.PROMPT);
        m.put("decoding", "greedy");
        m.put("localizer", localizerDir.toAbsolutePath().normalize().toString());
        m.put("library", library.toAbsolutePath().normalize().toString());
        m.put("images", (pretrainSeed.isPresent()
                ? "held out by the pretraining split (fraction " + HeldOut.FRACTION + ", pretraining seed " + pretrainSeed.getAsLong() + ")"
                : "all of the library's images (the base model was not pretrained on the library)")
                + "; they are also localizer stimuli when the localizer ran on the same library");
        m.put("pretrain_seed", pretrainSeed.isPresent() ? pretrainSeed.getAsLong() : null);
        m.put("fwhm", loc.fwhm());
        m.put("mask_rule", "top coverage% of the contrast's region by Welch t on even runs (smoothed at the localizer's FWHM)");
        m.put("delta_rule", "odd runs, raw Z: mean response to the category minus mean response to the contrast's OFF stimuli; added at every token of every layer");
        m.put("random_rule", "same number of units drawn uniformly from the same region (seeded), with the category's delta at those units");
        m.put("judge", "an answer names category X when its longest whole-word match among the judge categories' phrases is X's phrase (train.Answers)");
        m.put("judge_categories", judge);
        Map<String, Object> contrasts = new LinkedHashMap<>();
        clusters.forEach((c, cl) -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("on", cl.contrast().on());
            d.put("off", cl.contrast().off());
            d.put("region", cl.contrast().region().id());
            d.put("region_units", cl.candidates().length);
            d.put("n_odd_on", cl.nOddOn());
            d.put("n_odd_off", cl.nOddOff());
            d.put("phrase", Answers.phrase(c));
            contrasts.put(c, d);
        });
        m.put("contrasts", contrasts);
        return m;
    }

    private static void writeCurves(Path file, Summary s) throws IOException {
        List<LinePlot.Panel> panels = new ArrayList<>();
        double[] x = null;
        for (var e : s.categories().entrySet()) {
            Curves c = e.getValue();
            x = c.coverage();
            String p = Answers.phrase(e.getKey());
            panels.add(new LinePlot.Panel(e.getKey() + " cluster (" + s.model() + ", " + s.kind() + ")", List.of(
                    new LinePlot.Line("drive: says '" + p + "'", c.driveRate(), 0x1f77b4, false),
                    new LinePlot.Line("  random mask", c.randomDriveRate(), 0x1f77b4, true),
                    new LinePlot.Line("suppress: " + e.getKey() + " correct", c.suppressAccuracy(), 0xd62728, false),
                    new LinePlot.Line("  random mask", c.randomSuppressAccuracy(), 0xd62728, true),
                    new LinePlot.Line("suppress: others correct", c.suppressOtherAccuracy(), 0x2ca02c, false),
                    new LinePlot.Line("  random mask", c.randomSuppressOtherAccuracy(), 0x2ca02c, true))));
        }
        LinePlot.writePanels(file, "Perturbation dose-response: rate vs coverage (% of the vision stack)", "coverage %", x, panels, 0, 1);
    }

    private static void writeExamples(Path file, Plan plan, PerceptionProbe probe, List<String> answers) throws IOException {
        StringBuilder sb = new StringBuilder("stimulus,category,condition,target,mask,coverage,n_units,answer,judged\n");
        for (int r = 0; r < plan.trials.size(); r++) {
            Key k = plan.keys.get(r);
            PerceptionProbe.Trial t = plan.trials.get(r);
            PerceptionProbe.Image img = plan.images.get(t.image());
            String judged = probe.judge(answers.get(r));
            boolean none = k.mask() == Key.NONE;
            sb.append(Csv.quote(img.id())).append(',').append(Csv.quote(img.category())).append(',')
                    .append(none ? "none" : k.drive() ? "drive" : "suppress").append(',')
                    .append(none ? "" : Csv.quote(k.target())).append(',')
                    .append(none ? "none" : k.mask() == Key.CLUSTER ? "cluster" : "random" + k.mask()).append(',')
                    .append(none ? "0" : fmt(plan.settings.coverages()[k.coverage()])).append(',')
                    .append(t.intervention().size()).append(',')
                    .append(Csv.quote(answers.get(r))).append(',')
                    .append(judged == null ? "" : Csv.quote(judged)).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static Map<String, Integer> countsByCategory(List<PerceptionProbe.Image> images, List<String> cats) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String c : cats) m.put(c, 0);
        for (PerceptionProbe.Image i : images) m.merge(i.category(), 1, Integer::sum);
        return m;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
