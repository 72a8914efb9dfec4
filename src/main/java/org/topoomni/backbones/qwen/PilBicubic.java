package org.topoomni.backbones.qwen;

/**
 * Bicubic resizing of 8-bit RGB images as Pillow does it ({@code Image.resize(size, BICUBIC)},
 * which transformers' image processors call): a separable convolution with the cubic kernel
 * (a = -0.5) widened by the scale when shrinking (so it also anti-aliases), each output pixel's
 * weights normalised to sum to one and turned into 22-bit fixed point, the horizontal pass first,
 * its result rounded and clipped to 8 bits, then the vertical pass.
 */
final class PilBicubic {
    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final double SUPPORT = 2.0;

    private PilBicubic() {}

    private static double filter(double x) {
        final double a = -0.5;
        if (x < 0) x = -x;
        if (x < 1) return ((a + 2) * x - (a + 3)) * x * x + 1;
        if (x < 2) return (((x - 5) * x + 8) * x - 4) * a;
        return 0;
    }

    /** Per output pixel: first input index, count, and fixed-point weights (ksize each). */
    private record Coeffs(int[] start, int[] count, int[] weights, int ksize) {}

    private static Coeffs coeffs(int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        double filterscale = Math.max(1.0, scale);
        double support = SUPPORT * filterscale;
        int ksize = (int) Math.ceil(support) * 2 + 1;
        int[] start = new int[outSize], count = new int[outSize], weights = new int[outSize * ksize];
        double[] k = new double[ksize];
        for (int xx = 0; xx < outSize; xx++) {
            double center = (xx + 0.5) * scale;
            double ss = 1.0 / filterscale;
            int xmin = (int) (center - support + 0.5);
            if (xmin < 0) xmin = 0;
            int xmax = (int) (center + support + 0.5);
            if (xmax > inSize) xmax = inSize;
            xmax -= xmin;
            double ww = 0;
            for (int x = 0; x < xmax; x++) {
                double w = filter((x + xmin - center + 0.5) * ss);
                k[x] = w;
                ww += w;
            }
            for (int x = 0; x < xmax; x++) {
                double w = ww != 0 ? k[x] / ww : k[x];
                weights[xx * ksize + x] = (int) (w < 0 ? -0.5 + w * (1 << PRECISION_BITS) : 0.5 + w * (1 << PRECISION_BITS));
            }
            start[xx] = xmin;
            count[xx] = xmax;
        }
        return new Coeffs(start, count, weights, ksize);
    }

    private static int clip8(long v) {
        long s = v >> PRECISION_BITS;
        return (int) Math.max(0, Math.min(255, s));
    }

    /**
     * Resizes an RGB image given as height x width x 3 bytes (0..255 in ints).
     *
     * @return outH x outW x 3 values 0..255
     */
    static int[] resize(int[] rgb, int h, int w, int outH, int outW) {
        if (outH == h && outW == w) return rgb.clone();
        int[] cur = rgb;
        int curW = w;
        if (outW != w) {
            Coeffs c = coeffs(w, outW);
            int[] out = new int[h * outW * 3];
            for (int y = 0; y < h; y++)
                for (int xx = 0; xx < outW; xx++)
                    for (int ch = 0; ch < 3; ch++) {
                        long ss = 1L << (PRECISION_BITS - 1);
                        for (int x = 0; x < c.count()[xx]; x++) ss += (long) cur[(y * curW + c.start()[xx] + x) * 3 + ch] * c.weights()[xx * c.ksize() + x];
                        out[(y * outW + xx) * 3 + ch] = clip8(ss);
                    }
            cur = out;
            curW = outW;
        }
        if (outH != h) {
            Coeffs c = coeffs(h, outH);
            int[] out = new int[outH * curW * 3];
            for (int yy = 0; yy < outH; yy++)
                for (int x = 0; x < curW; x++)
                    for (int ch = 0; ch < 3; ch++) {
                        long ss = 1L << (PRECISION_BITS - 1);
                        for (int y = 0; y < c.count()[yy]; y++) ss += (long) cur[((c.start()[yy] + y) * curW + x) * 3 + ch] * c.weights()[yy * c.ksize() + y];
                        out[(yy * curW + x) * 3 + ch] = clip8(ss);
                    }
            cur = out;
        }
        return cur;
    }
}
