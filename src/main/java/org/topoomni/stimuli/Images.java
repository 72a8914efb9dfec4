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

    /**
     * The image scaled to {@code size} x {@code size} RGB: halved (bilinear) while it is at least
     * twice the size, so that a large image is averaged over its area rather than sampled, then
     * scaled bilinearly to the size (up or down). What the models' processors feed their vision
     * towers.
     */
    public static BufferedImage square(BufferedImage img, int size) {
        if (img == null) throw new IllegalArgumentException("no image");
        BufferedImage src = img;
        while (src.getWidth() >= 2 * size && src.getHeight() >= 2 * size) src = scaleBilinear(src, src.getWidth() / 2, src.getHeight() / 2);
        return scaleBilinear(src, size, size);
    }

    private static BufferedImage scaleBilinear(BufferedImage src, int w, int h) {
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = dst.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return dst;
    }
}
