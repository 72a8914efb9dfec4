package org.topoomni.stimuli.auditory;

import javax.sound.midi.Instrument;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Patch;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders MIDI notes to PCM offline with the JDK's software synthesiser (Gervill,
 * {@code com.sun.media.sound.SoftSynthesizer}) and a General MIDI SoundFont (by default Debian's
 * timgm6mb-soundfont). No sound card is involved: the synthesiser's
 * {@code AudioSynthesizer.openStream} gives a stream that is read as fast as the CPU allows, and
 * note events are scheduled by their timestamps (in microseconds of stream time).
 *
 * <p>Determinism: every render uses a fresh synthesiser (about 10-30 ms to open, far less than
 * loading the SoundFont, which is loaded once per file and shared), with reverb and chorus off,
 * so no state or tail of an earlier item can leak into the next one and the output depends only
 * on the notes. The synthesiser renders straight at the target rate with linear interpolation:
 * measured on a trumpet C6 at 16 kHz, power away from the harmonics was 0.16% (0.12% when
 * rendering at 32 kHz and resampling with the project's windowed-sinc resampler, which costs five
 * times as much), so aliasing is negligible with this SoundFont.
 *
 * <p>Gervill lives in a package that java.desktop does not export, so it is reached by
 * reflection and the JVM needs {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED}
 * (set by the ./topo-omni launcher and by the tests).
 */
public final class MusicRenderer {
    /** Debian's timgm6mb-soundfont (General MIDI, 6 MB). */
    public static final Path DEFAULT_SOUNDFONT = Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2");
    static final String SYNTH_CLASS = "com.sun.media.sound.SoftSynthesizer";
    static final String JVM_FLAG = "--add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED";

    private static final Map<Path, Soundbank> BANKS = new ConcurrentHashMap<>();

    /** One note: MIDI channel (0-15, not 9), key (0-127), velocity (1-127), onset and duration in seconds. */
    public record Note(int channel, int key, int velocity, double onset, double duration) {
        public Note {
            if (channel < 0 || channel > 15 || channel == 9) {
                throw new IllegalArgumentException("MIDI channel must be 0-15 and not the drum channel 9, got " + channel);
            }
            if (key < 0 || key > 127) throw new IllegalArgumentException("MIDI key must be 0-127, got " + key);
            if (velocity < 1 || velocity > 127) throw new IllegalArgumentException("MIDI velocity must be 1-127, got " + velocity);
            if (!(onset >= 0) || !(duration > 0)) {
                throw new IllegalArgumentException("note onset must be >= 0 and duration > 0, got " + onset + ", " + duration);
            }
        }

        /** Frequency of the key in equal temperament (A4 = key 69 = 440 Hz). */
        public double frequency() {
            return 440 * Math.pow(2, (key - 69) / 12.0);
        }
    }

    private final Path soundfont;

    /** A renderer with Debian's TimGM6mb SoundFont. */
    public MusicRenderer() {
        this(DEFAULT_SOUNDFONT);
    }

    public MusicRenderer(Path soundfont) {
        if (soundfont == null) throw new IllegalArgumentException("no SoundFont path given");
        this.soundfont = soundfont;
    }

    public Path soundfont() {
        return soundfont;
    }

