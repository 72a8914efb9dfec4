package org.topoomni.stimuli;

/** Mono audio: float PCM samples in [-1, 1] at a sample rate in Hz. */
public record Audio(float[] samples, int sampleRate) {
    public Audio {
        if (samples == null) throw new IllegalArgumentException("audio has no samples");
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
    }

    public double seconds() {
        return samples.length / (double) sampleRate;
    }
}
