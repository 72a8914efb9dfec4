package org.topoomni.backbones.qwen;

import com.fasterxml.jackson.databind.JsonNode;

import java.awt.image.BufferedImage;

/**
 * transformers' {@code Qwen2VLImageProcessor}: an RGB image resized (Pillow bicubic) so that both
 * sides are multiples of patch x merge (28) and the area lies within [min_pixels, max_pixels]
 * ({@code smart_resize}), rescaled by 1/255, normalised with the OpenAI CLIP mean and standard
 * deviation, repeated to fill the temporal patch, and cut into flattened patches.
 *
 * <p>Patch row order: the merged 2 x 2 blocks in raster order over the merged grid, the four
 * patches of a block in raster order. Column order: channel, temporal frame, row and column in
 * the patch ({@code c = ((ch * 2 + t) * 14 + iy) * 14 + ix}).
 */
final class ImageProcessor {
    static final float[] CLIP_MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    static final float[] CLIP_STD = {0.26862954f, 0.26130258f, 0.27577711f};

    final int patch, temporal, merge, minPixels, maxPixels;
    final double rescale;
    final float[] mean, std;

    ImageProcessor(int patch, int temporal, int merge, int minPixels, int maxPixels, double rescale, float[] mean, float[] std) {
        this.patch = patch;
        this.temporal = temporal;
        this.merge = merge;
        this.minPixels = minPixels;
        this.maxPixels = maxPixels;
        this.rescale = rescale;
        this.mean = mean;
        this.std = std;
    }

    /** The settings of a {@code preprocessor_config.json} (null: transformers' defaults), the patch sizes from the model. */
    static ImageProcessor of(JsonNode pre, QwenConfig.Vision v) {
        JsonNode p = pre == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : pre;
        return new ImageProcessor(p.path("patch_size").asInt(v.patch()), p.path("temporal_patch_size").asInt(v.temporalPatch()),
                p.path("merge_size").asInt(v.merge()), p.path("min_pixels").asInt(56 * 56), p.path("max_pixels").asInt(28 * 28 * 1280),
                p.path("rescale_factor").asDouble(1 / 255.0), floats(p.path("image_mean"), CLIP_MEAN), floats(p.path("image_std"), CLIP_STD));
    }

    private static float[] floats(JsonNode n, float[] dflt) {
        if (!n.isArray() || n.size() != 3) return dflt;
        return new float[] {(float) n.get(0).asDouble(), (float) n.get(1).asDouble(), (float) n.get(2).asDouble()};
    }

    /** transformers' smart_resize: (height, width) multiples of {@code factor} with the area in [min, max]. */
    static int[] smartResize(int height, int width, int factor, int minPixels, int maxPixels) {
        if (height < 10 || width < 10) throw new IllegalArgumentException("image of " + width + " x " + height + " pixels is too small (at least 10 x 10)");
        if ((double) Math.max(height, width) / Math.min(height, width) > 200) {
            throw new IllegalArgumentException("image of " + width + " x " + height + " pixels has an aspect ratio above 200");
        }
        // Python's round() rounds halves to even, as Math.rint does.
        int hBar = (int) Math.rint((double) height / factor) * factor;
        int wBar = (int) Math.rint((double) width / factor) * factor;
        if ((long) hBar * wBar > maxPixels) {
            double beta = Math.sqrt((double) height * width / maxPixels);
            hBar = Math.max(factor, (int) Math.floor(height / beta / factor) * factor);
            wBar = Math.max(factor, (int) Math.floor(width / beta / factor) * factor);
        } else if ((long) hBar * wBar < minPixels) {
            double beta = Math.sqrt((double) minPixels / ((double) height * width));
            hBar = (int) Math.ceil(height * beta / factor) * factor;
            wBar = (int) Math.ceil(width * beta / factor) * factor;
        }
        return new int[] {hBar, wBar};
    }

    /** An image's patches and grid (t, h, w in patches). */
    VisionEncoder.Image process(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        int[] rgb = new int[h * w * 3];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                int p = image.getRGB(x, y);
                rgb[(y * w + x) * 3] = (p >> 16) & 0xff;
                rgb[(y * w + x) * 3 + 1] = (p >> 8) & 0xff;
                rgb[(y * w + x) * 3 + 2] = p & 0xff;
            }
        return process(rgb, h, w);
    }

    /** The same from height x width x 3 values 0..255. */
    VisionEncoder.Image process(int[] rgb, int h, int w) {
        int[] size = smartResize(h, w, patch * merge, minPixels, maxPixels);
        int rh = size[0], rw = size[1];
        int[] px = PilBicubic.resize(rgb, h, w, rh, rw);
        // rescale in float64 then float32, normalise in float32, as numpy does in the processor
        float[] chw = new float[3 * rh * rw];
        for (int y = 0; y < rh; y++)
            for (int x = 0; x < rw; x++)
                for (int c = 0; c < 3; c++) {
                    float v = (float) (px[(y * rw + x) * 3 + c] * rescale);
                    chw[(c * rh + y) * rw + x] = (v - mean[c]) / std[c];
                }
        int gh = rh / patch, gw = rw / patch, cols = 3 * temporal * patch * patch;
        float[] out = new float[gh * gw * cols];
        int row = 0;
        for (int by = 0; by < gh / merge; by++)
            for (int bx = 0; bx < gw / merge; bx++)
                for (int my = 0; my < merge; my++)
                    for (int mx = 0; mx < merge; mx++, row++) {
                        int py = by * merge + my, pxx = bx * merge + mx;
                        for (int c = 0; c < 3; c++)
                            for (int t = 0; t < temporal; t++)
                                for (int iy = 0; iy < patch; iy++)
                                    for (int ix = 0; ix < patch; ix++) {
                                        int col = ((c * temporal + t) * patch + iy) * patch + ix;
                                        out[row * cols + col] = chw[(c * rh + py * patch + iy) * rw + pxx * patch + ix];
                                    }
                    }
        return new VisionEncoder.Image(out, 1, gh, gw);
    }
}
