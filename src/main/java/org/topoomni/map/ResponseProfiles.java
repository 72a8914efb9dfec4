package org.topoomni.map;

import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.SheetResponses;
import org.topoomni.stats.WelchResult;
import org.topoomni.stats.WelchT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Cross-validated response profiles of the units a contrast selects, and their correlation with
 * human fROI profiles (METHOD.md section 4).
 *
 * <p>Runs are split by parity. On the <b>even</b> runs the contrast's Welch t map is computed
 * (after smoothing) and the top k% of the units of the contrast's region are taken
 * ({@code floor(k/100 * region units)}, at least 1): k = 1% for sensory contrasts at the base
 * FWHM, k = 10% at twice the base FWHM for cognitive ones. On the <b>odd</b> runs, smoothed at
 * the same FWHM, the response of those units to every stimulus is averaged over the units, and
 * then over the stimuli of each category: the profile over all localizer categories present.
 * Selection and measurement never share a stimulus.
 *
 * <p>The profile is then mapped onto the ten conditions of the human table
 * ({@link HumanReference#defaultConditionMapping()}: a condition's value is the mean of the
 * per-category values of its categories, and a condition none of whose categories has odd-run
 * stimuli is left out) and correlated (Pearson r, also Spearman rho) with the human fROI's
 * profile over the conditions both have (at least 3).
 */
public final class ResponseProfiles {

    /**
     * Selection settings.
     *
     * @param sensoryPercent      top k% for sensory contrasts
     * @param cognitivePercent    top k% for cognitive contrasts
     * @param cognitiveFwhmFactor FWHM multiplier for cognitive contrasts
     */
    public record Settings(double sensoryPercent, double cognitivePercent, double cognitiveFwhmFactor) {
        public Settings {
            checkPercent(sensoryPercent);
            checkPercent(cognitivePercent);
            if (!(cognitiveFwhmFactor > 0) || Double.isInfinite(cognitiveFwhmFactor)) {
                throw new IllegalArgumentException("cognitive FWHM factor must be a positive number, got " + cognitiveFwhmFactor);
            }
        }

        private static void checkPercent(double k) {
            if (!(k > 0 && k <= 100)) throw new IllegalArgumentException("top-k percentage must be in (0, 100], got " + k);
        }

        /** The paper's: top 1% sensory, top 10% at twice the FWHM cognitive. */
        public static Settings defaults() {
            return new Settings(1, 10, 2);
        }
    }

    /**
     * A contrast's response profile.
     *
     * @param contrast        the contrast
     * @param kPercent        top k% selected
     * @param fwhm            smoothing FWHM used for selection and measurement
     * @param selected        the selected units (descending even-run t)
     * @param categories      every category with odd-run stimuli, in first-seen order
     * @param response        mean response of the selected units per category (odd runs)
     * @param nStimuli        odd-run stimuli per category
     * @param humanRoi        the human fROI compared with (null: none)
     * @param model10         our value for each of the ten human conditions (NaN: not measured)
     * @param human10         the human fROI's ten values (null without fROI)
     * @param pearson         Pearson r over the shared conditions (NaN if fewer than 3 or none)
     * @param spearman        Spearman rho over the shared conditions
     * @param nShared         number of shared conditions
     */
    public record Profile(Contrast contrast, double kPercent, double fwhm, int[] selected, List<String> categories,
                          double[] response, int[] nStimuli, String humanRoi, double[] model10, double[] human10,
                          double pearson, double spearman, int nShared) {

        /** The response to one category (NaN when it had no odd-run stimuli). */
        public double response(String category) {
            int i = categories.indexOf(category);
            return i < 0 ? Double.NaN : response[i];
        }

        /** The paper's r for this fROI (NaN where METHOD.md gives none). */
        public double paperR() {
            return HumanReference.paperR(humanRoi);
        }
    }

    private final SheetResponses raw;
    private final SelectivityAnalysis.Settings base;
    private final Settings settings;
    private final HumanReference human;
    private final Map<String, List<String>> mapping;
    private final Map<Double, SmoothedResponses> cache = new HashMap<>();

    /** Profiles with the paper's settings, the shipped human table and the default mapping. */
    public ResponseProfiles(SheetResponses raw, SelectivityAnalysis.Settings base) {
        this(raw, base, Settings.defaults(), HumanReference.load(), HumanReference.defaultConditionMapping());
    }

    public ResponseProfiles(SheetResponses raw, SelectivityAnalysis.Settings base, Settings settings,
                            HumanReference human, Map<String, List<String>> mapping) {
        if (raw == null) throw new IllegalArgumentException("responses are missing (null)");
        if (base == null || settings == null) throw new IllegalArgumentException("settings are missing (null)");
        if (mapping == null) throw new IllegalArgumentException("condition mapping is missing (null)");
        for (String c : mapping.keySet()) {
            if (!HumanReference.CONDITIONS.contains(c)) {
                throw new IllegalArgumentException("condition mapping names '" + c + "', which is not a human condition " + HumanReference.CONDITIONS);
            }
        }
        this.raw = raw;
        this.base = base;
        this.settings = settings;
        this.human = human;
        this.mapping = new LinkedHashMap<>(mapping);
        boolean even = false, odd = false;
        for (SheetResponses.Row r : raw.rows()) {
            if (isEven(r.run())) even = true;
            else odd = true;
        }
        if (!even || !odd) {
            throw new IllegalArgumentException("response profiles need stimuli in both even and odd runs (selection on even, "
                    + "measurement on odd); the runs present are " + SelectivityAnalysis.runsOf(raw));
        }
    }

    public static boolean isEven(int run) {
        return Math.floorMod(run, 2) == 0;
    }

    public static final IntPredicate EVEN = ResponseProfiles::isEven;
    public static final IntPredicate ODD = r -> !isEven(r);

    /** The FWHM a contrast's profile uses. */
    public double fwhmFor(Contrast c) {
        double f = base.fwhmFor(raw.layout());
        return c.kind() == Contrast.Kind.COGNITIVE ? f * settings.cognitiveFwhmFactor() : f;
    }

    /** The top-k percentage a contrast's profile uses. */
    public double percentFor(Contrast c) {
        return c.kind() == Contrast.Kind.COGNITIVE ? settings.cognitivePercent() : settings.sensoryPercent();
    }

    /**
     * Reuses responses already smoothed at some FWHM (e.g. by the contrasts of the same run)
     * instead of smoothing them again; they must be the smoothed copy of this object's responses.
     */
    public void reuse(SmoothedResponses sm) {
        if (sm == null) throw new IllegalArgumentException("smoothed responses are missing (null)");
        if (sm.responses().layout() != raw.layout() || !sm.responses().rows().equals(raw.rows())) {
            throw new IllegalArgumentException("the smoothed responses are not those of this profile analysis (other stimuli or sheet)");
        }
        cache.put(sm.fwhm(), sm);
    }

    private SmoothedResponses smoothed(double fwhm) {
        return cache.computeIfAbsent(fwhm, f -> SmoothedResponses.of(raw, f));
    }

    /** The profile of one contrast. */
    public Profile profile(Contrast contrast) {
        double fwhm = fwhmFor(contrast);
        double k = percentFor(contrast);
        SmoothedResponses sm = smoothed(fwhm);
        SheetResponses r = sm.responses();
        SheetLayout layout = r.layout();

        int[][] g = SelectivityAnalysis.groups(r, contrast, EVEN);
        WelchResult w = WelchT.welch(r.data(), r.units(), g[0], g[1]);
        int[] selected = topUnits(w.t(), contrast.region().units(layout), k);

        List<String> cats = new ArrayList<>();
        for (SheetResponses.Row row : r.rows()) if (ODD.test(row.run()) && !cats.contains(row.category())) cats.add(row.category());
        double[] sum = new double[cats.size()];
        int[] n = new int[cats.size()];
        int units = r.units();
        float[] data = r.data();
        for (int s = 0; s < r.stimuli(); s++) {
            SheetResponses.Row row = r.rows().get(s);
            if (!ODD.test(row.run())) continue;
            double acc = 0;
            int base0 = s * units;
            for (int u : selected) acc += data[base0 + u];
            int c = cats.indexOf(row.category());
            sum[c] += acc / selected.length;
            n[c]++;
        }
        double[] response = new double[cats.size()];
        for (int c = 0; c < response.length; c++) response[c] = sum[c] / n[c];

        double[] model10 = new double[HumanReference.CONDITIONS.size()];
        for (int i = 0; i < model10.length; i++) {
            List<String> ours = mapping.getOrDefault(HumanReference.CONDITIONS.get(i), List.of());
            double acc = 0;
            int m = 0;
            for (String cat : ours) {
                int j = cats.indexOf(cat);
                if (j >= 0) {
                    acc += response[j];
                    m++;
                }
            }
            model10[i] = m == 0 ? Double.NaN : acc / m;
        }
        double[] human10 = null;
        double pearson = Double.NaN, spearman = Double.NaN;
        int shared = 0;
        if (contrast.humanRoi() != null) {
            if (human == null) throw new IllegalArgumentException("no human reference table given for fROI '" + contrast.humanRoi() + "'");
            human10 = human.profile(contrast.humanRoi());
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < model10.length; i++) if (Double.isFinite(model10[i])) idx.add(i);
            shared = idx.size();
            if (shared >= 3) {
                double[] a = new double[shared], b = new double[shared];
                for (int i = 0; i < shared; i++) {
                    a[i] = model10[idx.get(i)];
                    b[i] = human10[idx.get(i)];
                }
                pearson = Correlation.pearson(a, b);
                spearman = Correlation.spearman(a, b);
            }
        }
        return new Profile(contrast, k, fwhm, selected, List.copyOf(cats), response, n, contrast.humanRoi(), model10, human10,
                pearson, spearman, shared);
    }

    /** Profiles of several contrasts (smoothing shared between contrasts of the same FWHM). */
    public List<Profile> profiles(List<Contrast> contrasts) {
        List<Profile> out = new ArrayList<>();
        for (Contrast c : contrasts) out.add(profile(c));
        return out;
    }

    /**
     * The top {@code percent}% of {@code candidates} by t (NaN last; ties by unit index):
     * {@code max(1, floor(percent / 100 * candidates))} units, in descending t.
     */
    public static int[] topUnits(double[] t, int[] candidates, double percent) {
        if (candidates.length == 0) throw new IllegalArgumentException("the region holds no units to select from");
        int n = Math.max(1, (int) Math.floor(percent / 100.0 * candidates.length + 1e-9));
        Integer[] idx = new Integer[candidates.length];
        for (int i = 0; i < idx.length; i++) idx[i] = candidates[i];
        Arrays.sort(idx, (a, b) -> {
            double ta = t[a], tb = t[b];
            boolean na = Double.isNaN(ta), nb = Double.isNaN(tb);
            if (na != nb) return na ? 1 : -1;
            int c = na ? 0 : Double.compare(tb, ta);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = idx[i];
        return out;
    }
}
