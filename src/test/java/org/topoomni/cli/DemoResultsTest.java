package org.topoomni.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topoomni.io.Json;
import org.topoomni.report.DemoFolders;
import org.topoomni.results.DemoResults;
import org.topoomni.results.LocalizerSummary;
import org.topoomni.results.PerturbationSummary;
import org.topoomni.results.PretrainMetrics;
import org.topoomni.results.RoundTrip;
import org.topoomni.results.ScreeningSummary;
import org.topoomni.results.TrainingMetrics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The demo's results.json gathers every stage's file through that file's record, and its last line uses the report's screening rule. */
class DemoResultsTest {

    @Test
    void resultsJsonHoldsEachStagesFileAsItsRecordReadsIt(@TempDir Path tmp) throws Exception {
        Path run = DemoFolders.addPerturbAndDiscover(DemoFolders.withoutPerturbAndDiscover(tmp.resolve("run")));
        Path model = tmp.resolve("model");
        Json.write(model.resolve(PretrainMetrics.FILE), Map.of("visual_accuracy", 0.93, "auditory_accuracy", 0.88, "seed", 5, "a_key_of_another_recipe", "kept"));
        DemoCommand demo = new DemoCommand();
        demo.out = run;
        demo.quick = true;
        demo.seed = 3;
        DemoResults r = demo.writeResults(model);
        RoundTrip.check(run.resolve(DemoResults.FILE), DemoResults::read);
        assertEquals(Json.keys(DemoResults.class), iterable(Json.read(run.resolve(DemoResults.FILE)).fieldNames()),
                "every stage ran: every key, in the record's order");

        assertEquals(Json.tree(PretrainMetrics.read(model.resolve(PretrainMetrics.FILE))), Json.tree(r.pretrain()));
        assertEquals("kept", r.pretrain().other().get("a_key_of_another_recipe"), "a key the record does not know is passed on");
        for (String m : List.of("topo", "control")) {
            assertEquals(Json.tree(TrainingMetrics.read(run.resolve(m).resolve(TrainingMetrics.FILE))), Json.tree(r.train().get(m)), m);
            assertEquals(Json.tree(LocalizerSummary.read(run.resolve("localize").resolve(m).resolve(LocalizerSummary.FILE))), Json.tree(r.localize().get(m)), m);
        }
        assertEquals(Json.tree(PerturbationSummary.read(run.resolve("perturb/topo/summary.json")).categories()), Json.tree(r.perturb()));
        assertEquals(Json.tree(PerturbationSummary.read(run.resolve("perturb/control/summary.json")).categories()), Json.tree(r.perturbControl()));
        assertEquals(Json.tree(ScreeningSummary.read(run.resolve("discover/summary.json"))), Json.tree(r.discover()));
        assertEquals(r.localize().topo().profiles().byContrast().keySet(), r.profiles().stream().map(DemoResults.Profile::contrast).collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)));
        assertEquals(0.0, r.timings().get(DemoResults.TOTAL), "no stage timed by this command");
        assertEquals(List.of(), r.reusedStages());
        assertEquals(Boolean.TRUE, r.quick());
        assertEquals(3L, r.seed());

        // the fixture's screening: animals and landscapes are new (faces and scrambled objects are localizer conditions)
        assertEquals("screening: 5 clusters; new categories with a cluster of >= 20 items, purity >= 0.8 and island Moran's I >= 0.4: "
                + "animals, landscapes (target 2: \u2713 met)", DemoCommand.screeningLine(r));
    }

    static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
