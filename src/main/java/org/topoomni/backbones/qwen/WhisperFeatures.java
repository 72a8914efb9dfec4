package org.topoomni.backbones.qwen;

import org.topoomni.nn.Scalar;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * transformers' {@code WhisperFeatureExtractor} on its torch path: the 16 kHz waveform padded with
 * zeros to the padding length (truncated to it if longer), torch's STFT (Hann window, n_fft 400,
 * hop 160, centred with reflection), power spectrum without the last frame, Slaney-normalised mel
 * filters on the Slaney mel scale (0 to 8 kHz), log10 clamped at 1e-10, floored at the maximum
 * minus 8, then (x + 4) / 4. The attention mask keeps one frame per started hop of real samples.
 *
 * <p>The STFT, the matrix product and the logarithm run on the engine (libtorch, as in
 * transformers); the mel filters are computed in float64 as transformers' numpy code does and
 * rounded to float32 as its torch path does. The arithmetic after the waveform is float64
 * (transformers' is float32): float32's rounding in the weakest mel bins is about 1e-5 and
 * depends on the code path the CPU's MKL picks (1.1e-5 from exact arithmetic on an AVX-512
 * Xeon); float64 features stay within 1e-7 of exact arithmetic, and within transformers' own
 * float32 error of its features. Only the result is float32.
 *
 * <p>Padding to the full 30 s, as the processor does, changes none of the frames the mask keeps:
 * each of them reads only real samples and the zeros right after them. So by default the
 * waveform is padded only as far as needed for that (and for every frame that touches a real
 * sample, since the maximum is taken over all frames); {@link #extract(NDManager, float[], int)}
 * pads to an exact length.
 */
final class WhisperFeatures {
    final int melBins, samplingRate, hop, nFft, maxSamples;
    private final float[] melFilters; // (melBins, nFft / 2 + 1), float32 of the float64 filters

    WhisperFeatures(int melBins, int samplingRate, int hop, int nFft, int maxSamples) {
        this.melBins = melBins;
        this.samplingRate = samplingRate;
        this.hop = hop;
        this.nFft = nFft;
        this.maxSamples = maxSamples;
        this.melFilters = melFilterBank(nFft / 2 + 1, melBins, 0.0, 8000.0, samplingRate);
    }

    /** The settings of a {@code preprocessor_config.json} (null: Whisper's defaults), the mel bins from the model. */
    static WhisperFeatures of(JsonNode pre, int melBins) {
        JsonNode p = pre == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : pre;
        int sr = p.path("sampling_rate").asInt(16000);
        int n = p.has("n_samples") ? p.get("n_samples").asInt() : p.path("chunk_length").asInt(30) * sr;
        return new WhisperFeatures(p.path("feature_size").asInt(melBins), sr, p.path("hop_length").asInt(160), p.path("n_fft").asInt(400), n);
    }

    /** Log-mel features (mel bins x frames, mel-major) and how many leading frames are real. */
    record Features(float[] values, int frames, int valid) {}

    /** Features of a waveform padded just far enough that the kept frames equal full padding's. */
    Features extract(NDManager m, float[] wave) {
        int len = Math.min(wave.length, maxSamples);
        long need = (long) Math.ceil((len + nFft / 2.0 + hop + 1) / hop) * hop;
        return extract(m, wave, (int) Math.min(maxSamples, need));
    }

    /** Features of a waveform zero-padded (or truncated) to exactly {@code length} samples. */
    Features extract(NDManager m, float[] wave, int length) {
        if (length % hop != 0) throw new IllegalArgumentException("padding length " + length + " is not a multiple of the hop " + hop);
        if (wave.length == 0) throw new IllegalArgumentException("an empty waveform has no features");
        float[] padded = new float[length];
        int real = Math.min(wave.length, length);
        System.arraycopy(wave, 0, padded, 0, real);
        try (NDManager s = m.newSubManager()) {
            // torch.hann_window(n_fft), periodic: 0.5 - 0.5 cos(2 pi n / n_fft)
            NDArray window = Scalar.mul(Scalar.mul(s.arange(0, nFft, 1, DataType.FLOAT64), 2 * Math.PI / nFft).cos(), -0.5).add(0.5);
            NDArray stft = s.create(padded).toType(DataType.FLOAT64, false).stft(nFft, hop, true, window, false, true);
            int frames = (int) stft.getShape().get(1) - 1;
            NDArray power = stft.get(new NDIndex(":, :-1")).abs().square();
            NDArray filters = s.create(melFilters, new Shape(melBins, nFft / 2 + 1)).toType(DataType.FLOAT64, false);
            NDArray log = Scalar.maximum(filters.matMul(power), 1e-10).log10();
            double max = log.max().getDouble();
            NDArray out = Scalar.div(Scalar.maximum(log, max - 8.0).add(4.0), 4.0);
            return new Features(out.toType(DataType.FLOAT32, false).toFloatArray(), frames, Math.min(frames, (real + hop - 1) / hop));
        }
    }

    /** Only the kept frames (mel bins x valid), what the audio encoder reads. */
    static float[] keptFrames(Features f, int melBins) {
        float[] out = new float[melBins * f.valid()];
        for (int q = 0; q < melBins; q++) System.arraycopy(f.values(), q * f.frames(), out, q * f.valid(), f.valid());
        return out;
    }

    private static double hertzToMel(double f) {
        double minLogHertz = 1000.0, minLogMel = 15.0, logstep = 27.0 / Math.log(6.4);
        return f >= minLogHertz ? minLogMel + Math.log(f / minLogHertz) * logstep : 3.0 * f / 200.0;
    }

    private static double melToHertz(double mel) {
        double minLogHertz = 1000.0, minLogMel = 15.0, logstep = Math.log(6.4) / 27.0;
        return mel >= minLogMel ? minLogHertz * Math.exp(logstep * (mel - minLogMel)) : 200.0 * mel / 3.0;
    }

    private static double[] linspace(double a, double b, int n) {
        double[] y = new double[n];
        double step = (b - a) / (n - 1);
        for (int i = 0; i < n; i++) y[i] = i * step + a;
        y[n - 1] = b;
        return y;
    }

    /** transformers' mel_filter_bank(norm="slaney", mel_scale="slaney"), transposed to (mels, frequency bins), as float32. */
    static float[] melFilterBank(int bins, int mels, double fMin, double fMax, int samplingRate) {
        double[] melFreqs = linspace(hertzToMel(fMin), hertzToMel(fMax), mels + 2);
        double[] filterFreqs = new double[mels + 2];
        for (int i = 0; i < filterFreqs.length; i++) filterFreqs[i] = melToHertz(melFreqs[i]);
        double[] fftFreqs = linspace(0, samplingRate / 2, bins);
        float[] out = new float[mels * bins];
        for (int m = 0; m < mels; m++) {
            double enorm = 2.0 / (filterFreqs[m + 2] - filterFreqs[m]);
            double dDown = filterFreqs[m + 1] - filterFreqs[m], dUp = filterFreqs[m + 2] - filterFreqs[m + 1];
            for (int k = 0; k < bins; k++) {
                double down = -(filterFreqs[m] - fftFreqs[k]) / dDown;
                double up = (filterFreqs[m + 2] - fftFreqs[k]) / dUp;
                out[m * bins + k] = (float) (Math.max(0.0, Math.min(down, up)) * enorm);
            }
        }
        return out;
    }
}
