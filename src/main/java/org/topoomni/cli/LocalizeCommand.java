package org.topoomni.cli;

import ai.djl.ndarray.NDManager;
import org.topoomni.map.Contrast;
import org.topoomni.map.Contrasts;
import org.topoomni.map.ResponseProfiles;
import org.topoomni.map.ResponseFiles;
import org.topoomni.map.SelectivityAnalysis;
import org.topoomni.model.CorticalModel;
import org.topoomni.registry.Models;
import org.topoomni.model.ResponseRecorder;
import org.topoomni.report.LocalizerReport;
import org.topoomni.sheet.SheetResponses;
import org.topoomni.stimuli.Stimulus;
import org.topoomni.stimuli.StimulusFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "localize", mixinStandardHelpOptions = true,
        description = "Run the localizers on a model: selectivity maps, islands, Moran's I, response profiles vs human fROIs.")
final class LocalizeCommand implements Callable<Integer> {
    /** Families whose stimuli the localizers use. */
    static final List<String> FAMILIES = List.of("visual", "auditory", "text", "retinotopy", "tonotopy");
    static final Set<String> SKIP = Set.of("corpus");

    @Option(names = "--model", description = "Model folder: a base model of any supported architecture, or a topographic model (a train output; "
            + Defaults.MODEL_DEFAULT + ").")
    Path model;
    @Option(names = "--stimuli", description = "Stimulus library, or your own folder of images, sounds, texts or videos (category "
            + "folders as in fLoc, on/ + off/, optional stimuli.csv; README 'Your own stimuli'). Default: the library of seed 0 under .cache/stimuli.")
    Path stimuli;
    @Option(names = "--more-stimuli", split = ",", description = "Further libraries whose localizer stimuli join those of --stimuli "
            + "(e.g. a second seed's auditory and text families: 64 + 64 clips per condition); their ids get the library's folder name as a prefix.")
    List<Path> moreStimuli;
    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;
    @Option(names = "--contrasts", split = ",", description = "Contrasts to run (default: all standard ones the stimuli allow).")
    List<String> contrasts;
    @Option(names = "--contrast-file", description = "JSON file with your own contrasts: name, on, off, region (all, a modality, or stacks "
            + "of the sheet), kind, human_roi (examples/contrasts/).")
    Path contrastFile;
    @Option(names = "--fwhm", description = "Smoothing FWHM in sheet units (default: 4 units scaled to the sheet as to 304 x 512).")
    Double fwhm;
    @Option(names = "--q", defaultValue = "0.001", description = "FDR threshold (default: ${DEFAULT-VALUE}).")
    double q;

    @picocli.CommandLine.Mixin
    DeviceOption device = new DeviceOption();

    @Override
    public Integer call() throws Exception {
        Path lib = stimuli != null ? stimuli : Defaults.library(0, 64);
        List<Path> libraries = new ArrayList<>(List.of(lib));
        if (moreStimuli != null) libraries.addAll(moreStimuli);
        SelectivityAnalysis.Settings s = SelectivityAnalysis.Settings.defaults();
        if (fwhm != null) s = s.withFwhm(fwhm);
        localize(model == null ? Defaults.embeddedModel() : model, libraries, contrastFile, contrasts, s.withQ(q), out, device);
        return 0;
    }

    /**
     * The command's work, also the demo's entry point: the localizer stimuli of the libraries
     * (or folders), the contrasts (checked against the model's sheet from its config, before the
     * engine starts), the sheet's responses to every stimulus, and the analysis with every map,
     * table and figure under {@code out}.
     */
    static void localize(Path model, List<Path> libraries, Path contrastFile, List<String> contrasts, SelectivityAnalysis.Settings s, Path out,
                         DeviceOption device) throws Exception {
        List<Stimulus> all = loadLocalizerStimuli(libraries);
        List<Contrast> chosen = chooseContrasts(all, contrastFile, contrasts);
        Contrasts.checkRegions(chosen, Models.sheet(model)); // stack names in --contrast-file regions, before the engine starts
        try (NDManager manager = device.manager(); CorticalModel m = Models.open(manager, model)) {
            long t0 = System.nanoTime();
            SheetResponses responses = ResponseRecorder.record(manager, m, all, 64);
            System.err.printf(Locale.ROOT, "recorded %d stimuli on the %d x %d sheet in %.1f s%n", responses.stimuli(),
                    responses.layout().rows(), responses.layout().cols(), (System.nanoTime() - t0) / 1e9);
            ResponseFiles.write(out.resolve("responses"), responses);
            List<String> names = libraries.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList();
            LocalizerReport.run(responses, chosen, new LocalizerReport.Options(m.name(), s, ResponseProfiles.Settings.defaults(), true, names),
                    out, System.out);
        }
    }

    /**
     * The localizer stimuli of one or more libraries or folders, in order ({@link StimulusFolder#open}:
     * a generated library gives its localizer families, a lab's own folder every stimulus in it).
     * The first one's ids are kept; a further one's get its folder name as a prefix
     * ("seed-1-n64/speech_0003"), so two libraries made by the same generator never share an id.
     */
    static List<Stimulus> loadLocalizerStimuli(List<Path> libraries) {
        List<Stimulus> all = new ArrayList<>();
        for (int k = 0; k < libraries.size(); k++) {
            Path lib = libraries.get(k);
            if (!Files.isDirectory(lib)) throw new IllegalArgumentException("stimulus library not found: " + lib);
            StimulusFolder folder = StimulusFolder.open(lib);
            if (folder.kind() == StimulusFolder.Kind.LIBRARY) {
                folder = folder.families(FAMILIES).withoutCategories(SKIP);
                if (folder.size() == 0) throw new IllegalArgumentException(lib + " holds none of the localizer families " + Arrays.toString(FAMILIES.toArray()));
            }
            for (String note : folder.notes()) System.err.println(lib + ": " + note);
            all.addAll((k == 0 ? folder : folder.pooled()).loadAll());
        }
        return all;
    }

    /**
     * The contrasts to run on these stimuli, checked before the model is loaded: the contrast
     * file's syntax and categories, the names given with --contrasts, and that every category a
     * chosen contrast uses has at least {@link #MIN_PER_CATEGORY} stimuli.
     */
    static List<Contrast> chooseContrasts(List<Stimulus> stimuli, Path contrastFile, List<String> names) throws java.io.IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Stimulus s : stimuli) counts.merge(s.category(), 1, Integer::sum);
        List<String> present = List.copyOf(counts.keySet());
        List<Contrast> base = contrastFile != null ? Contrasts.read(contrastFile, present) : Contrasts.standard();
        List<Contrast> chosen = names != null ? Contrasts.select(base, names) : Contrasts.available(base, present);
        Contrasts.validate(chosen, present);
        for (Contrast c : chosen) {
            for (String cat : c.categories()) {
                int n = counts.getOrDefault(cat, 0);
                if (n < MIN_PER_CATEGORY) {
                    throw new IllegalArgumentException("contrast '" + c.name() + "': category '" + cat + "' has " + n + " stimul" + (n == 1 ? "us" : "i")
                            + "; at least " + MIN_PER_CATEGORY + " per category are needed (the Welch t-test needs 2 per group, and the "
                            + "response profiles one in an even and one in an odd run)");
                }
            }
        }
        if (chosen.isEmpty()) {
            System.err.println("no contrast applies to the categories " + present + "; give your own with --contrast-file (examples/contrasts/)");
        }
        return chosen;
    }

    /** Fewest stimuli a category of a contrast may have. */
    static final int MIN_PER_CATEGORY = 2;
}
