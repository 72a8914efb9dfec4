package org.topoomni.report;

import org.topoomni.results.LocalizerSummary;
import org.topoomni.results.ScreeningSummary;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The screening target, decided in one place for the report and the demo's printout: a
 * discovery is a category that no localizer names (neither as ON nor as OFF condition of any
 * contrast of either model's localizer run) holding a cluster of at least
 * {@link Targets#DISCOVER_MIN_SIZE} items with purity at least {@link Targets#DISCOVER_PURITY}
 * and island Moran's I at least {@link Targets#DISCOVER_I} (a cluster without islands has none,
 * so it never counts). The target counts distinct such categories: two pure clusters of animals
 * are one discovery.
 *
 * @param known     the categories the localizers name (empty: no localizer run)
 * @param novel     the discovered categories, in cluster order
 * @param labelled  whether the clusters carry hidden labels at all
 * @param status    met, not met, or not measured (no labels, or no localizer to tell new from known)
 */
public record ScreeningVerdict(Set<String> known, Set<String> novel, boolean labelled, Status status) {

    public static ScreeningVerdict of(ScreeningSummary screening, Collection<LocalizerSummary> localizers) {
        Set<String> known = new LinkedHashSet<>();
        for (LocalizerSummary l : localizers) if (l != null) known.addAll(l.categories());
        Set<String> novel = new LinkedHashSet<>();
        boolean labelled = false;
        for (ScreeningSummary.Cluster c : screening.clusters()) {
            String label = bareLabel(c.topLabel());
            if (label == null) continue;
            labelled = true;
            if (!known.contains(label) && isDiscovery(c)) novel.add(label);
        }
        Status status = !labelled || known.isEmpty() ? Status.MISSING : Status.of(novel.size() >= Targets.DISCOVER_NOVEL);
        return new ScreeningVerdict(Set.copyOf(known), novel, labelled, status);
    }

    /** Whether a cluster is large, pure and contiguous enough to count (its category aside). */
    static boolean isDiscovery(ScreeningSummary.Cluster c) {
        return c.size() >= Targets.DISCOVER_MIN_SIZE && c.purity() >= Targets.DISCOVER_PURITY && c.islandMoransI() >= Targets.DISCOVER_I;
    }

    /** Whether a hidden label names a category the localizers name. */
    public boolean isKnown(String label) {
        return label != null && known.contains(bareLabel(label));
    }

    /** Whether a hidden label is one of the discoveries. */
    public boolean isNovel(String label) {
        return label != null && novel.contains(bareLabel(label));
    }

    /** A hidden label without its family ("visual/landscapes" is "landscapes"), as the localizers name categories. */
    static String bareLabel(String label) {
        return label == null ? null : label.substring(label.lastIndexOf('/') + 1);
    }
}
