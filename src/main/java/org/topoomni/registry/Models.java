package org.topoomni.registry;

import ai.djl.ndarray.NDManager;
import org.topoomni.io.LayoutJson;
import org.topoomni.model.Backbone;
import org.topoomni.model.CorticalAdaptors;
import org.topoomni.model.CorticalModel;
import org.topoomni.sheet.SheetLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a model folder as the mapping tools see it: a base model folder of any registered
 * architecture ({@link Backbones}), or a topographic model (a {@code train} output: adaptors,
 * {@code cortical.json} naming its base, and the sheet it was trained on in {@code layout.json}).
 */
public final class Models {
    private Models() {}

    /** Whether the folder is a topographic model (a {@code train} output). */
    public static boolean isTopographic(Path dir) {
        return CorticalModel.isAdaptorRun(dir);
    }

    /** The base model folder: the folder itself, or the base a topographic model was trained on. */
    public static Path baseOf(Path dir) throws IOException {
        return isTopographic(dir) ? CorticalModel.basePath(dir) : dir;
    }

    /** The folder's sheet without loading any weights: a topographic model's {@code layout.json}, else the backbone's config. */
    public static SheetLayout sheet(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException("model folder not found: " + dir);
        if (isTopographic(dir) && Files.isRegularFile(dir.resolve(CorticalModel.LAYOUT))) return LayoutJson.read(dir.resolve(CorticalModel.LAYOUT));
        return SheetLayout.of(Backbones.stacks(baseOf(dir)));
    }

    /** Opens a base model folder or a topographic model; clear errors for anything else. */
    public static CorticalModel open(NDManager manager, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException("model folder not found: " + dir);
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        if (!isTopographic(dir)) return new CorticalModel(Backbones.load(manager, dir), null, name);
        Backbone bb = Backbones.load(manager, CorticalModel.basePath(dir));
        CorticalAdaptors ad = null;
        try {
            SheetLayout sheet = Files.isRegularFile(dir.resolve(CorticalModel.LAYOUT)) ? LayoutJson.read(dir.resolve(CorticalModel.LAYOUT)) : bb.sheet();
            ad = new CorticalAdaptors(manager, bb.stacks(), 0);
            ad.load(dir.resolve(CorticalModel.ADAPTORS));
            return new CorticalModel(bb, ad, name, sheet);
        } catch (IOException | RuntimeException e) {
            if (ad != null) ad.close();
            bb.close();
            if (e instanceof IllegalArgumentException && !e.getMessage().contains(dir.toString())) {
                throw new IllegalArgumentException(dir + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }
}
