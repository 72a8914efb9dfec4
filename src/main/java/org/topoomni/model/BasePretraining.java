package org.topoomni.model;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * How a base model that this program builds itself (an embedded default, as opposed to a
 * checkpoint a lab brings) is made from stimulus libraries. The demo asks the registry for the
 * embedded default's recipe, keeps the result in the project's cache under {@link #cacheKey}, and
 * reads the held-out numbers the recipe writes to {@code metrics.json} in the model folder.
 */
public interface BasePretraining {

    /**
     * How much training: the demo's full settings, its quick look, or a smoke test of the
     * pipeline (a few steps, seconds per phase: the model it makes means nothing).
     */
    enum Scale { FULL, QUICK, TINY }

    /** The architecture it builds (a registry id). */
    String architecture();

    /**
     * A folder name that changes whenever anything that decides the result changes (settings,
     * seed, the libraries' sizes), so a cached model is reused only when it is the same model.
     *
     * @param perCategory  exemplars per category of the main library
     * @param extra        exemplars per category of the extra pretraining library (0: none)
     * @param scale        the demo's settings
     */
    String cacheKey(long seed, int perCategory, int extra, Scale scale);

    /** Whether {@code dir} holds a finished model of this recipe (with its {@code metrics.json}). */
    boolean isDone(Path dir);

    /** Whether {@code dir} holds an unfinished run of this recipe that {@link #run} can resume. */
    boolean isStarted(Path dir);

    /** Builds the model into {@code out} from the libraries (the first is the main library); resumes an unfinished run. */
    void run(Path out, List<Path> libraries, long seed, Scale scale, PrintStream log) throws IOException;

    /** The model folder's file of held-out numbers (visual_accuracy, auditory_accuracy, perplexity, ...). */
    String METRICS = "metrics.json";
}
