package org.topoomni.stimuli.text;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Short captions of pictures and sounds ("a photo of a dog", "a piano playing a melody", "the
 * sound of rain"), one topic per visual and auditory stimulus category of the project, so the
 * pretraining corpus names what the model will see and hear.
 */
public final class Captions {
    /** A caption and the stimulus category it is about. */
    public record Caption(String text, String about) {}

    private record Topic(String about, String[] things, boolean sound) {}

    private static final List<Topic> TOPICS = List.of(
            new Topic("faces", new String[] {"a smiling face", "a young woman's face", "an old man's face", "a child's face",
                    "a serious face", "a laughing face", "a face with glasses", "a bearded face"}, false),
            new Topic("bodies", new String[] {"a person standing with arms raised", "a person walking down a street",
                    "a runner in mid stride", "a person sitting on a bench", "a dancer stretching",
                    "a person waving both hands", "a hiker carrying a backpack"}, false),
            new Topic("objects", new String[] {"a chair", "a lamp", "a kettle", "a teapot", "a clock", "an umbrella",
                    "a pair of scissors", "a cup", "a suitcase", "a camera"}, false),
            new Topic("scenes", new String[] {"a kitchen", "a busy street", "an empty office", "a classroom",
                    "a train station", "a long corridor", "a living room", "a supermarket aisle"}, false),
            new Topic("words", new String[] {"the word 'garden' in bold letters", "a printed word on a white page",
                    "the word 'river' in large type", "a handwritten word", "the word 'window' in black letters"}, false),
            new Topic("animals", new String[] {"a dog", "a cat", "a horse", "a bird on a branch", "a cow in a field",
                    "an elephant", "a rabbit", "a fish in a tank", "a duck on a pond"}, false),
            new Topic("landscapes", new String[] {"mountains under a blue sky", "a lake at sunset", "green rolling hills",
                    "a sandy desert", "a snowy valley", "a waterfall in a forest", "a coastline with cliffs"}, false),
            new Topic("vehicles", new String[] {"a red car", "a city bus", "a bicycle", "a train", "a sailing boat",
                    "an aeroplane", "a motorbike", "a truck on a road"}, false),
            new Topic("food", new String[] {"a bowl of soup", "a slice of pizza", "a plate of pasta", "an apple",
                    "a sandwich", "a birthday cake", "a bowl of fruit", "a loaf of bread"}, false),
            new Topic("tools", new String[] {"a hammer", "a screwdriver", "a saw", "a wrench", "a pair of pliers",
                    "a drill", "a paintbrush"}, false),
            new Topic("buildings", new String[] {"a tall office building", "a church with a tower", "a house with a red roof",
                    "a castle on a hill", "a row of houses", "a lighthouse"}, false),
            new Topic("plants", new String[] {"a potted plant", "an oak tree", "a sunflower", "a cactus", "ferns in a forest",
                    "a rose bush", "a palm tree"}, false),
            new Topic("instruments", new String[] {"a piano", "a guitar", "a violin", "a drum kit", "a trumpet", "a flute",
                    "a cello"}, false),
            new Topic("speech", new String[] {"a woman speaking English", "a man reading a sentence aloud",
                    "a child talking", "a voice speaking Spanish", "a man speaking German", "a woman speaking French"}, true),
            new Topic("vocal", new String[] {"a person laughing", "someone humming a tune", "a person sighing",
                    "a baby crying", "someone coughing", "a person gasping", "a voice singing one note"}, true),
            new Topic("nonvocal", new String[] {"rain on a roof", "a door slamming", "wind blowing", "a car engine",
                    "a church bell ringing", "water pouring", "footsteps on gravel", "a glass breaking",
                    "a bird calling"}, true),
            new Topic("music", new String[] {"a piano playing a melody", "a guitar playing chords", "a violin playing a slow tune",
                    "a flute playing a fast tune", "an organ playing a chord", "a trumpet playing a fanfare"}, true));

    private static final String[] PICTURE = {"a photo of %s", "a picture of %s", "an image showing %s", "%s",
            "a drawing of %s"};
    private static final String[] SOUND = {"the sound of %s", "a recording of %s", "%s", "you can hear %s"};
    private static final int[] TONES = {200, 300, 400, 600, 800, 1000, 1500, 2000, 3000, 4000, 6000, 8000};

    private Captions() {}

    /** A random caption. */
    public static Caption caption(SplittableRandom r) {
        int k = r.nextInt(TOPICS.size() + 1);
        if (k == TOPICS.size()) {
            return new Caption("a pure tone at " + TONES[r.nextInt(TONES.length)] + " hertz", "tones");
        }
        Topic topic = TOPICS.get(k);
        String thing = Words.pick(r, topic.things);
        String frame = Words.pick(r, topic.sound ? SOUND : PICTURE);
        return new Caption(String.format(java.util.Locale.ROOT, frame, thing), topic.about);
    }
}
