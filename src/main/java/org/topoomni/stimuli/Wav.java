package org.topoomni.stimuli;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * WAV files, read and written by hand (javax.sound does not read 24-bit or float WAV reliably).
 *
 * <p>Writing: 16-bit PCM mono, samples clipped to [-1, 1] and rounded, a canonical 44-byte
 * header; the same audio always gives the same bytes.
 *
 * <p>Reading: RIFF/WAVE with chunks in any order (unknown chunks skipped, odd sizes padded);
 * format 1 (PCM: 8-bit unsigned, 16, 24, 32-bit signed), 3 (IEEE float 32 or 64 bit) and
 * 0xFFFE (WAVE_FORMAT_EXTENSIBLE with a PCM or float sub-format). Several channels are averaged
 * to mono. A truncated header, a missing chunk, a data chunk longer than the file or an
 * unsupported encoding gives one {@link StimulusException} naming the file.
 */
public final class Wav {
    private static final int FORMAT_PCM = 1, FORMAT_FLOAT = 3, FORMAT_EXTENSIBLE = 0xFFFE;

    private Wav() {}

    /** Encodes mono audio as a 16-bit PCM WAV file at its own sample rate. */
    public static byte[] encode16(Audio audio) {
        float[] s = audio.samples();
        int dataBytes = s.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(36 + dataBytes).put(new byte[] {'W', 'A', 'V', 'E'});
        b.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) FORMAT_PCM).putShort((short) 1)
                .putInt(audio.sampleRate()).putInt(audio.sampleRate() * 2).putShort((short) 2).putShort((short) 16);
        b.put(new byte[] {'d', 'a', 't', 'a'}).putInt(dataBytes);
        for (float v : s) {
            double c = Float.isNaN(v) ? 0 : Math.max(-1.0, Math.min(1.0, v));
            b.putShort((short) Math.round(c * 32767.0));
        }
        return b.array();
    }

    /** Reads a WAV file as mono audio at its own rate. */
    public static Audio read(Path file) {
        return decode(FileBytes.read(file), file);
    }

    /**
     * The length in seconds of a WAV file, from its header alone (the chunks are walked without
     * reading the samples), so that a long recording can be cut into clips before it is decoded.
     * A header this cannot read is decoded whole instead, which gives the usual error message.
     */
    public static double seconds(Path file) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            if (size >= 12 && ch.read(head, 0) == 12 && fourcc(head.array(), 0).equals("RIFF") && fourcc(head.array(), 8).equals("WAVE")) {
                long pos = 12;
                int channels = 0, rate = 0, bits = 0;
                while (pos + 8 <= size) {
                    ByteBuffer c = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
                    int got = ch.read(c, pos);
                    if (got < 8) break;
                    String id = fourcc(c.array(), 0);
                    long len = c.getInt(4) & 0xffffffffL;
                    if (id.equals("fmt ") && got >= 24) {
                        channels = c.getShort(10) & 0xffff;
                        rate = c.getInt(12);
                        bits = c.getShort(22) & 0xffff;
                    } else if (id.equals("data")) {
                        long avail = Math.min(len, size - pos - 8);
                        int frameBytes = channels * ((bits + 7) / 8);
                        if (rate > 0 && frameBytes > 0 && avail == len) return (avail / frameBytes) / (double) rate;
                        break;
                    }
                    pos += 8 + len + (len & 1);
                }
            }
        } catch (java.io.IOException e) {
            throw new StimulusException(file, "cannot read the file (" + e.getMessage() + ")", e);
        }
        return read(file).seconds();
    }

    /** Decodes WAV bytes as mono audio; {@code file} is only used in error messages. */
    public static Audio decode(byte[] bytes, Path file) {
        if (bytes.length == 0) throw new StimulusException(file, "the WAV file is empty (0 bytes)");
        if (bytes.length < 12) {
            throw new StimulusException(file, "truncated WAV header: the file has " + bytes.length
                    + " bytes, fewer than the 12 of a RIFF/WAVE header");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        String riff = fourcc(bytes, 0), wave = fourcc(bytes, 8);
        if (!riff.equals("RIFF") || !wave.equals("WAVE")) {
            String what = riff.equals("RF64") ? "an RF64 file (not supported; convert it to plain WAV)"
                    : "not a RIFF/WAVE file (it starts with '" + printable(riff) + "')";
            throw new StimulusException(file, what);
        }
        int format = -1, channels = 0, rate = 0, bits = 0, blockAlign = 0;
        int dataOff = -1, dataLen = -1;
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            String id = fourcc(bytes, pos);
            long size = b.getInt(pos + 4) & 0xffffffffL;
            int body = pos + 8;
            long avail = bytes.length - (long) body;
            if (id.equals("fmt ")) {
                if (size < 16 || avail < 16) {
                    throw new StimulusException(file, "truncated WAV header: the 'fmt ' chunk has "
                            + Math.min(size, avail) + " bytes, it needs at least 16");
                }
                format = b.getShort(body) & 0xffff;
                channels = b.getShort(body + 2) & 0xffff;
                rate = b.getInt(body + 4);
                blockAlign = b.getShort(body + 12) & 0xffff;
                bits = b.getShort(body + 14) & 0xffff;
                if (format == FORMAT_EXTENSIBLE) {
                    if (size < 40 || avail < 40) {
                        throw new StimulusException(file, "truncated WAV header: WAVE_FORMAT_EXTENSIBLE"
                                + " 'fmt ' chunk has " + Math.min(size, avail) + " bytes, it needs 40");
                    }
                    format = b.getShort(body + 24) & 0xffff; // first two bytes of the sub-format GUID
                }
            } else if (id.equals("data")) {
                if (format < 0) {
                    throw new StimulusException(file, "the 'data' chunk comes before any 'fmt ' chunk");
                }
                if (size > avail) {
                    throw new StimulusException(file, "truncated WAV file: the 'data' chunk declares "
                            + size + " bytes but only " + avail + " follow");
                }
                dataOff = body;
                dataLen = (int) size;
                break;
            }
            long next = body + size + (size & 1);
            if (next > bytes.length) {
                if (format < 0) {
                    throw new StimulusException(file, "truncated WAV header: chunk '" + printable(id)
                            + "' declares " + size + " bytes but only " + avail + " follow");
                }
                break;
            }
            pos = (int) next;
        }
        if (format < 0) throw new StimulusException(file, "truncated WAV header: no 'fmt ' chunk in " + bytes.length + " bytes");
        if (dataOff < 0) throw new StimulusException(file, "no 'data' chunk (the file is truncated or has no audio)");
        if (channels < 1) throw new StimulusException(file, "the WAV header says " + channels + " channels");
        if (rate <= 0) throw new StimulusException(file, "the WAV header says sample rate " + rate);
        int bytesPerSample = (bits + 7) / 8;
        boolean ok = (format == FORMAT_PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32))
                || (format == FORMAT_FLOAT && (bits == 32 || bits == 64));
        if (!ok) {
            String encoding = switch (format) {
                case FORMAT_PCM -> bits + "-bit PCM";
                case FORMAT_FLOAT -> bits + "-bit float";
                case 6 -> "A-law";
                case 7 -> "mu-law";
                case 2 -> "ADPCM";
                default -> "format code " + format;
            };
            throw new StimulusException(file, "unsupported WAV encoding: " + encoding
                    + " (supported: PCM 8/16/24/32-bit, IEEE float 32/64-bit)");
        }
        int frameBytes = bytesPerSample * channels;
        if (blockAlign != 0 && blockAlign != frameBytes) {
            throw new StimulusException(file, "inconsistent WAV header: block align " + blockAlign
                    + " but " + channels + " channels x " + bytesPerSample + " bytes");
        }
        int frames = dataLen / frameBytes;
        float[] mono = new float[frames];
        for (int i = 0; i < frames; i++) {
            double acc = 0;
            for (int c = 0; c < channels; c++) {
                acc += sample(b, dataOff + i * frameBytes + c * bytesPerSample, format, bits);
            }
            mono[i] = (float) (acc / channels);
        }
        return new Audio(mono, rate);
    }

    private static double sample(ByteBuffer b, int o, int format, int bits) {
        if (format == FORMAT_FLOAT) return bits == 32 ? b.getFloat(o) : b.getDouble(o);
        return switch (bits) {
            case 8 -> ((b.get(o) & 0xff) - 128) / 128.0;
            case 16 -> b.getShort(o) / 32768.0;
            case 24 -> ((b.get(o) & 0xff) | ((b.get(o + 1) & 0xff) << 8) | (b.get(o + 2) << 16)) / 8388608.0;
            default -> b.getInt(o) / 2147483648.0;
        };
    }

    private static String fourcc(byte[] b, int o) {
        return new String(b, o, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) sb.append(c >= 32 && c < 127 ? c : '?');
        return sb.toString();
    }
}
