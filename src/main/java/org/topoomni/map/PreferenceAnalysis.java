package org.topoomni.map;

import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.SheetResponses;
import org.topoomni.stats.AnovaResult;
import org.topoomni.stats.Anova;
import org.topoomni.stats.FDR;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps of the preferred condition (METHOD.md section 4): retinotopy (polar angle from wedges,
 * eccentricity from rings) and tonotopy (best frequency from pure tones). Each stimulus's sheet
 * map is smoothed as for the contrasts; a one-way ANOVA across the conditions tests every unit;
 * Benjamini-Hochberg FDR over the whole sheet; a unit is significant when q &lt; threshold and it
 * lies in the design's region (vision for retinotopy, audio for tonotopy); the map shows, for each
 * significant unit, the condition with the largest mean response.
 *
 * <p>Categories: {@code wedge_<degrees>} (e.g. wedge_000 ... wedge_315), {@code ring_<index>}
 * (ring_0 innermost ... ring_5), {@code tone_<frequency>hz} (e.g. tone_0250hz), ordered by their
 * number.
 */
public final class PreferenceAnalysis {

    private PreferenceAnalysis() {
    }

    /** One condition of a design: its category, a label for legends and its value (degrees, ring, Hz). */
    public record Condition(String category, String label, double value) {}

    /** How the condition values are ordered: around a circle (polar angle) or along a line. */
    public enum Scale {
        CYCLIC, ORDERED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * An ANOVA design.
     *
     * @param name       folder name, e.g. retinotopy_angle
     * @param title      figure title
     * @param quantity   what the preferred condition measures, e.g. "preferred polar angle"
     * @param conditions the conditions, ordered by value (at least 2)
     * @param region     where significant units are read
     * @param scale      cyclic (angle) or ordered (eccentricity, frequency)
     */
    public record Design(String name, String title, String quantity, List<Condition> conditions, Region region, Scale scale) {
        public Design {
            if (conditions == null || conditions.size() < 2) {
                throw new IllegalArgumentException("design '" + name + "' needs at least 2 conditions, got "
                        + (conditions == null ? 0 : conditions.size()));
            }
            conditions = List.copyOf(conditions);
        }

        public List<String> categories() {
            return conditions.stream().map(Condition::category).toList();
        }

        public List<String> labels() {
            return conditions.stream().map(Condition::label).toList();
        }
    }

    private static final Pattern WEDGE = Pattern.compile("wedge_(\\d+)");
    private static final Pattern RING = Pattern.compile("ring_(\\d+)");
    private static final Pattern TONE = Pattern.compile("tone_(\\d+)hz");

    /** Polar-angle design from the wedge_* categories present, if at least two. */
    public static Optional<Design> retinotopyAngle(Collection<String> categories) {
        List<Condition> c = find(categories, WEDGE, v -> String.format(Locale.ROOT, "%.0f°", v));
        return c.size() < 2 ? Optional.empty() : Optional.of(new Design("retinotopy_angle",
                "Retinotopy: preferred polar angle (one-way ANOVA over wedges)", "preferred polar angle", c, Region.VISION, Scale.CYCLIC));
    }

    /** Eccentricity design from the ring_* categories present, if at least two. */
    public static Optional<Design> retinotopyEccentricity(Collection<String> categories) {
        List<Condition> c = find(categories, RING, v -> String.format(Locale.ROOT, "ring %.0f", v));
        return c.size() < 2 ? Optional.empty() : Optional.of(new Design("retinotopy_eccentricity",
                "Retinotopy: preferred eccentricity (one-way ANOVA over rings)", "preferred eccentricity (ring, 0 = central)", c,
                Region.VISION, Scale.ORDERED));
    }

    /** Tonotopy design from the tone_*hz categories present, if at least two. */
    public static Optional<Design> tonotopy(Collection<String> categories) {
        List<Condition> c = find(categories, TONE, v -> v >= 1000
                ? new java.math.BigDecimal(v / 1000).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString() + " kHz"
                : String.format(Locale.ROOT, "%.0f Hz", v));
        return c.size() < 2 ? Optional.empty() : Optional.of(new Design("tonotopy",
                "Tonotopy: preferred frequency (one-way ANOVA over tones)", "preferred frequency", c, Region.AUDIO, Scale.ORDERED));
    }

