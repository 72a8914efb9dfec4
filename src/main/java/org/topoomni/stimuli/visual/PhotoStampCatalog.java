package org.topoomni.stimuli.visual;

import org.topoomni.stimuli.visual.ClipArtLibrary.Source;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which Tux Paint stamps (Debian's tuxpaint-stamps-default, under /usr/share/tuxpaint/stamps)
 * are photographic cut-outs of which everyday visual category. The stamps are PNGs with alpha,
 * most of them photographs; the {@code cartoon/} and {@code toys/} sub-folders, the mirrored
 * copies ({@code *_mirror}) and the drawn stamps found by looking at every candidate (a
 * hedgehog, an echidna and a whale drawing, a black-and-white bee and fly, the slug and the
 * woodlouse among the insects, a cartoon pizza, wheels, goal posts, a trophy) are left out.
 * Fish are left out of "animals" as they are in the clip art. Buildings and clothing have no
 * photographs there (the houses and hats are drawings, the shirts colouring templates).
 * SVG stamps are not read (only PNG files are scanned).
 */
final class PhotoStampCatalog {
    /** Where Debian installs the stamps. */
    static final Path DEFAULT_ROOT = Path.of("/usr/share/tuxpaint/stamps");

    private PhotoStampCatalog() {}

    /** Left out of every category: drawn sub-folders and mirrored duplicates. */
    private static final String DRAWN = "(/cartoon/|/toys/|_mirror)";

    static Map<String, List<Source>> defaults() {
        Map<String, List<Source>> m = new LinkedHashMap<>();
        String notAnimals = DRAWN + "|/(echidna|hedgehog|whale)\\.png";
        m.put("animals", List.of(Source.excluding("animals/mammals/**", notAnimals),
                Source.excluding("animals/marsupials/*", notAnimals),
                Source.excluding("animals/amphibians/*", notAnimals),
                Source.excluding("animals/lizards/*", notAnimals)));
        m.put("birds", List.of(Source.excluding("animals/birds/*", DRAWN)));
        m.put("insects", List.of(Source.excluding("animals/insects/*", DRAWN + "|/(bee|fly|brown_slug|woodlouse)\\.png")));
        m.put("food", List.of(Source.excluding("food/fruit/*", DRAWN), Source.excluding("food/vegetables/*", DRAWN),
                Source.excluding("food/nuts/*", DRAWN), Source.excluding("food/spices/*", DRAWN)));
        m.put("plants", List.of(Source.excluding("plants/*", DRAWN),
                Source.excluding("plants/trees/*", DRAWN + "|/(pinecone|rambutan)\\.png")));
        m.put("flowers", List.of(Source.excluding("plants/flowers/*", DRAWN)));
        m.put("vehicles", List.of(Source.excluding("vehicles/**", DRAWN + "|/(7spoke256|wheel_tractor)\\.png"),
                Source.excluding("military/vehicles/*", DRAWN)));
        m.put("tools", List.of(Source.excluding("household/tools/*", DRAWN),
                Source.including("household/arttools/*", "^scissors")));
        m.put("instruments", List.of(Source.excluding("hobbies/music/**", DRAWN)));
        m.put("sports", List.of(Source.excluding("sports/*", DRAWN + "|/(rugby_goal_posts|trophy_cup)\\.png")));
        return m;
    }
}
