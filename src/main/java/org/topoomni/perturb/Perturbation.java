package org.topoomni.perturb;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import org.topoomni.io.Json;
import org.topoomni.model.CorticalModel;
import org.topoomni.registry.Models;
import org.topoomni.results.PerturbationSummary;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.stimuli.Progress;
import org.topoomni.stimuli.StimulusFolder;
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
 * <p>{@link #measure} computes the curves and returns them with every answer;
 * {@link PerturbationFiles} writes them ({@code summary.json}, {@code curves.png},
 * {@code examples.csv}); {@link #run} does both, for the command line.
 */
public final class Perturbation {
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
     * @param batchSize   rows (image x condition) per forward pass; 0: the backbone's {@link org.topoomni.model.Backbone#inferenceBatch}
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
            if (batchSize < 0) throw new IllegalArgumentException("batch size must be at least 1 (or 0: the backbone's own), got " + batchSize);
            categories = List.copyOf(categories);
            coverages = coverages.clone();
        }

        /** Faces, bodies, scenes, objects; 0-30%; one random mask; 40 images per category; 8 tokens; the backbone's rows per pass. */
        public static Settings defaults() {
            return new Settings(DEFAULT_CATEGORIES, DEFAULT_COVERAGES, 1, 40, 0, 8, 0);
        }

        public Settings withCategories(List<String> c) { return new Settings(c, coverages, randomMasks, perCategory, seed, maxTokens, batchSize); }

        public Settings withCoverages(double[] c) { return new Settings(categories, c, randomMasks, perCategory, seed, maxTokens, batchSize); }

        public Settings withRandomMasks(int n) { return new Settings(categories, coverages, n, perCategory, seed, maxTokens, batchSize); }

        public Settings withPerCategory(int n) { return new Settings(categories, coverages, randomMasks, n, seed, maxTokens, batchSize); }

        public Settings withSeed(long s) { return new Settings(categories, coverages, randomMasks, perCategory, s, maxTokens, batchSize); }

        public Settings withMaxTokens(int n) { return new Settings(categories, coverages, randomMasks, perCategory, seed, n, batchSize); }

        public Settings withBatchSize(int n) { return new Settings(categories, coverages, randomMasks, perCategory, seed, maxTokens, n); }
    }

    /**
     * One answer of the probe and its judgement (a row of examples.csv).
     *
     * @param stimulus  the image's id
     * @param category  its category
     * @param condition "none" (unperturbed), "drive" or "suppress"
     * @param target    the category whose cluster was perturbed (null: none)
     * @param mask      "none", "cluster" or "random&lt;k&gt;"
     * @param coverage  percent of the region in the mask (0: none)
     * @param nUnits    units perturbed
     * @param answer    the model's answer
     * @param judged    the category the answer names (null: none)
     */
    public record Example(String stimulus, String category, String condition, String target, String mask, double coverage, int nUnits,
                          String answer, String judged) {}

    /** What a run measured: the summary (summary.json) and every answer (examples.csv). */
    public record Result(PerturbationSummary summary, List<Example> examples) {}

    private Perturbation() {}

    public static PerturbationSummary run(NDManager manager, Path modelDir, Path localizerDir, Path library, Path out, Settings settings)
            throws IOException {
        return run(manager, modelDir, localizerDir, library, List.of(), out, settings, System.err, Progress.NONE);
    }

    /**
     * Runs the experiment ({@link #measure}) and writes summary.json, curves.png and examples.csv
     * into {@code out} ({@link PerturbationFiles}).
     */
    public static PerturbationSummary run(NDManager manager, Path modelDir, Path localizerDir, Path library, List<Path> moreImages, Path out,
                                          Settings settings, PrintStream log, Progress progress) throws IOException {
        if (out == null) throw new IllegalArgumentException("no output folder given");
        Result r = measure(manager, modelDir, localizerDir, library, moreImages, settings, log, progress);
        PerturbationFiles.write(out, r);
        return r.summary();
    }

    /**
     * Measures the curves with probe images from {@code library} (the localizer's) and the
     * held-out images of {@code moreImages} (further libraries with a visual set, e.g. the
     * pretraining extras). Writes nothing.
     */
    public static Result measure(NDManager manager, Path modelDir, Path localizerDir, Path library, List<Path> moreImages,
                                 Settings asked, PrintStream log, Progress progress) throws IOException {
        if (modelDir == null || !Files.isDirectory(modelDir)) throw new IllegalArgumentException("model folder not found: " + modelDir);
        Settings settings = asked;
        long t0 = System.nanoTime();
        Map<String, Double> timings = new LinkedHashMap<>();

        LocalizedClusters loc = LocalizedClusters.read(localizerDir);
        Map<String, LocalizedClusters.Cluster> clusters = new LinkedHashMap<>();
        for (String c : settings.categories()) clusters.put(c, loc.cluster(c));
        timings.put("localizer_s", seconds(t0));
        StimulusFolder visual = PerceptionProbe.images(library);
        List<StimulusFolder> sets = new java.util.ArrayList<>(List.of(visual));
        for (Path p : moreImages == null ? List.<Path>of() : moreImages) sets.add(PerceptionProbe.images(p));
        // a category's pictures: its own, or the ON categories of its contrast (fLoc's adult + child for faces)
        Map<String, List<String>> sources = new LinkedHashMap<>();
        for (String c : settings.categories()) sources.put(c, visual.items(c).isEmpty() ? clusters.get(c).contrast().on() : List.of(c));
        List<String> judge = new java.util.ArrayList<>(visual.categories());
        for (String c : settings.categories()) if (!judge.contains(c)) judge.add(c); // the model is asked to name the contrasts' categories
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
            List<PerceptionProbe.Image> images = PerceptionProbe.heldOutImages(model.backbone(), sets, settings.categories(), sources,
                    settings.perCategory(), pretrainSeed, settings.seed());
            timings.put("images_s", seconds(tImages));
            if (settings.batchSize() == 0) settings = settings.withBatchSize(model.backbone().inferenceBatch());
            PerceptionProbe probe = new PerceptionProbe(model, images, judge, settings.maxTokens(), settings.batchSize());

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

            Map<String, PerturbationSummary.Curves> curves = plan.curves(probe, answers);
            timings.put("total_s", seconds(t0));
            List<String> more = sets.subList(1, sets.size()).stream().map(v -> v.path().getParent().toAbsolutePath().normalize().toString()).toList();
            PerturbationSummary.Settings s = settings(settings, loc, clusters, localizerDir, library, pretrainSeed, judge, more);
            String modelType = meta == null ? "backbone" : meta.path("control").asBoolean(false) ? "control" : "topographic";
            Boolean control = meta == null ? null : meta.path("control").asBoolean(false);
            double alpha = meta != null && meta.has("alpha") ? meta.get("alpha").asDouble() : Double.NaN;
            PerturbationSummary summary = new PerturbationSummary(model.name(), modelDir.toAbsolutePath().normalize().toString(), modelType, control, alpha,
                    loc.modelName(), curves, s, timings);
            return new Result(summary, plan.examples(probe, answers));
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

        Map<String, PerturbationSummary.Curves> curves(PerceptionProbe probe, List<String> answers) {
            double[] cov = settings.coverages();
            int masks = settings.randomMasks() + 1; // index 0: cluster, 1..: random
            Map<String, PerturbationSummary.Curves> out = new LinkedHashMap<>();
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
                out.put(x, new PerturbationSummary.Curves(cov.clone(), sizes.get(x), dr[0], sr[0], or[0], randomMean(dr), randomMean(sr), randomMean(or),
                        byCluster, byRandom, meanDelta.get(x)[0], meanDelta.get(x)[1], nx, images.size() - nx));
            }
            return out;
        }

        /** Every answer with its role and judgement, in trial order. */
        List<Example> examples(PerceptionProbe probe, List<String> answers) {
            List<Example> out = new ArrayList<>(trials.size());
            for (int r = 0; r < trials.size(); r++) {
                Key k = keys.get(r);
                PerceptionProbe.Trial t = trials.get(r);
                PerceptionProbe.Image img = images.get(t.image());
                boolean none = k.mask() == Key.NONE;
                out.add(new Example(img.id(), img.category(), none ? "none" : k.drive() ? "drive" : "suppress", none ? null : k.target(),
                        none ? "none" : k.mask() == Key.CLUSTER ? "cluster" : "random" + k.mask(), none ? 0 : settings.coverages()[k.coverage()],
                        t.intervention().size(), answers.get(r), probe.judge(answers.get(r))));
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

    // ------------------------------------------------------------------ the summary's settings

    private static PerturbationSummary.Settings settings(Settings s, LocalizedClusters loc, Map<String, LocalizedClusters.Cluster> clusters,
                                                         Path localizerDir, Path library, java.util.OptionalLong pretrainSeed, List<String> judge,
                                                         List<String> moreImages) {
        Map<String, PerturbationSummary.ContrastUsed> contrasts = new LinkedHashMap<>();
        clusters.forEach((c, cl) -> contrasts.put(c, new PerturbationSummary.ContrastUsed(cl.contrast().on(), cl.contrast().off(),
                cl.contrast().region().id(), cl.candidates().length, cl.nOddOn(), cl.nOddOff(), Answers.phrase(c))));
        String images = (pretrainSeed.isPresent()
                ? "held out by the pretraining split (fraction " + HeldOut.FRACTION + ", pretraining seed " + pretrainSeed.getAsLong() + ")"
                : "all of the library's images (the base model was not pretrained on the library)")
                + "; they are also localizer stimuli when the localizer ran on the same library";
        return new PerturbationSummary.Settings(s.categories(), s.coverages(), s.randomMasks(), s.perCategory(), s.seed(), s.maxTokens(), s.batchSize(),
                PerceptionProbe.PROMPT, "greedy", localizerDir.toAbsolutePath().normalize().toString(), library.toAbsolutePath().normalize().toString(),
                images, pretrainSeed.isPresent() ? pretrainSeed.getAsLong() : null, loc.fwhm(),
                "top coverage% of the contrast's region by Welch t on even runs (smoothed at the localizer's FWHM)",
                "odd runs, raw Z: mean response to the category minus mean response to the contrast's OFF stimuli; added at every token of every layer",
                "same number of units drawn uniformly from the same region (seeded), with the category's delta at those units",
                "an answer names category X when its longest whole-word match among the judge categories' phrases is X's phrase (train.Answers)",
                judge, contrasts, moreImages);
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
