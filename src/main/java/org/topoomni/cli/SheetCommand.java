package org.topoomni.cli;

import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.SheetPresets;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "sheet", mixinStandardHelpOptions = true,
        description = "Show the cortical-sheet layout of a backbone (where each stack and layer lies).")
final class SheetCommand implements Callable<Integer> {

    @Option(names = "--preset", defaultValue = SheetPresets.QWEN25_OMNI_3B,
            description = "Layout preset (${COMPLETION-CANDIDATES}); default: ${DEFAULT-VALUE}.",
            completionCandidates = PresetNames.class)
    String preset;

    @Option(names = "--model", description = "A model folder (or just its config.json's folder) of any supported architecture: "
            + "its own sheet, from its config alone (no weights are read); overrides --preset.")
    java.nio.file.Path model;

    @Override
    public Integer call() throws Exception {
        SheetLayout layout = model != null ? org.topoomni.registry.Models.sheet(model) : SheetPresets.get(preset);
        System.out.print(layout.describe());
        return 0;
    }

    static final class PresetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return SheetPresets.names().iterator();
        }
    }
}
