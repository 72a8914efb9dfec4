package org.topoomni.report;

import org.topoomni.map.Contrast;
import org.topoomni.map.HumanReference;
import org.topoomni.map.ResponseProfiles;
import org.topoomni.plot.Draw;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.topoomni.plot.Draw.LABEL;
import static org.topoomni.plot.Draw.LABEL_BOLD;
import static org.topoomni.plot.Draw.SMALL;
import static org.topoomni.plot.Draw.SUBTITLE;
import static org.topoomni.plot.Draw.TITLE;

/**
 * Bar chart of the correlations between our response profiles and the human fROI profiles: one
 * bar per contrast (our Pearson r), the paper's value beside it where METHOD.md gives one (face
 * region vs FFA 0.88, speech region vs STG 0.69), and the paper's range over its ten categories
 * (0.61-0.89, mean 0.75) as a shaded band with a dashed mean line.
 */
public final class ProfileChart {

    private ProfileChart() {
    }

    static final int OURS_SENSORY = 0x2166ac, OURS_COGNITIVE = 0x1b7837, PAPER = 0x969696, BAND = 0xf0e6d2;

    public static BufferedImage render(List<ResponseProfiles.Profile> profiles, String title) {
        List<ResponseProfiles.Profile> ps = new ArrayList<>();
        for (ResponseProfiles.Profile p : profiles) if (p.humanRoi() != null) ps.add(p);
        int groupW = 112, left = 70, right = 30, top = 92, plotH = 360, bottom = 130;
        int width = Math.max(900, left + right + groupW * Math.max(1, ps.size()));
        int height = top + plotH + bottom;
        BufferedImage img = Draw.canvas(width, height);
        Graphics2D g = Draw.graphics(img);
        Draw.text(g, title, TITLE, 14, 24, Color.BLACK);
        Draw.text(g, "Pearson r between the model's profile (top units chosen on even runs, measured on odd runs) and the human fROI's,",
                SUBTITLE, 14, 46, new Color(0x333333));
        Draw.text(g, "over the shared localizer conditions of the human table (up to 10).", SUBTITLE, 14, 64, new Color(0x333333));

        int plotW = width - left - right;
        java.util.function.DoubleToIntFunction yOf = r -> top + (int) Math.round((1 - r) / 2 * plotH);
        // paper's ten-category band
        int y1 = yOf.applyAsInt(HumanReference.PAPER_TEN_MAX), y0 = yOf.applyAsInt(HumanReference.PAPER_TEN_MIN);
        g.setColor(new Color(BAND));
        g.fillRect(left, y1, plotW, y0 - y1);
        // grid
        g.setFont(SMALL);
        FontMetrics fm = g.getFontMetrics();
        for (int i = -4; i <= 4; i++) {
            double r = i / 4.0;
            int y = yOf.applyAsInt(r);
            g.setColor(i == 0 ? new Color(0x444444) : new Color(0xdddddd));
            g.fillRect(left, y, plotW, 1);
            g.setColor(Color.BLACK);
            String s = String.format(Locale.ROOT, "%.2f", r);
            g.drawString(s, left - 8 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
        }
        g.setColor(new Color(0x8c6d31));
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        int ym = yOf.applyAsInt(HumanReference.PAPER_TEN_MEAN);
        g.drawLine(left, ym, left + plotW, ym);
        g.setStroke(new BasicStroke(1f));
        Draw.textVertical(g, "correlation with human fROI (r)", LABEL, 20, top + plotH / 2, Color.BLACK);

        int bw = 30;
        for (int i = 0; i < ps.size(); i++) {
            ResponseProfiles.Profile p = ps.get(i);
            int gx = left + i * groupW + groupW / 2;
            double paper = p.paperR();
            boolean hasPaper = !Double.isNaN(paper);
            int xo = hasPaper ? gx - bw - 2 : gx - bw / 2;
            int colour = p.contrast().kind() == Contrast.Kind.COGNITIVE ? OURS_COGNITIVE : OURS_SENSORY;
            bar(g, xo, bw, p.pearson(), colour, yOf);
            if (hasPaper) bar(g, gx + 2, bw, paper, PAPER, yOf);
            List<String> name = wrap(g, p.contrast().name().replace('_', ' '), groupW - 8);
            int ty = top + plotH + 20;
            for (String part : name) {
                Draw.textCentered(g, part, LABEL_BOLD, gx, ty, Color.BLACK);
                ty += 16;
            }
            Draw.textCentered(g, "vs " + p.humanRoi(), SMALL, gx, ty, new Color(0x333333));
            Draw.textCentered(g, "n = " + p.nShared() + " cond.", SMALL, gx, ty + 14, new Color(0x777777));
        }
        if (ps.isEmpty()) {
            Draw.textCentered(g, "no contrast with a human fROI was run", LABEL, left + plotW / 2, top + plotH / 2 - 20, Color.BLACK);
        }
        int ly = height - 36, lx = left;
        legend(g, lx, ly, OURS_SENSORY, "ours, sensory contrast (top 1% of units)");
        legend(g, lx + 330, ly, OURS_COGNITIVE, "ours, cognitive contrast (top 10%, 2x FWHM)");
        legend(g, lx, ly + 22, PAPER, "paper (METHOD.md: FFA 0.88, speech 0.69)");
        g.setColor(new Color(BAND));
        g.fillRect(lx + 330, ly + 22 - 12, 16, 14);
        g.setColor(new Color(0x8c6d31));
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
        g.drawLine(lx + 330, ly + 22 - 5, lx + 346, ly + 22 - 5);
        g.setStroke(new BasicStroke(1f));
        Draw.text(g, String.format(Locale.ROOT, "paper, ten categories: r = %.2f-%.2f (dashed: mean %.2f)",
                HumanReference.PAPER_TEN_MIN, HumanReference.PAPER_TEN_MAX, HumanReference.PAPER_TEN_MEAN), LABEL, lx + 352, ly + 22, Color.BLACK);
        g.dispose();
        return img;
    }

    private static void bar(Graphics2D g, int x, int w, double r, int colour, java.util.function.DoubleToIntFunction yOf) {
        int y0 = yOf.applyAsInt(0);
        if (Double.isNaN(r)) {
            Draw.textCentered(g, "n/a", SMALL, x + w / 2, y0 - 4, new Color(0x777777));
            return;
        }
        int y = yOf.applyAsInt(r);
        g.setColor(new Color(colour));
        g.fillRect(x, Math.min(y, y0), w, Math.max(1, Math.abs(y0 - y)));
        g.setColor(Color.BLACK);
        g.drawRect(x, Math.min(y, y0), w, Math.max(1, Math.abs(y0 - y)));
        String s = String.format(Locale.ROOT, "%.2f", r);
        int ty = r >= 0 ? y - 4 : y + 13;
        Draw.textCentered(g, s, SMALL, x + w / 2, ty, Color.BLACK);
    }

    /** Splits a label at spaces into lines no wider than {@code max} pixels (a single long word stays whole). */
    static List<String> wrap(Graphics2D g, String label, int max) {
        g.setFont(LABEL_BOLD);
        FontMetrics fm = g.getFontMetrics();
        List<String> out = new ArrayList<>();
        String cur = "";
        for (String w : label.split(" ")) {
            String next = cur.isEmpty() ? w : cur + " " + w;
            if (!cur.isEmpty() && fm.stringWidth(next) > max) {
                out.add(cur);
                cur = w;
            } else {
                cur = next;
            }
        }
        out.add(cur);
        return out;
    }

    private static void legend(Graphics2D g, int x, int y, int colour, String label) {
        g.setColor(new Color(colour));
        g.fillRect(x, y - 12, 16, 14);
        g.setColor(Color.BLACK);
        g.drawRect(x, y - 12, 16, 14);
        Draw.text(g, label, LABEL, x + 22, y, Color.BLACK);
    }
}
