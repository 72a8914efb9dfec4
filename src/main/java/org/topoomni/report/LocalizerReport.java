package org.topoomni.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.topoomni.io.AtomicFiles;
import org.topoomni.io.LayoutJson;
import org.topoomni.map.Contrast;
import org.topoomni.map.Contrasts;
import org.topoomni.map.HumanReference;
import org.topoomni.map.MapFiles;
import org.topoomni.map.PreferenceAnalysis;
import org.topoomni.map.PreferenceMap;
import org.topoomni.map.ResponseProfiles;
import org.topoomni.map.SelectivityAnalysis;
import org.topoomni.map.SelectivityMap;
import org.topoomni.map.SmoothedResponses;
import org.topoomni.plot.SheetMapFigure;
import org.topoomni.results.ContrastSummary;
import org.topoomni.results.LocalizerSummary;
import org.topoomni.results.PreferenceSummary;
import org.topoomni.results.ProfileSummary;
import org.topoomni.results.Profiles;
import org.topoomni.sheet.SheetResponses;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The analysis half of a localizer run: from a model's sheet responses to a folder of maps,
 * figures and tables.
 * <pre>
 * OUT/summary.json                      model, sheet, settings, per contrast: n_significant,
 *                                       island_morans_i, n_islands, n_significant_islands, peak, ...
 * OUT/&lt;contrast&gt;/tmap.npy qmap.npy dmap.npy mask.npy map.png summary.json
 * OUT/retinotopy_angle|retinotopy_eccentricity|tonotopy/  (when wedge_/ring_/tone_ stimuli exist)
 * OUT/profiles.csv profile_conditions.csv profiles.png   (when stimuli come in even and odd runs)
 * OUT/layout.json                       the sheet, so that `compare` can redraw the maps
 * </pre>
 */
public final class LocalizerReport {

    private LocalizerReport() {
    }

    /**
     * What to run.
     *
     * @param model    model name written into summary.json
     * @param settings smoothing, FDR threshold, permutations, seed
     * @param profiles response-profile selection settings
     * @param figures  whether to draw the PNGs
     * @param libraries the stimulus libraries the responses came from, written into summary.json
     *                  after the model (empty: not written)
     */
    public record Options(String model, SelectivityAnalysis.Settings settings, ResponseProfiles.Settings profiles, boolean figures,
                          List<String> libraries) {
        public Options {
            libraries = libraries == null ? List.of() : List.copyOf(libraries);
        }

        public Options(String model, SelectivityAnalysis.Settings settings, ResponseProfiles.Settings profiles, boolean figures) {
            this(model, settings, profiles, figures, List.of());
        }

        public static Options defaults(String model) {
            return new Options(model, SelectivityAnalysis.Settings.defaults(), ResponseProfiles.Settings.defaults(), true);
        }
    }

    /** Everything computed, plus the summary written to summary.json. */
    public record Result(List<SelectivityMap> maps, List<PreferenceMap> preferenceMaps, List<ResponseProfiles.Profile> profiles,
                         LocalizerSummary summary) {}

