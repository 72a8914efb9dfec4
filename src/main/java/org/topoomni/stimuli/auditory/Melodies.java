package org.topoomni.stimuli.auditory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Composes short tonal passages for the music category: a key (any of 12 tonics, major or minor),
 * a tempo, a melody that is a seeded random walk on the scale with rhythms drawn from common
 * one-bar patterns, and for instruments that play chords an accompaniment from a I-IV-V-vi style
 * progression (block chords, arpeggios or strummed chords). Monophonic instruments play the
 * melody alone or as a duet in thirds. Everything is on one General MIDI instrument, so the
 * instrument label is unambiguous.
 */
final class Melodies {
    /** A General MIDI instrument: label, program number (0-based), playable range, whether it plays chords. */
    record Gm(String label, int program, int low, int high, boolean chords) {}

    static final List<Gm> INSTRUMENTS = List.of(
            new Gm("piano", 0, 45, 88, true),
            new Gm("vibraphone", 11, 53, 89, true),
            new Gm("marimba", 12, 48, 84, true),
            // reed organ: TimGM6mb's pipe and drawbar organs add a 16' sub-octave, its accordions a second
            // reed ~60 cents flat and its harmonica is out of tune by up to 37 cents, so they are left out
            new Gm("organ", 20, 43, 84, true),
            new Gm("french_horn", 60, 41, 77, false),
            new Gm("guitar", 24, 40, 76, true),
            new Gm("harp", 46, 43, 91, true),
            new Gm("strings", 48, 43, 84, true),
            new Gm("violin", 40, 55, 93, false),
            new Gm("cello", 42, 36, 72, false),
            new Gm("trumpet", 56, 55, 82, false),
            new Gm("trombone", 57, 40, 70, false),
            new Gm("saxophone", 65, 49, 80, false),
            new Gm("oboe", 68, 58, 89, false),
            new Gm("clarinet", 71, 50, 86, false),
            new Gm("flute", 73, 60, 96, false));

    static final String[] PITCH_NAMES = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR = {0, 2, 3, 5, 7, 8, 10};
    private static final double[][] RHYTHMS = {{1, 1, 1, 1}, {0.5, 0.5, 1, 1, 1}, {1.5, 0.5, 1, 1}, {0.5, 0.5, 0.5, 0.5, 1, 1},
            {2, 1, 1}, {1, 0.5, 0.5, 2}, {0.75, 0.25, 1, 0.75, 0.25, 1}, {1, 1, 2}, {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1}};
    private static final int[][] PROGRESSIONS = {{0, 3, 4, 0}, {0, 5, 3, 4}, {0, 4, 5, 3}, {5, 3, 0, 4}, {0, 3, 0, 4}, {0, 5, 1, 4}};

    private Melodies() {}

    /** A composed passage: its notes (channels 0 and 1 on the same program) and labels. */
    record Piece(Gm instrument, List<MusicRenderer.Note> notes, Map<String, String> attributes) {}

