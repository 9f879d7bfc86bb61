package dev.biasinspector.export;

import org.jfree.chart.JFreeChart;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Renders a chart to an image and writes it as PNG, from any thread. JFreeChart objects are not
 * thread-safe, so a chart shown in a window must not be drawn here while the EDT paints it: the
 * desktop app passes a copy ({@link BiasChartFactory#copyOf}).
 */
public final class ChartExporter {

    /** Largest side in pixels after scaling; bigger requests are a typo, not a wish for 4 GB of RAM. */
    public static final int MAX_SIDE = 16_000;

    private ChartExporter() {
    }

    /**
     * Draws {@code chart} laid out at {@code width} x {@code height} and scaled by {@code scale}
     * (2 for a high-DPI image with the same layout): the image is {@code width*scale} pixels wide.
     */
    public static BufferedImage render(JFreeChart chart, int width, int height, double scale) {
        checkSize(width, height, scale);
        int pixelWidth = (int) Math.round(width * scale);
        int pixelHeight = (int) Math.round(height * scale);
        BufferedImage image = new BufferedImage(pixelWidth, pixelHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.scale(scale, scale);
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        return image;
    }

    /** Renders and writes in one call; see {@link #render} and {@link #writePng(BufferedImage, Path)}. */
    public static void writePng(JFreeChart chart, Path target, int width, int height, double scale)
            throws IOException {
        writePng(render(chart, width, height, scale), target);
    }

    /**
     * Writes {@code image} as PNG to {@code target}, replacing it atomically (see {@link AtomicFiles}):
     * a reader never sees half a PNG. Safe to call from any thread.
     */
    public static void writePng(BufferedImage image, Path target) throws IOException {
        // Encoded first: ImageIO hides a failed write behind "I/O error writing PNG file!", and the
        // user needs the real reason (a full disk, a device that refuses bytes).
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        writePng(image, png);
        AtomicFiles.write(target, png::writeTo);
    }

    /** Writes {@code image} as PNG to a stream, e.g. standard output for {@code export -o -}. */
    public static void writePng(BufferedImage image, java.io.OutputStream out) throws IOException {
        // A memory cache, not ImageIO's default temporary file: no file in the temp folder per
        // export (the PNG is a few hundred KB at most), and closing it leaves {@code out} open.
        try (ImageOutputStream cached = new MemoryCacheImageOutputStream(out)) {
            if (!ImageIO.write(image, "png", cached)) {
                throw new IOException("no PNG writer available in this Java runtime");
            }
        }
        out.flush();
    }

    private static void checkSize(int width, int height, double scale) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (!(scale > 0) || scale > 8) {
            throw new IllegalArgumentException("scale must be between 0 and 8, got " + scale);
        }
        if (width * scale > MAX_SIDE || height * scale > MAX_SIDE) {
            throw new IllegalArgumentException("image larger than " + MAX_SIDE + " pixels on a side: "
                    + width + "x" + height + (scale == 1 ? "" : " at " + scale + "x"));
        }
    }
}
