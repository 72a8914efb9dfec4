package org.topoomni.stimuli.auditory;

import org.topoomni.stimuli.Audio;
import org.topoomni.stimuli.Provenance;
import org.topoomni.stimuli.Resampler;
import org.topoomni.stimuli.Stimulus;
import org.topoomni.stimuli.StimulusGenerator;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The auditory localizer and pretraining sounds (family "auditory"), each a mono clip of fixed
 * length (default 2.0 s at 16 kHz, 10 ms raised-cosine fades, RMS level drawn from -26 to -18 dBFS,
 * never clipping):
 * <ul>
 * <li>{@code speech}: espeak-ng speaking generated English sentences ({@link SentenceGenerator})
 *     with many English voices and variants (and a few other languages' voices reading English),
 *     speed 130-210 words per minute and pitch varied; resampled 22,050 to 16,000 Hz with the
 *     project's windowed-sinc resampler. Speech localizer ON condition (Overath et al. 2015).
 *     The text is kept in the attribute "transcript", not in {@link Stimulus#text()} (so that a
 *     model is not handed the words as text); speech runs to the clip's end and is cut there,
 *     so the transcript is usually longer than what is heard.</li>
 * <li>{@code quilted_speech}: the same kind of speech cut into segments (default
 *     {@value SpeechQuilter#DEFAULT_SEGMENT_MS} ms) and reordered by {@link SpeechQuilter}: same
 *     long-term spectrum, no words or prosody. Speech localizer OFF condition.</li>
 * <li>{@code vocal}: human non-speech vocalisations (laughs, hums, sighs, cries, coughs...), by
 *     formant synthesis and espeak-ng. Voice localizer ON condition (Pernet et al. 2015).</li>
 * <li>{@code nonvocal}: environmental sounds (impacts, water, wind, engines, bells...), synthesised;
 *     attribute "kind". Voice localizer OFF condition.</li>
 * <li>{@code music}: melodies and chords on 16 General MIDI instruments rendered with the JDK's
 *     MIDI synthesiser ({@link MusicRenderer}); attributes "instrument", "tempo_bpm", "key".</li>
 * <li>{@code animal_sounds} (attribute "animal") and {@code ambient} scenes (attribute "scene"):
 *     for pretraining, screening and image + sound pairs.</li>
 * </ul>
 * The main sub-label of a category (kind, instrument, animal, scene) cycles with the exemplar
 * index, so every 64 exemplars cover all of them evenly; everything else is drawn from a
 * {@link SplittableRandom} seeded by the item's seed, so the output is a pure function of
 * (category, index, seed) and safe to call from several threads.
 */
public final class AuditoryGenerator implements StimulusGenerator {
    public static final String FAMILY = "auditory";
    public static final int DEFAULT_SAMPLE_RATE = 16_000;
    public static final double DEFAULT_SECONDS = 2.0;
    public static final double DEFAULT_FADE_MS = 10;
    /** RMS level range of the clips, dB re full scale. */
    public static final double MIN_LEVEL_DBFS = -26, MAX_LEVEL_DBFS = -18;

    public static final String SPEECH = "speech", QUILTED_SPEECH = "quilted_speech", VOCAL = "vocal",
            NONVOCAL = "nonvocal", MUSIC = "music", ANIMAL_SOUNDS = "animal_sounds", AMBIENT = "ambient";
    public static final List<String> CATEGORIES = List.of(SPEECH, QUILTED_SPEECH, VOCAL, NONVOCAL, MUSIC, ANIMAL_SOUNDS, AMBIENT);

    /** espeak-ng English voices (accents). */
    public static final List<String> ENGLISH_VOICES = List.of("en-us", "en-gb", "en-gb-scotland", "en-gb-x-rp",
            "en-gb-x-gbclan", "en-gb-x-gbcwmd", "en-029", "en-us-nyc");
    /** espeak-ng voice variants (speaker characteristics); "" is the accent's own default. */
    public static final List<String> VOICE_VARIANTS = List.of("", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "f1", "f2",
            "f3", "f4", "f5", "klatt", "klatt2", "klatt3", "Annie", "adam", "anika", "aunty", "belinda", "benjamin", "david",
            "ed", "edward", "grandma", "grandpa", "iven", "john", "linda", "max", "michel", "norbert", "paul", "quincy",
            "rob", "robert", "shelby", "steph", "travis", "victor", "zac");
    /** Other languages' voices that read the English sentences (with their accent), 15% of speech. */
    public static final List<String> FOREIGN_VOICES = List.of("de", "fr-fr", "es", "it", "nl", "pl", "sv", "pt", "hi");

    /** Extra input samples kept past the clip's end so that the resampler's filter sees real signal there. */
    private static final int RESAMPLE_MARGIN = 128;

    private final int sampleRate;
    private final double seconds;
    private final double fadeMs;
    private final double quiltSegmentMs;
    private final MusicRenderer music;
    private final SentenceGenerator sentences = new SentenceGenerator();

    /** Project defaults: 16 kHz, 2.0 s, 10 ms fades, 60 ms quilt segments, the TimGM6mb SoundFont. */
    public AuditoryGenerator() {
        this(DEFAULT_SAMPLE_RATE, DEFAULT_SECONDS, DEFAULT_FADE_MS, SpeechQuilter.DEFAULT_SEGMENT_MS, MusicRenderer.DEFAULT_SOUNDFONT);
    }

    /**
     * @param sampleRate     output rate in Hz (8,000-48,000)
     * @param seconds        clip length (0.5-10 s)
     * @param fadeMs         raised-cosine fade at both ends (0-100 ms)
     * @param quiltSegmentMs quilt segment length (30-960 ms)
     * @param soundfont      General MIDI SoundFont (.sf2) for the music
     */
    public AuditoryGenerator(int sampleRate, double seconds, double fadeMs, double quiltSegmentMs, Path soundfont) {
        if (sampleRate < 8000 || sampleRate > 48000) {
            throw new IllegalArgumentException("sample rate must be 8000-48000 Hz, got " + sampleRate);
        }
        if (!(seconds >= 0.5 && seconds <= 10)) throw new IllegalArgumentException("clip length must be 0.5-10 s, got " + seconds);
        if (!(fadeMs >= 0 && fadeMs <= 100)) throw new IllegalArgumentException("fade must be 0-100 ms, got " + fadeMs);
        if (!(quiltSegmentMs >= SpeechQuilter.MIN_SEGMENT_MS && quiltSegmentMs <= SpeechQuilter.MAX_SEGMENT_MS)) {
            throw new IllegalArgumentException("quilt segment length must be " + SpeechQuilter.MIN_SEGMENT_MS + "-"
                    + SpeechQuilter.MAX_SEGMENT_MS + " ms, got " + quiltSegmentMs);
        }
        if (quiltSegmentMs > seconds * 1000 / 1.5) {
            throw new IllegalArgumentException("quilt segments of " + quiltSegmentMs + " ms do not fit at least twice in a "
                    + seconds + " s clip");
        }
        this.sampleRate = sampleRate;
        this.seconds = seconds;
        this.fadeMs = fadeMs;
        this.quiltSegmentMs = quiltSegmentMs;
        this.music = new MusicRenderer(soundfont);
    }

    public int sampleRate() { return sampleRate; }

    public double seconds() { return seconds; }

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public List<String> categories() {
        return CATEGORIES;
    }

    @Override
    public String source(String category) {
        return switch (check(category)) {
            case SPEECH, QUILTED_SPEECH -> "espeak-ng";
            case VOCAL -> "synthesised+espeak-ng";
            case MUSIC -> "midi";
            default -> "synthesised";
        };
    }

    /** The sub-labels a category cycles through with the index (e.g. the instruments of music); empty if none. */
    public static List<String> subLabels(String category) {
        return switch (category) {
            case VOCAL -> VocalSounds.VOCALISATIONS;
            case NONVOCAL -> EnvironmentalSounds.SOUNDS;
            case MUSIC -> Melodies.INSTRUMENTS.stream().map(Melodies.Gm::label).toList();
            case ANIMAL_SOUNDS -> AnimalSounds.ANIMALS;
            case AMBIENT -> AmbientScenes.SCENES;
            case SPEECH, QUILTED_SPEECH -> List.of();
            default -> throw new IllegalArgumentException("unknown auditory category '" + category + "'; known: " + CATEGORIES);
        };
    }

    private static String check(String category) {
        if (category == null || !CATEGORIES.contains(category)) {
            throw new IllegalArgumentException("unknown auditory category '" + category + "'; known: " + CATEGORIES);
        }
        return category;
    }

    @Override
    public Stimulus generate(String category, int index, int run, long seed) {
        check(category);
        if (index < 0) throw new IllegalArgumentException("exemplar index must be >= 0, got " + index);
        if (run < 1) throw new IllegalArgumentException("run must be >= 1, got " + run);
        SplittableRandom rng = new SplittableRandom(seed);
        int length = AudioOps.samples(seconds, sampleRate);
        Map<String, String> at = new TreeMap<>();
        float[] x;
        switch (category) {
            case SPEECH -> x = speech(rng, at, length, (int) Math.round(Dsp.uniform(rng, 0, 0.1) * sampleRate));
            case QUILTED_SPEECH -> {
                float[] src = speech(rng, at, length, 0);
                SpeechQuilter.Quilt q = SpeechQuilter.quiltWithOrder(new Audio(src, sampleRate), quiltSegmentMs, rng);
                at.put("segment_ms", String.format("%.1f", q.segmentMs()));
                at.put("segments", Integer.toString(q.order().length));
                x = q.audio().samples();
            }
            case VOCAL -> {
                String vocalisation = VocalSounds.VOCALISATIONS.get(index % VocalSounds.VOCALISATIONS.size());
                VocalSounds.Made m = VocalSounds.make(vocalisation, sampleRate, rng, true);
                at.putAll(m.attributes());
                x = placeRandomly(m.samples(), length, rng);
            }
            case NONVOCAL -> {
                String sound = EnvironmentalSounds.SOUNDS.get(index % EnvironmentalSounds.SOUNDS.size());
                at.put("kind", sound);
                x = EnvironmentalSounds.make(sound, seconds, sampleRate, rng);
            }
            case MUSIC -> {
                Melodies.Gm ins = Melodies.INSTRUMENTS.get(index % Melodies.INSTRUMENTS.size());
                Melodies.Piece p = Melodies.compose(ins, seconds, rng);
                at.putAll(p.attributes());
                at.put("soundfont", music.soundfont().getFileName().toString());
                x = music.render(Map.of(0, ins.program(), 1, ins.program()), p.notes(), sampleRate, seconds);
            }
            case ANIMAL_SOUNDS -> {
                String animal = AnimalSounds.ANIMALS.get(index % AnimalSounds.ANIMALS.size());
                at.put("animal", animal);
                x = AnimalSounds.make(animal, seconds, sampleRate, rng);
            }
            case AMBIENT -> {
                String scene = AmbientScenes.SCENES.get(index % AmbientScenes.SCENES.size());
                at.put("scene", scene);
                x = AmbientScenes.make(scene, seconds, sampleRate, rng);
            }
            default -> throw new IllegalStateException(category);
        }
        double level = Dsp.uniform(rng, MIN_LEVEL_DBFS, MAX_LEVEL_DBFS);
        Audio audio = AudioOps.finish(x, sampleRate, length, (int) Math.round(fadeMs * sampleRate / 1000), level);
        at.put("level_dbfs", String.format("%.1f", AudioOps.dbfs(AudioOps.rms(audio.samples()))));
        if (AudioOps.peak(audio.samples()) == 0) {
            throw new IllegalStateException("generated silence for " + category + " #" + index + " (seed " + seed + ")");
        }
        String id = String.format("%s-%04d", category, index);
        return new Stimulus(id, category, run, null, audio, null, at, Provenance.generated(FAMILY, seed));
    }

    /** Places a sound at a random onset in a clip (a sound longer than the clip keeps its beginning). */
    private static float[] placeRandomly(float[] s, int length, SplittableRandom rng) {
        int room = length - s.length;
        int onset = room > 0 ? rng.nextInt(Math.min(room, length / 4) + 1) : 0;
        return AudioOps.place(s, length, onset);
    }

    /** A random espeak-ng voice: an English accent with a variant, or (15%) another language's voice. */
    static String voice(SplittableRandom rng) {
        if (rng.nextDouble() < 0.15) return FOREIGN_VOICES.get(rng.nextInt(FOREIGN_VOICES.size()));
        String accent = ENGLISH_VOICES.get(rng.nextInt(ENGLISH_VOICES.size()));
        String variant = VOICE_VARIANTS.get(rng.nextInt(VOICE_VARIANTS.size()));
        return variant.isEmpty() ? accent : accent + "+" + variant;
    }

    /**
     * Speech that fills the clip from {@code onset} on: espeak-ng output with its leading silence
     * removed, resampled, cut at the clip's end. Text is added until the speech is long enough.
     */
    private float[] speech(SplittableRandom rng, Map<String, String> at, int length, int onset) {
        String voice = voice(rng);
        int wpm = 130 + rng.nextInt(81);
        int pitch = 20 + rng.nextInt(61);
        int gap = rng.nextDouble() < 0.2 ? 1 + rng.nextInt(2) : 0;
        int words = (int) Math.ceil(wpm / 60.0 * seconds * 1.3) + 2;
        String text = sentences.text(rng, words);
        float[] x = null;
        for (int attempt = 0; attempt < 4; attempt++) {
            Audio a = Espeak.speak(new Espeak.Request(text, voice, wpm, pitch, gap));
            float[] raw = a.samples();
            // cut espeak-ng's leading silence and everything after the clip before resampling (the costly step)
            int start = Math.max(0, AudioOps.firstAbove(raw, AudioOps.peak(raw) * 0.01) - 16);
            int need = (int) Math.ceil((double) (length - onset) * a.sampleRate() / sampleRate) + RESAMPLE_MARGIN;
            int end = (int) Math.min(raw.length, (long) start + need);
            x = Resampler.resample(java.util.Arrays.copyOfRange(raw, start, end), a.sampleRate(), sampleRate);
            if (end - start >= need) break;
            text = text + " " + sentences.text(rng, words);
        }
        at.put("voice", voice);
        at.put("rate_wpm", Integer.toString(wpm));
        at.put("pitch", Integer.toString(pitch));
        at.put("transcript", text);
        return AudioOps.place(x, length, onset);
    }
}
