package org.topoomni.sheet;

/**
 * The cells of a Euclidean disc of radius r around a centre: every integer offset (dy, dx) with
 * dy^2 + dx^2 &lt; r^2, in row-major order. One template serves all neighbourhoods; at the sheet's
 * border the cells that fall outside are dropped.
 */
public final class Disc {
    private final double radius;
    private final int[] dy;
    private final int[] dx;

    public Disc(double radius) {
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("neighbourhood radius must be a positive number, got " + radius);
        }
        this.radius = radius;
        int reach = (int) Math.ceil(radius);
        int n = 0;
        double r2 = radius * radius;
        for (int y = -reach; y <= reach; y++) for (int x = -reach; x <= reach; x++) if (y * y + x * x < r2) n++;
        dy = new int[n];
        dx = new int[n];
        int i = 0;
        for (int y = -reach; y <= reach; y++) {
            for (int x = -reach; x <= reach; x++) {
                if (y * y + x * x < r2) { dy[i] = y; dx[i] = x; i++; }
            }
        }
    }

    public double radius() { return radius; }

    /** Number of cells of the whole (unclipped) disc. */
    public int size() { return dy.length; }

    public int dy(int i) { return dy[i]; }

    public int dx(int i) { return dx[i]; }

    /** Euclidean distance between cells i and j of the disc. */
    public double distance(int i, int j) {
        double a = dy[i] - dy[j], b = dx[i] - dx[j];
        return Math.sqrt(a * a + b * b);
    }
}
