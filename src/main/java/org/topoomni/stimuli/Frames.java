package org.topoomni.stimuli;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The frames of a video stimulus, sampled at a fixed rate, with the time of each frame in seconds
 * from the start of its source file (so the frames of a clip cut from 10 s to 12 s start near 10).
 * Frames keep the size they were decoded at; a backbone's processor resizes them.
 *
 * @param images frames in time order (at least one; TYPE_INT_RGB)
 * @param times  time of each frame in seconds, ascending, one per frame
 * @param rate   frames per second they were sampled at
 */
public record Frames(List<BufferedImage> images, double[] times, double rate) {
    public Frames {
        if (images == null || images.isEmpty()) throw new IllegalArgumentException("a video stimulus needs at least one frame");
        if (times == null || times.length != images.size()) {
            throw new IllegalArgumentException("frames need one time each: " + images.size() + " frames, "
                    + (times == null ? "no" : String.valueOf(times.length)) + " times");
        }
        for (BufferedImage i : images) if (i == null) throw new IllegalArgumentException("a frame is missing (null)");
        times = times.clone();
        for (int i = 1; i < times.length; i++) {
            if (!(times[i] > times[i - 1])) throw new IllegalArgumentException("frame times must increase, got " + times[i - 1] + " then " + times[i]);
        }
        if (!(rate > 0) || Double.isInfinite(rate)) throw new IllegalArgumentException("frame rate must be a positive number, got " + rate);
        images = List.copyOf(images);
    }

    /** Frame times (a copy). */
    @Override
    public double[] times() {
        return times.clone();
    }

    public int count() {
        return images.size();
    }

    /** The representative frame: the middle one (index count / 2), which single-image backbones see. */
    public BufferedImage middle() {
        return images.get(images.size() / 2);
    }
}
