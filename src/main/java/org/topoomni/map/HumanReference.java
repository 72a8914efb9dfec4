package org.topoomni.map;

import org.topoomni.io.Csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Human fMRI response profiles of functional regions of interest (fROIs) to the ten localizer
 * conditions of the efficient multifunction localizer (Marvi et al. 2025; 6 subjects, mean beta
 * per fROI and condition): {@code reference/human_froi_condition_responses.csv} on the class path
 * (see reference/PROVENANCE.md).
 *
 * <p>Which human fROI a contrast is compared with ({@link #profile(String)}):
 * <ul>
 * <li>FFA, PPA, EBA, LOC, VWFA, TPJ (also "ToM"): the left-hemisphere fROI ({@code lh_ffa} ...).
 *     The paper's own code correlates with {@code lh_ffa}, {@code lh_ppa}, {@code lh_eba},
 *     {@code lh_loc}, {@code lh_vwfa} and {@code lh_tpj}; its FFA r = 0.88 is against lh_ffa, so
 *     we take the same ROIs to be comparable (the VWFA exists only in lh anyway).</li>
 * <li>speech: the single bilateral speech parcel.</li>
 * <li>language: mean over the six left-hemisphere language parcels (ifg, ifgorb, mfg, anttemp,
 *     posttemp, ag) - the language network is left-lateralized.</li>
 * <li>MD: mean over the nine left-hemisphere multiple-demand parcels (the same hemisphere as
 *     every other network here).</li>
 * <li>any {@code roi_label} of the table ({@code rh_ffa}), or several joined with '+'
 *     ({@code lh_ffa+rh_ffa}): their mean.</li>
 * </ul>
 * Profiles of several parcels are the per-condition mean of their mean betas.
 */
public final class HumanReference {

    /** The ten localizer conditions of the human table, in the order profiles list them. */
    public static final List<String> CONDITIONS = List.of("faces", "bodies", "objects", "scenes", "words_scr_objects",
            "quilted_speech", "nonwords", "false_belief", "false_photo", "math");

    /** Paper: face region vs human FFA. */
    public static final double PAPER_FFA_R = 0.88;
    /** Paper: speech region vs STG (the speech parcel). */
    public static final double PAPER_SPEECH_R = 0.69;
    /** Paper: range and mean of r over the ten categories. */
    public static final double PAPER_TEN_MIN = 0.61, PAPER_TEN_MAX = 0.89, PAPER_TEN_MEAN = 0.75;

    private static final String RESOURCE = "/reference/human_froi_condition_responses.csv";

    /** One row group of the table: a fROI with its category and its ten mean betas. */
    public record Roi(String label, String parcelCategory, String parcelName, String hemisphere, double[] betas) {}

    private final Map<String, Roi> rois; // by roi_label, in file order
    private final String source;

    private HumanReference(Map<String, Roi> rois, String source) {
        this.rois = rois;
        this.source = source;
    }

    private static HumanReference defaults;

    /** The table shipped on the class path. */
    public static synchronized HumanReference load() {
        if (defaults == null) {
            try (InputStream in = HumanReference.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("the human reference table " + RESOURCE + " is missing from the class path");
                defaults = parse(in, RESOURCE);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
            }
        }
        return defaults;
    }

    /** A table in the same format from a file. */
    public static HumanReference read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no human reference table at " + file);
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        }
    }

    static HumanReference parse(InputStream in, String source) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String headerLine = r.readLine();
        if (headerLine == null) throw new IllegalArgumentException(source + " is empty");
        List<String> header = Csv.split(headerLine);
        int iLabel = col(header, "roi_label", source), iCond = col(header, "condition", source),
                iCat = col(header, "parcel_category", source), iName = col(header, "parcel_name", source),
                iHemi = col(header, "hemisphere", source), iBeta = col(header, "mean_beta_mean", source);
        Map<String, Roi> rois = new LinkedHashMap<>();
        String line;
        int lineNo = 1;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) continue;
            List<String> f = Csv.split(line);
            if (f.size() != header.size()) throw new IllegalArgumentException(source + " line " + lineNo + ": " + f.size() + " fields, expected " + header.size());
            int c = CONDITIONS.indexOf(f.get(iCond));
            if (c < 0) throw new IllegalArgumentException(source + " line " + lineNo + ": unknown condition '" + f.get(iCond) + "'");
            String label = f.get(iLabel);
            Roi roi = rois.computeIfAbsent(label, l -> {
                double[] b = new double[CONDITIONS.size()];
                java.util.Arrays.fill(b, Double.NaN);
                return new Roi(l, f.get(iCat), f.get(iName), f.get(iHemi), b);
            });
            try {
                roi.betas()[c] = Double.parseDouble(f.get(iBeta));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + " line " + lineNo + ": mean_beta_mean '" + f.get(iBeta) + "' is not a number");
            }
        }
        for (Roi roi : rois.values()) {
            for (int c = 0; c < CONDITIONS.size(); c++) {
                if (Double.isNaN(roi.betas()[c])) throw new IllegalArgumentException(source + ": fROI " + roi.label() + " has no value for " + CONDITIONS.get(c));
            }
        }
        if (rois.isEmpty()) throw new IllegalArgumentException(source + " holds no fROI rows");
        return new HumanReference(rois, source);
    }

    private static int col(List<String> header, String name, String source) {
        int i = header.indexOf(name);
        if (i < 0) throw new IllegalArgumentException(source + " has no column '" + name + "'");
        return i;
    }

    /** All roi_labels of the table, in file order. */
    public List<String> roiLabels() {
        return List.copyOf(rois.keySet());
    }

    public Roi roi(String label) {
        Roi r = rois.get(label);
        if (r == null) throw new IllegalArgumentException("no fROI '" + label + "' in " + source + "; fROIs: " + rois.keySet());
        return r;
    }

    private static final Map<String, String> SINGLE = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        SINGLE.put("FFA", "lh_ffa");
        SINGLE.put("PPA", "lh_ppa");
        SINGLE.put("EBA", "lh_eba");
        SINGLE.put("LOC", "lh_loc");
        SINGLE.put("VWFA", "lh_vwfa");
        SINGLE.put("TPJ", "lh_tpj");
        SINGLE.put("ToM", "lh_tpj");
        SINGLE.put("speech", "speech");
    }

    /** The known fROI names (besides raw roi_labels). */
    public static List<String> roiNames() {
        List<String> out = new ArrayList<>(List.of("FFA", "PPA", "EBA", "LOC", "VWFA", "TPJ", "ToM", "speech", "language", "MD"));
        return out;
    }

    /** Throws when {@code name} is neither a known fROI name nor a (+-joined) roi_label of the shipped table. */
    public static void checkRoiName(String name) {
        load().labelsOf(name);
    }

    /** The roi_labels a fROI name stands for (see the class comment). */
    public List<String> labelsOf(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("human fROI name is empty");
        String n = name.trim();
        String single = SINGLE.get(n);
        if (single != null) return List.of(single);
        String lower = n.toLowerCase(Locale.ROOT);
        if (lower.equals("language") || lower.equals("md")) {
            String cat = lower;
            List<String> out = new ArrayList<>();
            for (Roi r : rois.values()) if (r.parcelCategory().equals(cat) && r.hemisphere().equals("lh")) out.add(r.label());
            if (out.isEmpty()) throw new IllegalArgumentException(source + " has no left-hemisphere " + cat + " parcels");
            return out;
        }
        List<String> out = new ArrayList<>();
        for (String part : n.split("\\+")) {
            String p = part.trim();
            if (!rois.containsKey(p)) {
                throw new IllegalArgumentException("unknown human fROI '" + name + "'; use one of " + roiNames()
                        + " or roi_labels of the table joined with '+' (" + rois.keySet() + ")");
            }
            out.add(p);
        }
        return out;
    }

    /** The fROI's mean beta per condition, in {@link #CONDITIONS} order. */
    public double[] profile(String name) {
        List<String> labels = labelsOf(name);
        double[] out = new double[CONDITIONS.size()];
        for (String l : labels) {
            double[] b = rois.get(l).betas();
            for (int c = 0; c < out.length; c++) out[c] += b[c];
        }
        for (int c = 0; c < out.length; c++) out[c] /= labels.size();
        return out;
    }

    /** The paper's reported r for this fROI, or NaN where METHOD.md gives none. */
    public static double paperR(String roiName) {
        if (roiName == null) return Double.NaN;
        if (roiName.equalsIgnoreCase("FFA")) return PAPER_FFA_R;
        if (roiName.equalsIgnoreCase("speech")) return PAPER_SPEECH_R;
        return Double.NaN;
    }

    /**
     * Our stimulus categories standing for each human condition. A condition's model response is
     * the mean of the per-category means of its categories (each category weighted equally):
     * <ul>
     * <li>faces, bodies, objects, scenes, quilted_speech, nonwords, false_belief, false_photo: the
     *     category of the same name.</li>
     * <li>words_scr_objects: {@code words}. In the human localizer this block shows written words
     *     over scrambled objects and is the "words" condition: the VWFA is defined by
     *     words_scr_objects &gt; objects and responds most to it. Our words and scrambled_objects are
     *     separate categories, and the scrambled background is only the carrier, so the word
     *     category stands for it.</li>
     * <li>math: {@code arithmetic_hard} and {@code arithmetic_easy} (the human block is mental
     *     arithmetic at mixed difficulty).</li>
     * <li>fLoc's own category folders stand for the same conditions (the human table's visual
     *     conditions are fLoc's domains): faces also {@code adult}, {@code child}; bodies also
     *     {@code body}, {@code limb}; objects also {@code car}, {@code instrument}; scenes also
     *     {@code corridor}, {@code house}; words_scr_objects also {@code word}. fLoc's
     *     {@code number} and {@code scrambled} have no human condition. Only the categories present
     *     count, so a library and an fLoc folder are both profiled.</li>
     * </ul>
     */
    public static Map<String, List<String>> defaultConditionMapping() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String c : CONDITIONS) m.put(c, List.of(c));
        m.put("faces", List.of("faces", "adult", "child"));
        m.put("bodies", List.of("bodies", "body", "limb"));
        m.put("objects", List.of("objects", "car", "instrument"));
        m.put("scenes", List.of("scenes", "corridor", "house"));
        m.put("words_scr_objects", List.of("words", "word"));
        m.put("math", List.of("arithmetic_hard", "arithmetic_easy"));
        return m;
    }
}
