package org.topoomni.map;

import org.junit.jupiter.api.Test;
import org.topoomni.sheet.Modality;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.LayerStack;
import org.topoomni.sheet.Placement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RegionTest {
    /** Two vision stacks with their own names, an audio stack, a language stack. */
    static final SheetLayout SHEET = SheetLayout.of(List.of(LayerStack.uniform("vision_tower", Modality.VISION, Placement.SENSORY, 2, 64),
            LayerStack.uniform("video", Modality.VISION, Placement.SENSORY, 2, 64), LayerStack.uniform("audio_tower", Modality.AUDIO, Placement.SENSORY, 2, 64),
            LayerStack.uniform("lm", Modality.LANGUAGE, Placement.SHARED, 2, 192)));

    @Test
    void standardRegionsAreSingleInstancesAndRoundTrip() {
        assertSame(Region.VISION, Region.parse("Vision"));
        assertSame(Region.ALL, Region.parse("all"));
        assertSame(Region.AUDIO, Region.of(List.of("audio")));
        assertSame(Region.LANGUAGE, Region.of(Modality.LANGUAGE));
        assertSame(Region.VISION, Region.valueOf("VISION"));
        for (Region r : new Region[] {Region.ALL, Region.VISION, Region.of(List.of("video", "audio_tower"))}) {
            assertEquals(r, Region.parse(r.id()), r.id());
        }
        assertEquals("video+audio_tower", Region.of(List.of("video", "audio_tower")).id());
        assertEquals(Region.parse("video, audio_tower"), Region.of(List.of("video", "audio_tower")));
    }

    @Test
    void namesResolveToStacksOfTheSheet() {
        // a modality takes all its stacks, a stack name only that stack
        assertEquals(List.of("vision_tower", "video"), Region.VISION.stacks(SHEET));
        assertEquals(List.of("video"), Region.parse("video").stacks(SHEET));
        assertEquals(List.of("video", "audio_tower"), Region.of(List.of("audio_tower", "video")).stacks(SHEET));
        assertEquals(List.of("vision_tower", "video", "lm"), Region.of(List.of("lm", "vision")).stacks(SHEET));
        assertEquals(4, Region.ALL.stacks(SHEET).size());

        boolean[] video = Region.parse("video").mask(SHEET), vision = Region.VISION.mask(SHEET);
        int nVideo = 0, nVision = 0;
        for (int u = 0; u < video.length; u++) {
            if (video[u]) {
                nVideo++;
                assertEquals("video", SHEET.address(u).stack());
                assertTrue(vision[u], "the video stack is part of the vision region");
            }
            if (vision[u]) nVision++;
        }
        assertEquals(2 * 64, nVideo);
        assertEquals(4 * 64, nVision);
        assertEquals(nVideo, Region.parse("video").units(SHEET).length);
    }

    @Test
    void aNameTheSheetLacksIsOneClearError() {
        Region r = Region.parse("cortex");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.mask(SHEET));
        assertEquals("region 'cortex': 'cortex' is neither a stack of this sheet nor the modality of one; its stacks: "
                + "[vision_tower, video, audio_tower, lm] (modalities vision, audio, language)", e.getMessage());
        Contrast c = new Contrast("x", List.of("a"), List.of("b"), Region.of(List.of("video", "cortex")), Contrast.Kind.SENSORY, null);
        e = assertThrows(IllegalArgumentException.class, () -> Contrasts.checkRegions(List.of(c), SHEET));
        assertTrue(e.getMessage().startsWith("contrast 'x': region 'video+cortex': 'cortex' is neither"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Region.of(List.of("all", "video")));
        assertThrows(IllegalArgumentException.class, () -> Region.of(List.of("video", "video")));
        assertThrows(IllegalArgumentException.class, () -> Region.parse(" "));
    }

    @Test
    void contrastFilesTakeARegionAsAListAndWriteItBack() {
        List<Contrast> cs = Contrasts.parse("{\"contrasts\": [{\"name\": \"a\", \"on\": [\"x\"], \"off\": [\"y\"], \"region\": [\"vision\"]},"
                + "{\"name\": \"b\", \"on\": [\"x\"], \"off\": [\"y\"], \"region\": [\"video\", \"audio_tower\"]}]}", "c.json");
        assertSame(Region.VISION, cs.get(0).region());
        assertEquals(List.of("video", "audio_tower"), cs.get(1).region().names());
        assertEquals(cs, Contrasts.parse(Contrasts.toJson(cs), "again"));
    }
}
