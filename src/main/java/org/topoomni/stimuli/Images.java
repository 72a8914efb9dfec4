package org.topoomni.stimuli;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reading images (PNG, JPEG, BMP through javax.imageio) into the project's one pixel format,
 * {@link BufferedImage#TYPE_INT_RGB}; transparent pixels are composited on white.
 */
public final class Images {
    private Images() {}

    /** Reads an image file; a clear {@link StimulusException} names the file if it cannot. */
    public static BufferedImage read(Path file) {
        return decode(FileBytes.read(file), file);
    }

    /** Decodes image bytes; {@code file} is only used in error messages. */
    public static BufferedImage decode(byte[] bytes, Path file) {
        if (bytes.length == 0) throw new StimulusException(file, "the image file is empty (0 bytes)");
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new StimulusException(file, "the image is truncated or corrupt and cannot be decoded ("
                    + e.getMessage() + ")", e);
        }
        if (img == null) {
            throw new StimulusException(file, "not a readable PNG, JPEG or BMP image ("
                    + bytes.length + " bytes, no decoder recognised it)");
        }
        return toRgb(img);
    }

    /** The image as TYPE_INT_RGB (a copy unless it already is); alpha is composited on white. */
    public static BufferedImage toRgb(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB) return img;
        BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.drawImage(img, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