    static Piece compose(Gm ins, double seconds, SplittableRandom rng) {
        int tonic = rng.nextInt(12);
        boolean major = rng.nextDouble() < 0.6;
        int[] scale = major ? MAJOR : MINOR;
        int bpm = 72 + rng.nextInt(97); // 72-168
        double beat = 60.0 / bpm;
        double start = Dsp.uniform(rng, 0, 0.12);
        String texture;
        if (ins.chords()) texture = Dsp.pick(rng, new String[] {"melody+chords", "melody+chords", "arpeggio", "chords", "melody"});
        else texture = rng.nextDouble() < 0.7 ? "melody" : "duet";

        // melody register: the upper middle of the range; chords an octave lower
        int centre = (ins.low() + 2 * ins.high()) / 3;
        int baseOctave = Math.floorDiv(centre - tonic, 12) * 12 + tonic; // a tonic near the centre
        List<MusicRenderer.Note> notes = new ArrayList<>();
        int vel = 70 + rng.nextInt(40);
        double articulation = rng.nextDouble() < 0.2 ? 0.5 : Dsp.uniform(rng, 0.85, 0.98);

        if (!texture.equals("chords") && !texture.equals("arpeggio")) {
            int degree = rng.nextInt(5); // scale degree relative to the tonic of baseOctave
            double t = start;
            while (t < seconds) {
                double[] rh = RHYTHMS[rng.nextInt(RHYTHMS.length)];
                for (double d : rh) {
                    if (t >= seconds) break;
                    int key = keyOf(baseOctave, scale, degree);
                    if (key < ins.low() || key > ins.high()) { // fold back into range
                        degree += key < ins.low() ? 7 : -7;
                        key = keyOf(baseOctave, scale, degree);
                    }
                    int v = Math.max(1, Math.min(127, vel + rng.nextInt(21) - 10));
                    notes.add(new MusicRenderer.Note(0, clamp(key, ins), v, t, d * beat * articulation));
                    if (texture.equals("duet")) {
                        int second = clamp(keyOf(baseOctave, scale, degree - 2), ins);
                        notes.add(new MusicRenderer.Note(1, second, Math.max(1, v - 15), t, d * beat * articulation));
                    }
                    int step = switch (rng.nextInt(10)) {
                        case 0 -> -2; case 1, 2 -> -1; case 3 -> 0; case 4, 5 -> 1; case 6 -> 2;
                        case 7 -> rng.nextBoolean() ? 4 : -4; default -> rng.nextBoolean() ? 1 : -1;
                    };
                    degree += step;
                    t += d * beat;
                }
            }
        }
        if (texture.equals("melody+chords") || texture.equals("chords") || texture.equals("arpeggio")) {
            int[] prog = PROGRESSIONS[rng.nextInt(PROGRESSIONS.length)];
            double chordBeats = bpm > 120 ? 4 : 2;
            int chordBase = Math.max(ins.low(), baseOctave - 12);
            int cvel = texture.equals("melody+chords") ? Math.max(30, vel - 25) : vel;
            double t = start;
            for (int c = 0; t < seconds; c++) {
                int root = prog[c % prog.length];
                int[] keys = {keyOf(chordBase, scale, root), keyOf(chordBase, scale, root + 2), keyOf(chordBase, scale, root + 4)};
                double len = chordBeats * beat;
                switch (texture) {
                    case "arpeggio" -> {
                        double step = beat / 2;
                        int[] pattern = {0, 1, 2, 1};
                        for (int k = 0; k * step < len && t + k * step < seconds; k++) {
                            int key = keys[pattern[k % pattern.length]] + (k % 8 >= 4 ? 12 : 0);
                            notes.add(new MusicRenderer.Note(1, clamp(key, ins), cvel, t + k * step, step * 1.5));
                        }
                    }
                    case "chords" -> {
                        for (int b = 0; b < chordBeats && t + b * beat < seconds; b++) {
                            for (int k = 0; k < keys.length; k++) { // strum: 15 ms between strings
                                notes.add(new MusicRenderer.Note(1, clamp(keys[k], ins), Math.max(1, cvel - 10 * (b % 2)),
                                        t + b * beat + 0.015 * k, beat * 0.9));
                            }
                        }
                    }
                    default -> {
                        for (int key : keys) notes.add(new MusicRenderer.Note(1, clamp(key, ins), cvel, t, len * 0.95));
                    }
                }
                t += len;
            }
        }
        Map<String, String> at = new TreeMap<>();
        at.put("instrument", ins.label());
        at.put("gm_program", Integer.toString(ins.program()));
        at.put("tempo_bpm", Integer.toString(bpm));
        at.put("key", PITCH_NAMES[tonic] + (major ? " major" : " minor"));
        at.put("texture", texture);
        TreeSet<Integer> keys = new TreeSet<>();
        for (MusicRenderer.Note n : notes) keys.add(n.key());
        StringBuilder sb = new StringBuilder();
        for (int k : keys) sb.append(sb.length() == 0 ? "" : " ").append(k);
        at.put("midi_keys", sb.toString());
        return new Piece(ins, notes, at);
    }

    private static int keyOf(int tonicKey, int[] scale, int degree) {
        int oct = Math.floorDiv(degree, 7);
        return tonicKey + 12 * oct + scale[Math.floorMod(degree, 7)];
    }

    private static int clamp(int key, Gm ins) {
        while (key < ins.low()) key += 12;
        while (key > ins.high()) key -= 12;
        return key;
    }
}
