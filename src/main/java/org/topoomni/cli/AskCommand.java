package org.topoomni.cli;

import ai.djl.ndarray.NDManager;
import org.topoomni.model.Answer;
import org.topoomni.model.CorticalModel;
import org.topoomni.model.CorticalTap;
import org.topoomni.model.ModelInput;
import org.topoomni.registry.Models;
import org.topoomni.stimuli.Audio;
import org.topoomni.stimuli.Images;
import org.topoomni.stimuli.Provenance;
import org.topoomni.stimuli.Stimulus;
import org.topoomni.stimuli.Wav;
import org.topoomni.task.Prompts;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Ask a model about an image, a sound or a text and print its answer.")
final class AskCommand implements Callable<Integer> {

    @Option(names = "--model", description = "Model folder: a base model of any supported architecture, or a topographic model (a train output; "
            + Defaults.MODEL_DEFAULT + ").")
    Path model;

    @ArgGroup(exclusive = false, multiplicity = "1")
    Inputs inputs;

    static final class Inputs {
        @Option(names = "--image", description = "Image file (PNG, JPEG, BMP).")
        Path image;
        @Option(names = "--audio", description = "WAV file.")
        Path audio;
        @Option(names = "--text", description = "Text to give the model.")
        String text;
    }

    @Option(names = "--prompt", description = "Question (default: 'What do you see?', 'What do you hear?' or 'Describe this.').")
    String prompt;
    @Option(names = "--max-tokens", defaultValue = "32", description = "Longest answer in tokens (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @picocli.CommandLine.Mixin
    DeviceOption device = new DeviceOption();

    @Override
    public Integer call() throws Exception {
        if (maxTokens < 1) throw new IllegalArgumentException("--max-tokens must be at least 1, got " + maxTokens);
        // read the inputs first: a missing or corrupt file fails before the model is loaded
        BufferedImage img = inputs.image == null ? null : Images.read(inputs.image);
        Audio snd = inputs.audio == null ? null : Wav.read(inputs.audio);
        String text = inputs.text == null || inputs.image != null || inputs.audio != null ? null : inputs.text;
        Stimulus s = new Stimulus("ask", "ask", 1, img, snd, text, Map.of(), Provenance.generated("ask", 0));
        String q = prompt;
        if (inputs.text != null && (img != null || snd != null)) q = prompt == null ? inputs.text : inputs.text + " " + prompt;
        else if (inputs.text != null && prompt != null) q = inputs.text + " " + prompt;
        if (q == null) q = Prompts.forStimulus(s);
        Path dir = model == null ? Defaults.embeddedModel() : model;
        try (NDManager manager = device.manager(); CorticalModel m = Models.open(manager, dir)) {
            ModelInput in = m.backbone().processor().chat(s, q);
            Answer answer = m.backbone().generate(manager, List.of(in), maxTokens, m.hook(CorticalTap.NONE)).get(0);
            System.out.println(answer.text());
        }
        return 0;
    }
}