    /** The SoundFont, loaded once per file for the whole JVM. */
    Soundbank bank() {
        return BANKS.computeIfAbsent(soundfont.toAbsolutePath().normalize(), p -> {
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("SoundFont " + p + " not found; the music stimuli need it: "
                        + "apt-get install timgm6mb-soundfont (or pass another .sf2 file)");
            }
            try {
                return MidiSystem.getSoundbank(p.toFile());
            } catch (InvalidMidiDataException | IOException e) {
                throw new IllegalStateException("cannot read SoundFont " + p + ": " + e.getMessage(), e);
            }
        });
    }

    /** The General MIDI melodic instrument (bank 0) with the given program number, from the SoundFont. */
    Instrument instrument(int program) {
        Soundbank b = bank();
        Instrument ins = b.getInstrument(new Patch(0, program));
        if (ins == null) {
            throw new IllegalArgumentException("SoundFont " + soundfont + " has no instrument for General MIDI program " + program);
        }
        return ins;
    }

    /** The instrument's name in the SoundFont (e.g. "Violin"). */
    public String instrumentName(int program) {
        return instrument(program).getName().trim();
    }

    /**
     * Renders the notes, each channel playing the program given for it, into {@code seconds} of
     * mono PCM at {@code sampleRate} (float, not normalised).
     *
     * @param programs General MIDI program (0-127) per channel used by the notes
     */
    public float[] render(Map<Integer, Integer> programs, List<Note> notes, int sampleRate, double seconds) {
        if (sampleRate < 8000) throw new IllegalArgumentException("sample rate must be >= 8000 Hz, got " + sampleRate);
        if (!(seconds > 0 && seconds <= 60)) throw new IllegalArgumentException("render length must be in (0, 60] s, got " + seconds);
        for (Note n : notes) {
            if (!programs.containsKey(n.channel())) {
                throw new IllegalArgumentException("no program given for channel " + n.channel());
            }
        }
        int frames = AudioOps.samples(seconds, sampleRate);
        Synthesizer syn = newSynthesizer();
        try {
            AudioFormat fmt = new AudioFormat(sampleRate, 16, 1, true, false);
            Map<String, Object> info = new HashMap<>();
            info.put("load default soundbank", false);
            info.put("reverb", false);
            info.put("chorus", false);
            info.put("auto gain control", false);
            info.put("interpolation", "linear");
            AudioInputStream ais = openStream(syn, fmt, info);
            Soundbank b = bank();
            synchronized (b) {
                for (int program : programs.values()) syn.loadInstrument(instrument(program));
            }
            Receiver rc = syn.getReceiver();
            for (Map.Entry<Integer, Integer> e : programs.entrySet()) {
                rc.send(new ShortMessage(ShortMessage.PROGRAM_CHANGE, e.getKey(), e.getValue(), 0), 0);
                rc.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, e.getKey(), 91, 0), 0); // reverb send off
                rc.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, e.getKey(), 93, 0), 0); // chorus send off
            }
            List<Note> sorted = new ArrayList<>(notes);
            sorted.sort((x, y) -> Double.compare(x.onset(), y.onset()));
            for (Note n : sorted) {
                long on = Math.round(n.onset() * 1e6), off = Math.round((n.onset() + n.duration()) * 1e6);
                rc.send(new ShortMessage(ShortMessage.NOTE_ON, n.channel(), n.key(), n.velocity()), on);
                rc.send(new ShortMessage(ShortMessage.NOTE_OFF, n.channel(), n.key(), 0), off);
            }
            byte[] buf = new byte[frames * 2];
            int off = 0;
            while (off < buf.length) {
                int r = ais.read(buf, off, buf.length - off);
                if (r < 0) break;
                off += r;
            }
            ais.close();
            float[] out = new float[frames];
            for (int i = 0; i < off / 2; i++) out[i] = (short) ((buf[2 * i] & 0xff) | (buf[2 * i + 1] << 8)) / 32768f;
            return out;
        } catch (InvalidMidiDataException | MidiUnavailableException | IOException e) {
            throw new IllegalStateException("MIDI rendering failed: " + e.getMessage(), e);
        } finally {
            syn.close();
        }
    }

    private static Synthesizer newSynthesizer() {
        try {
            return (Synthesizer) Class.forName(SYNTH_CLASS).getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("this JDK has no Gervill software synthesiser (" + SYNTH_CLASS + ")", e);
        } catch (IllegalAccessException | IllegalAccessError e) {
            throw new IllegalStateException("the MIDI synthesiser is not accessible: run Java with " + JVM_FLAG
                    + " (the ./topo-omni launcher and the tests set it)", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the MIDI synthesiser: " + e, e);
        }
    }

    private static AudioInputStream openStream(Synthesizer syn, AudioFormat fmt, Map<String, Object> info)
            throws MidiUnavailableException {
        try {
            Method m = syn.getClass().getMethod("openStream", AudioFormat.class, Map.class);
            return (AudioInputStream) m.invoke(syn, fmt, info);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("the MIDI synthesiser is not accessible: run Java with " + JVM_FLAG, e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof MidiUnavailableException mu) throw mu;
            throw new IllegalStateException("cannot open the MIDI synthesiser stream: " + e.getCause(), e.getCause());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(SYNTH_CLASS + " has no openStream(AudioFormat, Map)", e);
        }
    }
}
