package dev.biasinspector.chart;

import org.jfree.chart.JFreeChart;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Renders a chart to an image and writes it as PNG. Rendering and writing are split so that the
 * desktop app can render on the Event Dispatch Thread (JFreeChart objects are not thread-safe and
 * the chart is on screen) and write the file on a worker; the command line simply calls
 * {@link #writePng(JFreeChart, Path, int, int, double)}.
 */
public final class ChartExporter {

    /** Largest side in pixels after scaling; bigger requests are a typo, not a wish for 4 GB of RAM. */
    public static final int MAX_SIDE = 16_000;

    private static final FileAttribute<Set<PosixFilePermission>> ALL_READ_WRITE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-"));

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
     * Writes {@code image} as PNG to {@code target}, replacing it atomically: the bytes go to a
     * temporary file in the same folder, which is then renamed. A reader never sees half a PNG
     * and a failed write leaves an existing file untouched. Safe to call from any thread.
     */
    public static void writePng(BufferedImage image, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temp = createTempBeside(folder, absolute.getFileName().toString());
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer available in this Java runtime");
                }
            }
            moveIntoPlace(temp, absolute);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Not {@link Files#createTempFile}: that makes the file private (0600) and the rename would
     * carry those permissions over to the user's PNG. Mode 0666 lets the umask decide, as for any
     * new file.
     */
    private static Path createTempBeside(Path folder, String name) throws IOException {
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong());
            Path temp = folder.resolve("." + name + "." + suffix + ".tmp");
            try {
                return posix ? Files.createFile(temp, ALL_READ_WRITE) : Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // Some file systems (network shares, some FUSE mounts) cannot rename atomically.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
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
