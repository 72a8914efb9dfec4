package org.topoomni.stimuli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several generators of one family presented as one: the categories of all parts, in order,
 * each delegated to the part that makes it (source, seed key and count included).
 */
public class CompositeGenerator implements StimulusGenerator {
    private final String family;
    private final Map<String, StimulusGenerator> byCategory = new LinkedHashMap<>();
    private final List<String> categories;

    public CompositeGenerator(String family, List<? extends StimulusGenerator> parts) {
        if (family == null || family.isBlank()) throw new IllegalArgumentException("family must not be empty");
        if (parts == null || parts.isEmpty()) throw new IllegalArgumentException("family '" + family + "' has no generators");
        this.family = family;
        for (StimulusGenerator g : parts) {
            if (!family.equals(g.family())) {
                throw new IllegalArgumentException(g.getClass().getSimpleName() + " is of family '" + g.family()
                        + "', not '" + family + "'");
            }
            for (String c : g.categories()) {
                if (byCategory.putIfAbsent(c, g) != null) {
                    throw new IllegalArgumentException("category '" + c + "' is made by two generators of family '" + family + "'");
                }
            }
        }
        categories = List.copyOf(new ArrayList<>(byCategory.keySet()));
    }

    private StimulusGenerator part(String category) {
        StimulusGenerator g = category == null ? null : byCategory.get(category);
        if (g == null) {
            throw new IllegalArgumentException("unknown " + family + " category '" + category + "'; known: "
                    + String.join(", ", categories));
        }
        return g;
    }

    @Override
    public String family() { return family; }

    @Override
    public List<String> categories() { return categories; }

    @Override
    public Stimulus generate(String category, int index, int run, long seed) {
        return part(category).generate(category, index, run, seed);
    }

    @Override
    public String source(String category) { return part(category).source(category); }

    @Override
    public String seedKey(String category) { return part(category).seedKey(category); }

    @Override
    public int count(String category, int perCategory) { return part(category).count(category, perCategory); }
}
