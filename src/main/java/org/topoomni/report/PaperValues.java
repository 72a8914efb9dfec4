package org.topoomni.report;

import org.topoomni.map.HumanReference;

/**
 * The published numbers that our results are set against: the Topo-Omni paper's and the human
 * brain's. Every report and table takes them from here, each with the source it comes from.
 *
 * <p>The paper: "Discovering Functionally Selective Brain Regions with a Deep Topographic
 * Multimodal Model" (AlKhamissi et al., arXiv 2606.09770, 2026), as summarised in
 * shared/METHOD.md. The reference files: shared/reference (see its PROVENANCE.md), shipped on the
 * class path under {@code /reference/}.
 *
 * <p>The response-profile values live in {@link HumanReference} (the map package writes them into
 * profiles.csv and cannot see this class); they are re-exported here so that a report reads every
 * published number from one class.
 */
public final class PaperValues {

    private PaperValues() {
    }

    // ---- island Moran's I of the voice contrast (METHOD.md section 5) ------------------------------

    /**
     * Where the island Moran's I values come from: the paper's model values
     * ({@code fMRI/Pernet_2015/data/fig_b3b_model_island_morans_i.json}) and the human values
     * ({@code fMRI/Pernet_2015/tests/fixtures/island_morans_i_results.golden.json}) of the reference
     * repository epflneuroailab/topo-omni, copied to reference/island_morans_i_human_voice.json.
     */
    public static final String ISLAND_SOURCE = "paper Fig. B3b and its reference code (reference/island_morans_i_human_voice.json; METHOD.md section 5)";

    /** Topo-Omni (paper), voice contrast: mean island Moran's I and number of islands. */
    public static final double VOICE_TOPO_I = 0.5938924589442801;
    public static final int VOICE_TOPO_ISLANDS = 29;
    /** The paper's non-topographic control (SFT-Omni), voice contrast. */
    public static final double VOICE_CONTROL_I = 0.12599509990429125;
    public static final int VOICE_CONTROL_ISLANDS = 120;

    /** Where the human values come from. */
    public static final String HUMAN_SOURCE = "Pernet et al. 2015 voice localizer, 218 subjects, FDR q < .05, islands >= 8 vertices, 999 permutations "
            + "(reference/island_morans_i_human_voice.json)";
    /** Human brain, voice localizer: left and right hemisphere. */
    public static final double HUMAN_LH_I = 0.5979208387777447;
    public static final int HUMAN_LH_ISLANDS = 2;
    public static final double HUMAN_RH_I = 0.46507761069004666;
    public static final int HUMAN_RH_ISLANDS = 6;

    // ---- response profiles vs human fROIs (METHOD.md section 4) ------------------------------------

    /** Where the profile correlations come from. */
    public static final String PROFILE_SOURCE = "paper, METHOD.md section 4; human fROI profiles: reference/human_froi_condition_responses.csv "
            + "(6 subjects, epflneuroailab/topo-omni)";
    /** Face region vs human FFA. */
    public static final double FFA_R = HumanReference.PAPER_FFA_R;
    /** Speech region vs STG (the speech parcel). */
    public static final double SPEECH_R = HumanReference.PAPER_SPEECH_R;
    /** Range and mean of r over the paper's ten categories. */
    public static final double TEN_MIN_R = HumanReference.PAPER_TEN_MIN, TEN_MAX_R = HumanReference.PAPER_TEN_MAX,
            TEN_MEAN_R = HumanReference.PAPER_TEN_MEAN;

    // ---- perturbation and screening (METHOD.md sections 6 and 7): the paper states these in words --------

    /** Where the perturbation and screening results come from. */
    public static final String EFFECTS_SOURCE = "the paper as METHOD.md sections 6 (perturbation) and 7 (screening) summarise it";
    /** Driving the face region. */
    public static final String DRIVE = "near-ceiling \"face\" reports at 15% coverage";
    /** Suppressing the top 10% face units. */
    public static final String SUPPRESS = "face identification drops to near zero (top 10% of face units)";
    /** Clusters the paper's screening found. */
    public static final int SCREENING_CLUSTERS = 54;
    /** The new categories it found regions for. */
    public static final String SCREENING_NEW = "animals and natural landscapes";
    /** What the paper gives where it reports no number for a claim. */
    public static final String NOT_REPORTED = "no number reported";

    /** The paper's island numbers in a few words, as a checklist shows them beside a contrast ("voice" or another). */
    public static String islandsBrief(boolean voice) {
        return String.format(java.util.Locale.ROOT, "%sisland Moran's I %.2f (%d islands) vs control %.2f (%d)%s", voice ? "" : "voice contrast only: ",
                VOICE_TOPO_I, VOICE_TOPO_ISLANDS, VOICE_CONTROL_I, VOICE_CONTROL_ISLANDS,
                voice ? String.format(java.util.Locale.ROOT, "; human brain %.2f / %.2f", HUMAN_LH_I, HUMAN_RH_I) : "");
    }

    /** One line: the paper's and the human brain's island Moran's I of the voice contrast. */
    public static String voiceIslandsLine() {
        return String.format(java.util.Locale.ROOT,
                "Paper (voice): Topo-Omni %.3f with %d islands vs control %.3f with %d islands; human brain %.3f (lh) / %.3f (rh).",
                VOICE_TOPO_I, VOICE_TOPO_ISLANDS, VOICE_CONTROL_I, VOICE_CONTROL_ISLANDS, HUMAN_LH_I, HUMAN_RH_I);
    }
}
