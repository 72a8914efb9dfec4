package org.topoomni.cli;

import ai.djl.ndarray.NDManager;
import org.topoomni.map.Contrast;
import org.topoomni.map.Contrasts;
import org.topoomni.map.ResponseProfiles;
import org.topoomni.map.ResponsesStore;
import org.topoomni.map.SelectivityAnalysis;
import org.topoomni.model.CorticalModel;
import org.topoomni.registry.Models;
import org.topoomni.model.SheetResponsesRecorder;
import org.topoomni.report.LocalizerReport;
import org.topoomni.sheet.SheetResponses;
import org.topoomni.stimuli.Stimulus;
import org.topoomni.stimuli.StimulusLibrary;
import org.topoomni.stimuli.StimulusSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "localize", mixinStandardHelpOptions = true,
        description = "Run the localizers on a model: selectivity maps, islands, Moran's I, response profiles vs human fROIs.")
final class LocalizeCommand implements Callable<Integer> {
    /** Families whose stimuli the localizers use. */
    static final List<String> FAMILIES = List.of("visual", "auditory", "text", "retinotopy", "tonotopy");
    static final Set<String> SKIP = Set.of("corpus");

    @Option(names = "--model", required = true, description = "Model folder: a checkpoint, or a train output (adaptors).")
    Path model;
    @Option(names = "--stimuli", description = "Stimulus library (default: the library of seed 0 under .cache/stimuli).")
    Path stimuli;
    @Option(names = "--more-stimuli", split = ",", description = "Further libraries whose localizer stimuli join those of --stimuli "
            + "(e.g. a second seed's auditory and text families: 64 + 64 clips per condition); their ids get the library's folder name as a prefix.")
    List<Path> moreStimuli;
    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;
    @Option(names = "--contrasts", split = ",", description = "Contrasts to run (default: all standard ones the stimuli allow).")
    List<String> contrasts;
    @Option(names = "--contrast-file", description = "JSON file with your own contrasts.")
    Path contrastFile;
    @Option(names = "--fwhm", description = "Smoothing FWHM in sheet units (default: 4 units scaled to the sheet as to 304 x 512).")
    Double fwhm;
    @Option(names = "--q", defaultValue = "0.001", description = "FDR threshold (default: ${DEFAULT-VALUE}).")
    double q;

    @Override
    public Integer call() throws Exception {
        Path lib = stimuli != null ? stimuli : Defaults.library(0, 64);
        List<Path> libraries = new ArrayList<>(List.of(lib));
        if (moreStimuli != null) libraries.addAll(moreStimuli);
        List<Stimulus> all = loadLocalizerStimuli(libraries);
        try (NDManager manager = NDManager.newBaseManager(); CorticalModel m = Models.open(manager, model)) {
            long t0 = System.nanoTime();
            SheetResponses responses = SheetResponsesRecorder.record(manager, m, all, 64);
            System.err.printf(Locale.ROOT, "recorded %d stimuli on the %d x %d sheet in %.1f s%n", responses.stimuli(),
                    responses.layout().rows(), responses.layout().cols(), (System.nanoTime() - t0) / 1e9);
            ResponsesStore.write(out.resolve("responses"), responses);
            List<Contrast> base = contrastFile != null ? Contrasts.read(contrastFile, responses.categories()) : Contrasts.standard();
            List<Contrast> chosen = contrasts != null ? Contrasts.select(base, contrasts) : Contrasts.available(base, responses.categories());
            SelectivityAnalysis.Settings s = SelectivityAnalysis.Settings.defaults();
            if (fwhm != null) s = s.withFwhm(fwhm);
            s = s.withQ(q);
            List<String> names = libraries.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList();
            LocalizerReport.run(responses, chosen, new LocalizerReport.Options(m.name(), s, ResponseProfiles.Settings.defaults(), true, names),
                    out, System.out);
        }
        return 0;
    }

    /**
     * The localizer stimuli of one or more libraries, in order. The first library's ids are kept;
     * a further library's get its folder name as a prefix ("seed-1-n64/speech_0003"), so two
     * libraries made by the same generator never share an id.
     */
    static List<Stimulus> loadLocalizerStimuli(List<Path> libraries) {
        List<Stimulus> all = new ArrayList<>();
        for (int k = 0; k < libraries.size(); k++) {
            Path lib = libraries.get(k);
            if (!Files.isDirectory(lib)) throw new IllegalArgumentException("stimulus library not found: " + lib);
            boolean first = k == 0;
            int before = all.size();
            for (String f : FAMILIES) {
                Path dir = lib.resolve(f);
                if (!Files.isRegularFile(dir.resolve("manifest.json"))) continue;
                StimulusSet set = StimulusSet.load(dir);
                set.items().stream().filter(i -> !SKIP.contains(i.category())).map(StimulusSet.Item::load)
                        .map(x -> first ? x : x.withId(StimulusLibrary.pooledId(lib, x.id())))
                        .forEach(all::add);
            }
            if (all.size() == before) throw new IllegalArgumentException(lib + " holds none of the localizer families " + Arrays.toString(FAMILIES.toArray()));
        }
        return all;
    }
}
