package org.topoomni.discover;

import org.topoomni.stimuli.Stimulus;
import org.topoomni.stimuli.StimulusInspector;
import org.topoomni.stimuli.StimulusFolder;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The figures of a screening: a collage of each cluster's members (image thumbnails and log-mel
 * spectrograms, drawn by the stimulus inspector's contact sheets) and the dendrogram of the
 * Ward tree as far down as the walk went, with the clusters coloured.
 */
public final class DiscoveryFigures {
    /** At most this many thumbnails (8 x 8) and spectrograms per collage. */
    public static final int MAX_IMAGES = 64, MAX_SOUNDS = 8;

    private static final String SANS = "DejaVu Sans";
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22), new Color(0x7f7f7f)};

    private DiscoveryFigures() {
    }

    /**
     * A cluster's members: up to 64 images and 8 sounds, a seeded random sample when there are
     * more (kept in the dendrogram's order).
     *
     * @param stimuli the pool's stimuli, in the rows' order (for their modality)
     */
    public static BufferedImage collage(StimulusFolder set, List<Stimulus> stimuli, Discovery.Found f, long seed) {
        List<Integer> images = new ArrayList<>(), sounds = new ArrayList<>();
        int texts = 0;
        for (int m : f.cluster().members()) {
            String medium = set.items().get(m).medium(); // from the files: nothing is decoded for members that are not shown
            if (!medium.equals("audio") && !medium.equals("text")) images.add(m);
            else if (medium.equals("audio")) sounds.add(m);
            else texts++;
        }
        SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + f.id());
        List<Integer> shownImages = sample(images, MAX_IMAGES, rng), shownSounds = sample(sounds, MAX_SOUNDS, rng);
        String head = String.format(Locale.ROOT, "%s: %d items, score %.2f", f.name(), f.cluster().size(), f.cluster().score());
        List<BufferedImage> parts = new ArrayList<>();
        if (!shownImages.isEmpty()) {
            parts.add(StimulusInspector.contactSheetOf(head + " - " + shown(shownImages.size(), images.size(), "image"), decoded(stimuli, shownImages)));
        }
        if (!shownSounds.isEmpty()) {
            String t = (parts.isEmpty() ? head + " - " : "") + shown(shownSounds.size(), sounds.size(), "sound") + " (log-mel 0-8 kHz)";
            parts.add(StimulusInspector.spectrogramSheetOf(t, decoded(stimuli, shownSounds)));
        }
        if (parts.isEmpty() || texts > 0) parts.add(note((parts.isEmpty() ? head + " - " : "") + texts + " text item" + (texts == 1 ? "" : "s") + " (see members.csv)"));
        return stack(parts);
    }

    private static String shown(int shown, int of, String what) {
        return shown == of ? of + " " + what + (of == 1 ? "" : "s") : shown + " of " + of + " " + what + "s (random sample)";
    }

    /** Up to {@code max} of {@code rows}, chosen at random, in their original order. */
    static List<Integer> sample(List<Integer> rows, int max, SplittableRandom rng) {
        if (rows.size() <= max) return rows;
        boolean[] take = new boolean[rows.size()];
        int[] idx = new int[rows.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        for (int i = 0; i < max; i++) {
            int j = i + rng.nextInt(idx.length - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            take[idx[i]] = true;
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) if (take[i]) out.add(rows.get(i));
        return out;
    }

    private static List<Stimulus> decoded(List<Stimulus> stimuli, List<Integer> rows) {
        List<Stimulus> out = new ArrayList<>();
        for (int r : rows) out.add(stimuli.get(r));
        return out;
    }

    private static BufferedImage note(String text) {
        BufferedImage img = new BufferedImage(Math.max(320, 12 + 8 * text.length()), 28, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img, new Color(40, 40, 40));
        g.setColor(Color.WHITE);
        g.setFont(new Font(SANS, Font.BOLD, 13));
        g.drawString(text, 4, 18);
        g.dispose();
        return img;
    }

    private static BufferedImage stack(List<BufferedImage> parts) {
        if (parts.size() == 1) return parts.get(0);
        int w = 0, h = 0;
        for (BufferedImage p : parts) {
            w = Math.max(w, p.getWidth());
            h += p.getHeight();
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img, new Color(40, 40, 40));
        int y = 0;
        for (BufferedImage p : parts) {
            g.drawImage(p, 0, y, null);
            y += p.getHeight();
        }
        g.dispose();
        return img;
    }

    // ------------------------------------------------------------------ dendrogram

    /**
     * The Ward tree from the root down to where the walk stopped: each branch ends in a
     * discovered cluster (a coloured bar as wide as its number of items, labelled with its id,
     * and its top label when hidden labels were given) or in a node too small to count (grey,
     * its items are in no cluster). Heights are Ward distances on a square-root scale; dots mark
     * the scored nodes that the walk split.
     */
    public static BufferedImage dendrogram(Discovery.Analysis a, boolean withLabels) {
        WardTree tree = a.tree();
        Map<Integer, ClusterWalk.Step> steps = new HashMap<>();
        for (ClusterWalk.Step s : a.walk().steps()) steps.put(s.node(), s);
        Map<Integer, Discovery.Found> clusters = new HashMap<>();
        for (Discovery.Found f : a.clusters()) clusters.put(f.cluster().node(), f);

        int n = tree.items(), left = 70, right = 30, top = 70, plotH = 520, labelH = withLabels ? 170 : 70;
        int plotW = Math.max(900, Math.min(2400, 40 * a.clusters().size() + 400));
        int width = left + plotW + right, height = top + plotH + 12 + labelH;
        double hmax = Math.sqrt(Math.max(tree.height(tree.root()), 1e-12));
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img, Color.WHITE);
        g.setColor(Color.BLACK);
        g.setFont(new Font(SANS, Font.BOLD, 17));
        g.drawString(String.format(Locale.ROOT, "Ward tree of %d pool items: %d clusters found by the walk (%d-%d items), %d items in none",
                n, a.clusters().size(), a.walk().minSize(), a.walk().maxSize(), a.walk().unassigned()), 14, 26);
        g.setFont(new Font(SANS, Font.PLAIN, 13));
        g.setColor(new Color(0x333333));
        g.drawString("bars: clusters, as wide as their items (grey: too small to count); dots: scored nodes that were split; "
                + "height: Ward distance (square-root scale)", 14, 48);

        // x positions: leaves of the walked tree left to right, each as wide as its items
        Map<Integer, double[]> pos = new HashMap<>(); // node -> {x, y}
        double[] cursor = {0};
        int baseline = top + plotH;
        layout(tree, tree.root(), steps, pos, cursor, left, plotW, n, top, plotH, hmax);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0xdddddd));
        for (int k = 0; k <= 4; k++) {
            double h = Math.pow(hmax * k / 4, 2);
            int y = y(h, top, plotH, hmax);
            g.drawLine(left, y, left + plotW, y);
            g.setColor(new Color(0x555555));
            g.setFont(new Font(SANS, Font.PLAIN, 11));
            g.drawString(String.format(Locale.ROOT, "%.2f", h), 8, y + 4);
            g.setColor(new Color(0xdddddd));
        }
        draw(g, tree, tree.root(), steps, clusters, pos, baseline, withLabels);
        g.dispose();
        return img;
    }

    /** A node the walk went below (both children visited). */
    private static boolean internal(ClusterWalk.Step st) {
        return st != null && (st.decision() == ClusterWalk.Decision.SPLIT || st.decision() == ClusterWalk.Decision.TOO_LARGE);
    }

    private static int y(double h, int top, int plotH, double hmax) {
        return (int) Math.round(top + plotH * (1 - Math.sqrt(Math.max(h, 0)) / hmax));
    }

    /** Assigns {x, y, x0, x1} to every node the walk visited (iteratively, children before parents). */
    private static void layout(WardTree tree, int root, Map<Integer, ClusterWalk.Step> steps, Map<Integer, double[]> pos, double[] cursor,
                               int left, int plotW, int n, int top, int plotH, double hmax) {
        java.util.Deque<int[]> stack = new java.util.ArrayDeque<>(); // {node, expanded}
        stack.push(new int[] {root, 0});
        while (!stack.isEmpty()) {
            int[] e = stack.pop();
            int node = e[0];
            ClusterWalk.Step st = steps.get(node);
            if (!internal(st)) {
                double x0 = left + plotW * cursor[0] / n;
                cursor[0] += tree.size(node);
                double x1 = left + plotW * cursor[0] / n;
                pos.put(node, new double[] {(x0 + x1) / 2, y(tree.height(node), top, plotH, hmax), x0, x1});
            } else if (e[1] == 0) {
                stack.push(new int[] {node, 1});
                stack.push(new int[] {tree.right(node), 0});
                stack.push(new int[] {tree.left(node), 0});
            } else {
                double[] l = pos.get(tree.left(node)), r = pos.get(tree.right(node));
                pos.put(node, new double[] {(l[0] + r[0]) / 2, y(tree.height(node), top, plotH, hmax), l[2], r[3]});
            }
        }
    }

    private static void draw(Graphics2D g, WardTree tree, int root, Map<Integer, ClusterWalk.Step> steps, Map<Integer, Discovery.Found> clusters,
                             Map<Integer, double[]> pos, int baseline, boolean withLabels) {
        java.util.Deque<Integer> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            int node = stack.pop();
            double[] p = pos.get(node);
            ClusterWalk.Step st = steps.get(node);
            Discovery.Found f = clusters.get(node);
            if (internal(st)) {
                double[] l = pos.get(tree.left(node)), r = pos.get(tree.right(node));
                g.setColor(new Color(0x444444));
                g.setStroke(new BasicStroke(1.2f));
                g.drawLine((int) l[0], (int) p[1], (int) r[0], (int) p[1]);
                g.drawLine((int) l[0], (int) p[1], (int) l[0], (int) l[1]);
                g.drawLine((int) r[0], (int) p[1], (int) r[0], (int) r[1]);
                if (st.decision() == ClusterWalk.Decision.SPLIT) g.fillOval((int) p[0] - 3, (int) p[1] - 3, 7, 7);
                stack.push(tree.right(node));
                stack.push(tree.left(node));
                continue;
            }
            int x0 = (int) Math.round(p[2]), x1 = Math.max(x0 + 1, (int) Math.round(p[3]) - 1);
            if (f != null) {
                Color c = PALETTE[(f.id() - 1) % PALETTE.length];
                g.setColor(c);
                g.fillRect(x0, (int) p[1], x1 - x0, baseline - (int) p[1]);
                label(g, f, (x0 + x1) / 2, baseline + 8, withLabels, c);
            } else {
                g.setColor(new Color(0xc8c8c8));
                g.fillRect(x0, (int) p[1], x1 - x0, baseline - (int) p[1]);
            }
        }
    }

    private static void label(Graphics2D g, Discovery.Found f, int x, int y, boolean withLabels, Color c) {
        String s = String.format(Locale.ROOT, "#%d  n=%d  %.2f", f.id(), f.cluster().size(), f.cluster().score());
        if (withLabels && f.topLabel() != null) s += String.format(Locale.ROOT, "  %s %.0f%%", f.topLabel(), 100 * f.purity());
        AffineTransform old = g.getTransform();
        g.translate(x + 4, y);
        g.rotate(Math.PI / 2);
        g.setFont(new Font(SANS, Font.PLAIN, 11));
        g.setColor(c.darker());
        g.drawString(s, 0, 0);
        g.setTransform(old);
    }

    private static Graphics2D graphics(BufferedImage img, Color background) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(background);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        return g;
    }
}
