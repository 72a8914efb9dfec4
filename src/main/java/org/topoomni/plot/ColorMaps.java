package org.topoomni.plot;

/**
 * Colour maps for sheet figures, as packed RGB ints: a diverging red-blue map for t values
 * (matplotlib's RdBu_r, from ColorBrewer's RdBu: blue negative, white zero, red positive), a
 * sequential map for ordered conditions (matplotlib's viridis) and a cyclic hue wheel for polar
 * angle. Colours are interpolated linearly between the published anchor colours.
 */
public final class ColorMaps {

    private ColorMaps() {
    }

    /** RdBu_r anchors from -1 to +1 (ColorBrewer RdBu, 11 classes, reversed). */
    private static final int[] RDBU_R = {0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7,
            0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b, 0x67001f};

    /** viridis at 0, 0.1, ..., 1. */
    private static final int[] VIRIDIS = {0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c,
            0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725};

    /** Diverging colour of x in [-1, 1] (clipped). */
    public static int diverging(double x) {
        if (Double.isNaN(x)) return 0xbdbdbd;
        double u = (Math.max(-1, Math.min(1, x)) + 1) / 2;
        return interpolate(RDBU_R, u);
    }

    /** Sequential (viridis) colour of u in [0, 1] (clipped). */
    public static int sequential(double u) {
        return interpolate(VIRIDIS, Math.max(0, Math.min(1, u)));
    }

    /** Cyclic hue wheel: u in [0, 1) goes once around (u = 0 and 1 give the same colour). */
    public static int cyclic(double u) {
        double h = u - Math.floor(u);
        return java.awt.Color.HSBtoRGB((float) h, 0.72f, 0.92f) & 0xFFFFFF;
    }

    /** Colours for n ordered (sequential) or circular (cyclic) conditions. */
    public static int[] categorical(int n, boolean cyclicScale) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = cyclicScale ? cyclic((double) i / n) : sequential(n == 1 ? 0.5 : (double) i / (n - 1));
        return out;
    }

    /** Linear mix: {@code a * (1 - w) + b * w}. */
    public static int mix(int a, int b, double w) {
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - w) + ((b >> 16) & 0xFF) * w);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - w) + ((b >> 8) & 0xFF) * w);
        int bl = (int) Math.round((a & 0xFF) * (1 - w) + (b & 0xFF) * w);
        return (r << 16) | (g << 8) | bl;
    }

    private static int interpolate(int[] anchors, double u) {
        double pos = u * (anchors.length - 1);
        int i = (int) Math.floor(pos);
        if (i >= anchors.length - 1) return anchors[anchors.length - 1];
        return mix(anchors[i], anchors[i + 1], pos - i);
    }
}