    /**
     * Runs every contrast (all must be answerable by the stimuli: see
     * {@link Contrasts#available}), the retinotopy/tonotopy designs whose stimuli are present, and
     * the response profiles when the stimuli come in even and odd runs; writes everything under
     * {@code out}.
     */
    public static Result run(SheetResponses responses, List<Contrast> contrasts, Options o, Path out, PrintStream log) throws IOException {
        if (responses == null) throw new IllegalArgumentException("responses are missing (null)");
        if (contrasts == null) throw new IllegalArgumentException("contrasts are missing (null)");
        PrintStream lg = log == null ? new PrintStream(java.io.OutputStream.nullOutputStream()) : log;
        List<String> categories = responses.categories();
        Contrasts.validate(contrasts, categories);
        Files.createDirectories(out);
        var layout = responses.layout();
        double fwhm = o.settings().fwhmFor(layout);

        long t0 = System.nanoTime();
        SmoothedResponses smoothed = SmoothedResponses.of(responses, fwhm);
        lg.printf(Locale.ROOT, "smoothed %d sheet maps at FWHM %.2f in %.0f ms%n", responses.stimuli(), fwhm, (System.nanoTime() - t0) / 1e6);

        Map<String, ContrastSummary> contrastSummary = new LinkedHashMap<>();
        List<SelectivityMap> maps = new ArrayList<>();
        for (Contrast c : contrasts) {
            long t1 = System.nanoTime();
            SelectivityMap m = SelectivityAnalysis.run(smoothed, c, o.settings(), null);
            Path dir = out.resolve(c.name());
            MapFiles.writeSelectivity(dir, m);
            if (o.figures()) {
                AtomicFiles.writePng(dir.resolve("map.png"), SheetMapFigure.selectivity(m.figure(), title(o.model(), c.name() + " localizer")));
            }
            maps.add(m);
            contrastSummary.put(c.name(), m.summary());
            lg.printf(Locale.ROOT, "%-16s %,7d significant units, island Moran's I %s over %d islands (%.0f ms)%n", c.name(), m.nSignificant(),
                    Double.isNaN(m.islands().meanI()) ? "n/a" : String.format(Locale.ROOT, "%.3f", m.islands().meanI()),
                    m.islands().nIslands(), (System.nanoTime() - t1) / 1e6);
        }

        Map<String, PreferenceSummary> prefSummary = new LinkedHashMap<>();
        List<PreferenceMap> prefs = new ArrayList<>();
        for (PreferenceAnalysis.Design d : PreferenceAnalysis.standard(categories)) {
            PreferenceMap pm = PreferenceAnalysis.run(smoothed, d, o.settings(), null);
            Path dir = out.resolve(d.name());
            MapFiles.writePreference(dir, pm);
            if (o.figures()) AtomicFiles.writePng(dir.resolve("map.png"), SheetMapFigure.preference(pm.figure(), title(o.model(), d.title())));
            prefs.add(pm);
            prefSummary.put(d.name(), pm.summary());
            lg.printf(Locale.ROOT, "%-24s %,7d significant units%n", d.name(), pm.nSignificant());
        }

        List<ResponseProfiles.Profile> profiles = new ArrayList<>();
        Map<String, ProfileSummary> profileSummary = new LinkedHashMap<>();
        String noProfiles = null;
        boolean even = false, odd = false;
        for (SheetResponses.Row r : responses.rows()) {
            if (ResponseProfiles.isEven(r.run())) even = true;
            else odd = true;
        }
        HumanReference human = HumanReference.load();
        if (even && odd && !contrasts.isEmpty()) {
            ResponseProfiles rp = new ResponseProfiles(responses, o.settings(), o.profiles(), human, HumanReference.defaultConditionMapping());
            rp.reuse(smoothed); // sensory profiles use the contrasts' FWHM: no second smoothing
            for (Contrast c : contrasts) {
                try {
                    ResponseProfiles.Profile p = rp.profile(c);
                    profiles.add(p);
                    profileSummary.put(c.name(), new ProfileSummary(p.humanRoi(), p.pearson(), p.spearman(), p.paperR(), p.selected().length,
                            p.kPercent(), p.fwhm(), p.nShared(), null));
                    lg.printf(Locale.ROOT, "profile %-16s vs %-8s r = %s over %d conditions%n", c.name(), p.humanRoi() == null ? "-" : p.humanRoi(),
                            Double.isNaN(p.pearson()) ? "n/a" : String.format(Locale.ROOT, "%.3f", p.pearson()), p.nShared());
                } catch (IllegalArgumentException ex) {
                    profileSummary.put(c.name(), ProfileSummary.skipped(ex.getMessage()));
                    lg.println("profile " + c.name() + " skipped: " + ex.getMessage());
                }
            }
            MapFiles.writeProfiles(out.resolve("profiles.csv"), profiles, human);
            MapFiles.writeProfileConditions(out.resolve("profile_conditions.csv"), profiles);
            if (o.figures()) AtomicFiles.writePng(out.resolve("profiles.png"), ProfileChart.render(profiles, title(o.model(), "response profiles vs human fROIs")));
        } else if (!contrasts.isEmpty()) {
            noProfiles = "response profiles need stimuli in both even and odd runs";
            lg.println("response profiles skipped: they need stimuli in both even and odd runs");
        }

        LocalizerSummary.Settings settings = new LocalizerSummary.Settings(fwhm,
                Double.isNaN(o.settings().fwhm()) ? "4 * sqrt(rows * cols / (304 * 512))" : "given", o.settings().q(), o.settings().permutations(),
                o.settings().minIslandSize(), o.settings().seed(), "whole sheet; contrasts read in their region",
                new LocalizerSummary.KPercent(o.profiles().sensoryPercent(), o.profiles().cognitivePercent()), o.profiles().cognitiveFwhmFactor());
        LocalizerSummary summary = new LocalizerSummary(o.model(), o.libraries(), new LocalizerSummary.Sheet(layout.rows(), layout.cols(), layout.units()),
                settings, responses.stimuli(), contrastSummary, prefSummary, new Profiles(profileSummary, noProfiles), referenceIslands());
        LayoutJson.write(out.resolve("layout.json"), layout);
        summary.write(out.resolve(LocalizerSummary.FILE));
        return new Result(List.copyOf(maps), List.copyOf(prefs), List.copyOf(profiles), summary);
    }

    static String title(String model, String what) {
        return (model == null || model.isBlank() ? "" : model + ": ") + what;
    }

    /** The human and paper island Moran's I of the voice contrast (reference/island_morans_i_human_voice.json). */
    static JsonNode referenceIslands() {
        try (InputStream in = LocalizerReport.class.getResourceAsStream("/reference/island_morans_i_human_voice.json")) {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            if (in == null) return n;
            n.set("voice_island_morans_i", org.topoomni.io.Json.mapper().readTree(in));
            return n;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped voice island reference: " + e.getMessage(), e);
        }
    }
}