    /** Every standard design whose categories are present. */
    public static List<Design> standard(Collection<String> categories) {
        List<Design> out = new ArrayList<>();
        retinotopyAngle(categories).ifPresent(out::add);
        retinotopyEccentricity(categories).ifPresent(out::add);
        tonotopy(categories).ifPresent(out::add);
        return out;
    }

    private static List<Condition> find(Collection<String> categories, Pattern p, java.util.function.DoubleFunction<String> label) {
        List<Condition> out = new ArrayList<>();
        for (String c : categories) {
            Matcher m = p.matcher(c);
            if (m.matches()) {
                double v = Double.parseDouble(m.group(1));
                out.add(new Condition(c, label.apply(v), v));
            }
        }
        out.sort(Comparator.comparingDouble(Condition::value));
        return out;
    }

    /** Runs a design on raw responses (its stimuli are smoothed at {@code settings.fwhmFor}). */
    public static PreferenceMap run(SheetResponses raw, Design design, SelectivityAnalysis.Settings settings) {
        int[][] g = groups(raw, design, null);
        int n = 0;
        for (int[] x : g) n += x.length;
        int[] rows = new int[n];
        int[][] local = new int[g.length][];
        for (int i = 0, k = 0; i < g.length; i++) {
            local[i] = new int[g[i].length];
            for (int j = 0; j < g[i].length; j++) {
                rows[k] = g[i][j];
                local[i][j] = k++;
            }
        }
        SmoothedResponses sm = SmoothedResponses.ofRows(raw, rows, settings.fwhmFor(raw.layout()));
        return test(sm, design, settings, local);
    }

    /** Runs a design on already smoothed responses, using the stimuli whose run passes {@code runs} (null: all). */
    public static PreferenceMap run(SmoothedResponses smoothed, Design design, SelectivityAnalysis.Settings settings, IntPredicate runs) {
        return test(smoothed, design, settings, groups(smoothed.responses(), design, runs));
    }

    private static int[][] groups(SheetResponses r, Design d, IntPredicate runs) {
        if (r == null) throw new IllegalArgumentException("responses are missing (null)");
        List<String> present = r.categories();
        int[][] g = new int[d.conditions().size()][];
        int total = 0;
        for (int i = 0; i < g.length; i++) {
            String c = d.conditions().get(i).category();
            if (!present.contains(c)) throw new IllegalArgumentException("design '" + d.name() + "' uses unknown category '" + c + "'; the stimuli have " + present);
            g[i] = r.rowsOf(List.of(c), runs);
            if (g[i].length == 0) throw new IllegalArgumentException("design '" + d.name() + "': condition '" + c + "' has no stimuli in the runs used");
            total += g[i].length;
        }
        if (total <= g.length) {
            throw new IllegalArgumentException("design '" + d.name() + "': " + total + " stimuli for " + g.length
                    + " conditions; the ANOVA needs more stimuli than conditions (some condition needs 2 or more)");
        }
        return g;
    }

    private static PreferenceMap test(SmoothedResponses sm, Design d, SelectivityAnalysis.Settings s, int[][] groups) {
        SheetResponses r = sm.responses();
        SheetLayout layout = r.layout();
        AnovaResult a = Anova.oneWay(r.data(), r.units(), groups);
        double[] q = FDR.benjaminiHochberg(a.p());
        boolean[] region = d.region().mask(layout);
        boolean[] mask = new boolean[q.length];
        int[] best = a.preferredGroup();
        int[] preferred = new int[q.length];
        int[] counts = new int[groups.length];
        for (int u = 0; u < q.length; u++) {
            mask[u] = region[u] && q[u] < s.q();
            preferred[u] = mask[u] ? best[u] : -1;
            if (mask[u]) counts[best[u]]++;
        }
        int[] sizes = new int[groups.length];
        for (int i = 0; i < sizes.length; i++) sizes[i] = groups[i].length;
        return new PreferenceMap(d, layout, sm.fwhm(), s.q(), a.f(), q, mask, preferred, counts, sizes);
    }
}
