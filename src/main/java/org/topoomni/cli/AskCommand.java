package org.topoomni.cli;

import ai.djl.ndarray.NDManager;
import org.topoomni.model.Checkpoint;
import org.topoomni.model.Example;
import org.topoomni.model.LayerHook;
import org.topoomni.model.Preprocess;
import org.topoomni.model.TinyOmni;
import org.topoomni.stimuli.Images;
import org.topoomni.stimuli.Wav;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Ask a model about an image, a sound or a text and print its answer.")
final class AskCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "Checkpoint folder.")
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

    @Override
    public Integer call() throws Exception {
        try (NDManager manager = NDManager.newBaseManager(); TinyOmni m = Checkpoint.load(manager, model)) {
            float[] img = inputs.image == null ? null : Preprocess.image(Images.read(inputs.image), m.config().imageSize());
            float[] mel = inputs.audio == null ? null
                    : Preprocess.audio(Wav.read(inputs.audio), m.config().audioFrames(), m.config().melBands());
            String q = prompt != null ? prompt
                    : inputs.text != null ? inputs.text
                    : img != null && mel != null ? "Describe this." : img != null ? "What do you see?" : "What do you hear?";
            if (inputs.text != null && prompt != null) q = inputs.text + " " + prompt;
            Example e = Example.chat(img, mel, m.tokenizer().encode(q), new int[0]);
            int[] answer = m.generate(manager, List.of(e), maxTokens, LayerHook.NONE).get(0);
            System.out.println(m.tokenizer().decode(answer).strip());
        }
        return 0;
    }
}
