package org.topoomni.map;

import org.topoomni.io.Npy;

import org.topoomni.io.LayoutJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.SheetPresets;
import org.topoomni.sheet.SheetResponses;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ResponseFilesTest {

    @TempDir
    Path dir;

    @Test
    void responsesRoundTrip() throws Exception {
        SheetLayout l = MapFixtures.tiny();
        float[] data = new float[3 * l.units()];
        for (int i = 0; i < data.length; i++) data[i] = (float) Math.sin(i * 0.37) * 100;
        SheetResponses r = new SheetResponses(l, data, List.of(new SheetResponses.Row("img/face, \"01\".png", "faces", 1),
                new SheetResponses.Row("b", "bodies", 2), new SheetResponses.Row("c", "faces", -3)));
        ResponseFiles.write(dir, r);
        assertTrue(Files.readString(dir.resolve("stimuli.csv")).startsWith("id,category,run\n\"img/face, \"\"01\"\".png\",faces,1\n"));
        SheetResponses back = ResponseFiles.read(dir);
        assertArrayEquals(data, back.data());
        assertEquals(r.rows(), back.rows());
        assertEquals(l.rows(), back.layout().rows());
        assertEquals(l.bands(), back.layout().bands());
        Npy.Array a = Npy.read(dir.resolve("responses.npy"));
        assertArrayEquals(new int[] {3, l.units()}, a.shape());
    }

    @Test
    void layoutRoundTrips() throws Exception {
        for (SheetLayout l : new SheetLayout[] {SheetPresets.qwen25Omni3b(), MapFixtures.tiny()}) {
            LayoutJson.write(dir.resolve("layout.json"), l);
            SheetLayout back = LayoutJson.read(dir.resolve("layout.json"));
            assertEquals(l.bands(), back.bands());
            assertEquals(l.rows(), back.rows());
            assertEquals(l.cols(), back.cols());
        }
    }

    @Test
    void mismatchesAreClearErrors() throws Exception {
        SheetLayout l = MapFixtures.tiny();
        SheetResponses r = SyntheticResponses.onOff(l, 2, 2, List.of(), 1, 1);
        ResponseFiles.write(dir, r);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResponseFiles.read(dir, SheetPresets.qwen25Omni3b()));
        assertTrue(e.getMessage().endsWith("has 3072 units per stimulus but the 304 x 512 sheet has 155648"), e.getMessage());
        Files.writeString(dir.resolve("stimuli.csv"), "id,category,run\na,on,1\nb,on,x\n");
        e = assertThrows(IllegalArgumentException.class, () -> ResponseFiles.read(dir));
        assertTrue(e.getMessage().endsWith("line 3: run 'x' is not an integer"), e.getMessage());
        Files.writeString(dir.resolve("stimuli.csv"), "id,category,run\na,on,1\n");
        e = assertThrows(IllegalArgumentException.class, () -> ResponseFiles.read(dir));
        assertTrue(e.getMessage().contains("has 4 stimuli but"), e.getMessage());
        Files.writeString(dir.resolve("stimuli.csv"), "name,category,run\n");
        e = assertThrows(IllegalArgumentException.class, () -> ResponseFiles.read(dir));
        assertTrue(e.getMessage().endsWith("must start with the header id,category,run"), e.getMessage());
        Files.writeString(dir.resolve("layout.json"), "{\"rows\": 10, \"cols\": 64, \"stacks\": []}");
        e = assertThrows(IllegalArgumentException.class, () -> ResponseFiles.read(dir));
        assertTrue(e.getMessage().contains("is not a valid sheet layout"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ResponseFiles.read(dir.resolve("nope"), l));
        assertTrue(e.getMessage().startsWith("no responses folder at"), e.getMessage());
    }
}
