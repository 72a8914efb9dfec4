package org.topoomni.cli;

import org.topoomni.model.CorticalModel;
import org.topoomni.discover.Discovery;
import org.topoomni.perturb.Perturbation;
import org.topoomni.stimuli.Progress;
import org.topoomni.map.SelectivityAnalysis;

import org.topoomni.io.Json;
import org.topoomni.model.BasePretraining;
import org.topoomni.registry.Backbones;
import org.topoomni.registry.Models;
import org.topoomni.report.HtmlReport;
import org.topoomni.report.RunComparison;
import org.topoomni.report.ScreeningVerdict;
import org.topoomni.report.Targets;
import org.topoomni.results.ByModel;
import org.topoomni.results.DemoResults;
import org.topoomni.results.LocalizerSummary;
import org.topoomni.results.PerturbationSummary;
import org.topoomni.results.PretrainMetrics;
import org.topoomni.results.ScreeningSummary;
import org.topoomni.results.TrainingMetrics;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.train.TopoRun;
import org.topoomni.train.TopoTrainer;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import ai.djl.ndarray.NDManager;
import org.topoomni.model.CorticalModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The main job: from nothing to maps of the embedded default. Stages: the stimulus library, the
 * base model (the embedded default's own recipe, {@link Backbones#EMBEDDED_DEFAULT}; a matching
 * cached model is reused), topographic training and its control, the localizers on both, their
 * comparison, perturbation, screening and the report. Each finished stage leaves a marker, so a
 * second run continues where the first stopped.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The main job on the embedded default: stimuli, base model, topographic + control training, localizers, comparison, perturbation, screening, report.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "runs/demo", description = "Run folder (default: ${DEFAULT-VALUE}).")
    Path out;
    @Option(names = "--quick", description = "Smaller settings for a fast look: half the stimuli and about a sixth of the training steps.")
    boolean quick;
    @Option(names = "--tiny", description = "Smoke test of the whole pipeline in a few minutes: a small test model, a few steps per stage and a few "
            + "stimuli per category (its maps mean nothing).")
    boolean tiny;
    @Option(names = "--architecture", description = "The base model the demo builds and maps: an architecture the program can pretrain itself "
            + "(default: the embedded default, " + Backbones.EMBEDDED_DEFAULT + "; " + "tinyomni: the from-scratch baseline).")
    String architecture;
    @Option(names = "--baseline", description = "A finished demo run folder (e.g. one with --architecture tinyomni) that the report sets beside this run.")
    Path baseline;
    @Option(names = "--seed", defaultValue = "0", description = "Seed of everything (default: ${DEFAULT-VALUE}).")
    long seed;
    @picocli.CommandLine.Mixin
    DeviceOption device = new DeviceOption();

    static final String TIMINGS = "timings.json";
    private final Map<String, Double> timings = new LinkedHashMap<>();
    /**
     * Stages whose work this run folder never timed: found done (e.g. the cached checkpoint of
     * another run) with no time of their own. Kept in {@link #REUSED}; results.json lists them
     * as "reused_stages", and the report then does not call the total a run from scratch.
     */
    private final java.util.Set<String> reusedStages = new java.util.LinkedHashSet<>();
    static final String REUSED = "reused-stages.json";

    /**
     * The sizes of one scale of the demo.
     *
     * @param perCategory          exemplars per category of the library
     * @param extra                exemplars per category of the pretraining extras
     * @param topoSteps            steps of the topographic training and of its control
     * @param coverages            the perturbation's coverages (% of the region)
     * @param perturbPerCategory   probe images per category of the perturbation
     * @param neighbourhoods       neighbourhoods per step of the spatial loss
     */
    record Sizes(int perCategory, int extra, int topoSteps, double[] coverages, int perturbPerCategory, int neighbourhoods) {
        static Sizes of(BasePretraining.Scale scale) {
            int n = TopoTrainer.DEFAULT_NEIGHBOURHOODS;
            return switch (scale) {
                case FULL -> new Sizes(64, 160, TopoTrainer.DEFAULT_CACHED_STEPS, Perturbation.DEFAULT_COVERAGES, 40, n);
                case QUICK -> new Sizes(32, 48, 150, new double[] {0, 10, 20}, 8, n);
                // 24 per category: fewer leave some categories no held-out source drawing for the perturbation's probe
                case TINY -> new Sizes(24, 6, 10, new double[] {0, 20}, 3, 20);
            };
        }
    }

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        if (quick && tiny) throw new CommandLine.ParameterException(new CommandLine(this), "--quick and --tiny are two different scales: give one");
        BasePretraining.Scale scale = tiny ? BasePretraining.Scale.TINY : quick ? BasePretraining.Scale.QUICK : BasePretraining.Scale.FULL;
        Sizes sizes = Sizes.of(scale);
        Files.createDirectories(out);
        readTimings();
        int perCategory = sizes.perCategory();
        BasePretraining recipe = Backbones.pretraining(architecture == null ? Backbones.EMBEDDED_DEFAULT : architecture);
        if (baseline != null && !Files.isDirectory(baseline)) throw new CommandLine.ParameterException(new CommandLine(this), "--baseline: no run folder at " + baseline);
        System.out.println("== Topo-Omni demo" + (scale == BasePretraining.Scale.FULL ? "" : " (" + scale.name().toLowerCase(Locale.ROOT) + ")")
                + ": run folder " + out.toAbsolutePath());

        Path model = Defaults.baseModel(recipe, seed, scale);
        checkSameBase(out, model);
        Path lib = stage("1/8 stimulus library", Defaults.libraryDone(seed, perCategory), () -> Defaults.library(seed, perCategory));
        int extra = sizes.extra();
        boolean pretrained = recipe.isDone(model);
        stage("2/8 pretrain the base model (" + recipe.architecture() + ")", pretrained, () -> {
            if (pretrained) {
                System.out.println("reusing the cached base model " + model);
            } else {
                recipe.run(model, List.of(lib, Defaults.pretrainingExtras(seed, extra)), seed, scale, System.err);
            }
            return model;
        });
        SheetLayout sheet = Models.sheet(model);
        System.out.print(sheet.describe());
        for (boolean control : new boolean[] {false, true}) {
            String name = control ? "control" : "topo";
            Path dir = out.resolve(name);
            boolean done = Files.isRegularFile(dir.resolve(TopoRun.METRICS));
            stage("3/8 train " + (control ? "the control (alpha = 0)" : "the topographic model"), done, () -> {
                if (!done) {
                    TopoTrainer.Settings settings = TopoTrainer.Settings.defaults(TopoTrainer.Mode.CACHED, sheet).withSteps(sizes.topoSteps()).withNeighbourhoods(sizes.neighbourhoods()).withSeed(seed);
                    TopoRun.run(model, lib, dir, control ? settings.control() : settings, Files.exists(dir.resolve(org.topoomni.optim.Steps.STATE_DIR)), System.err,
                            device.device());
                }
                return dir;
            });
        }
        for (String name : List.of("topo", "control")) {
            Path dir = out.resolve("localize").resolve(name);
            boolean done = Files.isRegularFile(dir.resolve("summary.json"));
            stage("4/8 localizers on " + name, done, () -> {
                if (!done) {
                    // the auditory and text localizers get a second seed's stimuli too (128 per condition)
                    Path more = Defaults.localizerExtras(seed, perCategory);
                    LocalizeCommand.localize(out.resolve(name), List.of(lib, more), null, null, SelectivityAnalysis.Settings.defaults(), dir, device);
                }
                return dir;
            });
        }
        List<RunComparison.Row> rows = stage("5/8 compare topographic vs control", () ->
                RunComparison.run(out.resolve("localize/topo"), out.resolve("localize/control"), "topo", "control", out.resolve("compare")));
        for (String name : List.of("topo", "control")) {
            Path dir = out.resolve("perturb").resolve(name);
            boolean done = Files.isRegularFile(dir.resolve("summary.json"));
            stage("6/8 perturb the clusters of " + name, done, () -> {
                if (!done) {
                    // probe images: the held-out images of the localizer's library and of the pretraining extras
                    Path extras = Defaults.pretrainingExtras(seed, extra);
                    Perturbation.Settings ps = Perturbation.Settings.defaults().withSeed(seed)
                            .withCoverages(sizes.coverages()).withPerCategory(sizes.perturbPerCategory());
                    try (NDManager manager = device.manager()) {
                        PerturbationSummary r = Perturbation.run(manager, out.resolve(name), out.resolve("localize").resolve(name), lib, List.of(extras), dir, ps,
                                System.err, Progress.console(System.err));
                        System.out.printf(Locale.ROOT, "perturbation of %s: %d answers in %.1f s%n", r.model(), r.timings().get("answers").intValue(), r.timings().get("probe_s"));
                    }
                }
                return dir;
            });
        }
        Path discover = out.resolve("discover");
        boolean discovered = Files.isRegularFile(discover.resolve("summary.json"));
        stage("7/8 screen the pool for new clusters", discovered, () -> {
            if (!discovered) {
                Path pool = lib.resolve("pool"), labels = pool.resolve("labels.json");
                try (NDManager manager = device.manager(); CorticalModel m = Models.open(manager, out.resolve("topo"))) {
                    ScreeningSummary r = Discovery.run(manager, m, pool, Files.isRegularFile(labels) ? labels : null, discover,
                            Discovery.Settings.defaults().withSeed(seed), System.out);
                    System.out.printf(Locale.ROOT, "%d clusters in %.1f s%n", r.nClusters(), r.timings().get("total"));
                }
            }
            return discover;
        });
        writeResults(model);
        Path report = stage("8/8 report", () -> HtmlReport.write(out, baseline, new Versions().getVersion()));
        DemoResults results = writeResults(model);

        PretrainMetrics pre = results.pretrain();
        TrainingMetrics topo = results.train().topo(), ctrl = results.train().control();
        System.out.println();
        System.out.printf(Locale.ROOT, "demo finished in %.1f min (this run %.1f min); report: %s%n", timings.get(DemoResults.TOTAL) / 60,
                (System.nanoTime() - t0) / 60e9, report.toAbsolutePath());
        System.out.printf(Locale.ROOT, "  base model (" + recipe.architecture() + "): visual %.0f%%, auditory %.0f%% correct on held-out stimuli; perplexity %.1f (unigram %.1f)%n",
                100 * pre.visualAccuracy(), 100 * pre.auditoryAccuracy(), pre.perplexity(), pre.unigramPerplexity());
        System.out.printf(Locale.ROOT, "  held-out spatial loss: topographic %.3f vs control %.3f; answers agree with the base model %.1f%%%n",
                topo.heldOutSpatialLoss(), ctrl.heldOutSpatialLoss(), 100 * topo.answerAgreement());
        StringBuilder islandsLine = new StringBuilder("  island Moran's I, topographic / control:");
        for (RunComparison.Row r : rows) {
            if (Targets.hasIslandTarget(r.contrast())) {
                islandsLine.append(String.format(Locale.ROOT, " %s %s / %s;", r.contrast(), moran(r.iA(), r.islandsA()), moran(r.iB(), r.islandsB())));
            }
        }
        System.out.println(islandsLine.substring(0, islandsLine.length() - 1));
        StringBuilder prof = new StringBuilder("  response profiles vs human fROIs (r):");
        for (DemoResults.Profile p : results.profiles()) {
            if (!Double.isNaN(p.r())) prof.append(String.format(Locale.ROOT, " %s %.2f%s,", p.humanRoi(), p.r(),
                    Double.isNaN(p.paperR()) ? "" : String.format(Locale.ROOT, " (paper %.2f)", p.paperR())));
        }
        System.out.println(prof.substring(0, prof.length() - 1));
        PerturbationSummary.Curves faces = results.perturb() == null ? null : results.perturb().get("faces");
        int k15 = faces == null ? -1 : indexOf(faces.coverage(), 15), k10 = faces == null ? -1 : indexOf(faces.coverage(), 10);
        String perturbLine = k15 < 0 || k10 < 0 ? "  perturbation: faces at 10% and 15% coverage not run"
                : String.format(Locale.ROOT, "  driving the face cluster (15%%): %.0f%% 'face' answers on other images (random %.0f%%); suppressing 10%%: faces named %.0f%% -> %.0f%% (others %.0f%% -> %.0f%%)",
                        100 * faces.driveRate()[k15], 100 * faces.randomDriveRate()[k15], 100 * faces.suppressAccuracy()[0], 100 * faces.suppressAccuracy()[k10],
                        100 * faces.suppressOtherAccuracy()[0], 100 * faces.suppressOtherAccuracy()[k10]);
        System.out.println(perturbLine + "; " + screeningLine(results));
        return 0;
    }

    /** The screening's clusters and the discoveries, by the report's own rule ({@link ScreeningVerdict}). */
    static String screeningLine(DemoResults results) {
        ScreeningSummary s = results.discover();
        if (s == null) return "screening not run";
        ScreeningVerdict v = ScreeningVerdict.of(s, java.util.stream.Stream.of(results.localize().topo(), results.localize().control()).toList());
        return String.format(Locale.ROOT, "screening: %d clusters; new categories with a cluster of >= %d items, purity >= %s and island Moran's I >= %s: %s (target %d: %s)",
                s.clusters().size(), Targets.DISCOVER_MIN_SIZE, Targets.DISCOVER_PURITY, Targets.DISCOVER_I,
                v.novel().isEmpty() ? "none" : String.join(", ", v.novel()), Targets.DISCOVER_NOVEL, v.status().word);
    }

    private static String moran(double i, int islands) {
        return Double.isNaN(i) ? "no island" : String.format(Locale.ROOT, "%.2f (%d %s)", i, islands, islands == 1 ? "island" : "islands");
    }

    private static int indexOf(double[] values, double v) {
        for (int i = 0; i < values.length; i++) if (values[i] == v) return i;
        return -1;
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    /**
     * A run folder resumes only the demo that made it: when its trained models stand on another
     * base model (another architecture, scale or seed), reusing their stages would mix two runs
     * in one report, so this is an error before anything is written.
     */
    static void checkSameBase(Path out, Path model) throws java.io.IOException {
        Path want = model.toAbsolutePath().normalize();
        for (String name : List.of("topo", "control")) {
            Path meta = out.resolve(name).resolve(org.topoomni.model.CorticalModel.META);
            if (!Files.isRegularFile(meta)) continue;
            String had = Json.read(meta).path("base").asText("");
            if (!had.isEmpty() && !Path.of(had).toAbsolutePath().normalize().equals(want)) {
                throw new IllegalArgumentException(out + " holds a demo run on the base model " + had + ", but this demo (its --architecture, "
                        + "--quick/--tiny and --seed) builds on " + want + "; choose another --out, or remove " + out + " to start it anew");
            }
        }
    }

    private <T> T stage(String name, Work<T> work) throws Exception {
        return stage(name, false, work);
    }

    /**
     * Runs a stage and records its time in OUT/timings.json; a stage that was already done
     * ({@code done}) runs its (cheap) body again but keeps the time measured when it did the work.
     */
    private <T> T stage(String name, boolean done, Work<T> work) throws Exception {
        System.out.println();
        System.out.println("== " + name + (done ? " (already done)" : ""));
        long t = System.nanoTime();
        T result = work.run();
        double secs = (System.nanoTime() - t) / 1e9;
        String key = name.substring(name.indexOf(' ') + 1);
        if (done && !timings.containsKey(key)) reusedStages.add(key);
        if (!done || !timings.containsKey(key)) timings.put(key, secs);
        Json.write(out.resolve(TIMINGS), timings);
        Json.write(out.resolve(REUSED), reusedStages);
        System.out.printf(Locale.ROOT, "   done in %.1f s%n", secs);
        return result;
    }

    private void readTimings() throws java.io.IOException {
        Path f = out.resolve(TIMINGS);
        if (!Files.isRegularFile(f)) return;
        Json.read(f).fields().forEachRemaining(e -> timings.put(e.getKey(), e.getValue().asDouble()));
        Path r = out.resolve(REUSED);
        if (Files.isRegularFile(r)) Json.read(r).forEach(n -> reusedStages.add(n.asText()));
    }

    /**
     * Gathers every stage's results into OUT/results.json ({@link DemoResults}) and returns them:
     * each stage's file is read through its own record, so results.json holds the same keys.
     */
    DemoResults writeResults(Path model) throws Exception {
        ByModel<TrainingMetrics> train = new ByModel<>(TrainingMetrics.read(out.resolve("topo").resolve(TrainingMetrics.FILE)),
                TrainingMetrics.read(out.resolve("control").resolve(TrainingMetrics.FILE)));
        ByModel<LocalizerSummary> loc = new ByModel<>(LocalizerSummary.read(out.resolve("localize/topo").resolve(LocalizerSummary.FILE)),
                LocalizerSummary.read(out.resolve("localize/control").resolve(LocalizerSummary.FILE)));
        // the control's curves only beside the topographic model's
        PerturbationSummary perturbTopo = readIf(out.resolve("perturb/topo").resolve(PerturbationSummary.FILE), PerturbationSummary::read);
        PerturbationSummary perturbCtrl = perturbTopo == null ? null
                : readIf(out.resolve("perturb/control").resolve(PerturbationSummary.FILE), PerturbationSummary::read);
        ScreeningSummary discover = readIf(out.resolve("discover").resolve(ScreeningSummary.FILE), ScreeningSummary::read);
        Map<String, Double> t = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Double> e : timings.entrySet()) {
            if (e.getKey().equals(DemoResults.TOTAL)) continue;
            t.put(e.getKey(), e.getValue());
            total += e.getValue();
        }
        t.put(DemoResults.TOTAL, total);
        timings.put(DemoResults.TOTAL, total);
        DemoResults results = new DemoResults(PretrainMetrics.read(model.resolve(PretrainMetrics.FILE)), train, loc, DemoResults.profiles(loc.topo()),
                perturbTopo == null ? null : perturbTopo.categories(), perturbCtrl == null ? null : perturbCtrl.categories(), discover, t,
                List.copyOf(reusedStages), quick || tiny, seed);
        results.write(out.resolve(DemoResults.FILE));
        return results;
    }

    private interface Reader<T> {
        T read(Path file) throws java.io.IOException;
    }

    private static <T> T readIf(Path file, Reader<T> reader) throws java.io.IOException {
        return Files.isRegularFile(file) ? reader.read(file) : null;
    }
}
