package dev.biasinspector.tools;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Draws the application icon: a small scatter of bias values around a zero line, the picture the
 * app itself shows. Writes the window icons (PNG, several sizes) into src/main/resources and the
 * installers' icons (PNG for Linux, ICO for Windows, ICNS for macOS, all holding PNG images) into
 * src/dist/icons. Run from the project folder after {@code mvn test-compile}:
 *
 * <pre>java -cp target/test-classes dev.biasinspector.tools.IconGenerator</pre>
 */
public final class IconGenerator {

    static final int[] WINDOW_SIZES = {16, 24, 32, 48, 64, 128, 256};
    /** (index, value) of the dots in a unit square: value 0 is the zero line at mid-height. */
    static final double[][] POINTS = {
            {0.10, 0.18}, {0.20, -0.30}, {0.30, 0.42}, {0.40, 0.05}, {0.50, -0.12},
            {0.60, 0.30}, {0.70, -0.40}, {0.80, 0.12}, {0.90, -0.22}};
    /** At 16 and 24 pixels only every other dot, larger, stays readable. */
    static final double[][] FEW_POINTS = {{0.16, 0.26}, {0.38, -0.32}, {0.62, 0.36}, {0.84, -0.18}};

    private IconGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path resources = Path.of("src/main/resources/dev/biasinspector/icons");
        Path dist = Path.of("src/dist/icons");
        Files.createDirectories(resources);
        Files.createDirectories(dist);
        for (int size : WINDOW_SIZES) {
            ImageIO.write(draw(size), "png", resources.resolve("icon-" + size + ".png").toFile());
        }
        ImageIO.write(draw(512), "png", dist.resolve("bias-inspector.png").toFile());
        Map<Integer, byte[]> ico = new LinkedHashMap<>();
        for (int size : new int[]{16, 24, 32, 48, 64, 128, 256}) {
            ico.put(size, png(draw(size)));
        }
        try (OutputStream out = Files.newOutputStream(dist.resolve("bias-inspector.ico"))) {
            writeIco(out, ico);
        }
        try (OutputStream out = Files.newOutputStream(dist.resolve("bias-inspector.icns"))) {
            writeIcns(out, Map.of("ic07", png(draw(128)), "ic08", png(draw(256)), "ic09", png(draw(512))));
        }
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size;
        double inset = s * 0.04;
        RoundRectangle2D tile = new RoundRectangle2D.Double(inset, inset, s - 2 * inset, s - 2 * inset,
                s * 0.22, s * 0.22);
        g.setPaint(new GradientPaint(0, 0, new Color(0x2B3A67), 0, (float) s, new Color(0x172039)));
        g.fill(tile);

        double left = s * 0.14;
        double width = s * 0.72;
        double mid = s * 0.5;
        double half = s * 0.34;
        g.setColor(new Color(0xC9D3E8));
        g.setStroke(new BasicStroke((float) Math.max(1, s * 0.035), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(left, mid, left + width, mid));

        boolean small = size <= 24;
        double[][] points = small ? FEW_POINTS : POINTS;
        double radius = small ? s * 0.1 : size <= 48 ? s * 0.058 : s * 0.048;
        for (double[] p : points) {
            double x = left + p[0] * width;
            double y = mid - p[1] * 2 * half * 0.9;
            g.setColor(p[1] >= 0 ? new Color(0xFFB454) : new Color(0x4FD1C5));
            g.fill(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
        }
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** ICO with PNG entries (Windows Vista and later): header, directory, then the PNGs. */
    static void writeIco(OutputStream out, Map<Integer, byte[]> pngs) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        writeLe16(buffer, 0);
        writeLe16(buffer, 1);
        writeLe16(buffer, pngs.size());
        int offset = 6 + 16 * pngs.size();
        for (Map.Entry<Integer, byte[]> e : pngs.entrySet()) {
            int size = e.getKey();
            buffer.write(size >= 256 ? 0 : size);
            buffer.write(size >= 256 ? 0 : size);
            buffer.write(0);
            buffer.write(0);
            writeLe16(buffer, 1);
            writeLe16(buffer, 32);
            writeLe32(buffer, e.getValue().length);
            writeLe32(buffer, offset);
            offset += e.getValue().length;
        }
        for (byte[] png : pngs.values()) {
            buffer.write(png);
        }
        out.write(buffer.toByteArray());
    }

    /** ICNS: "icns", total length, then (type, length, PNG) chunks; lengths big-endian, headers included. */
    static void writeIcns(OutputStream out, Map<String, byte[]> chunks) throws IOException {
        Map<String, byte[]> ordered = new java.util.TreeMap<>(chunks);
        int total = 8 + ordered.values().stream().mapToInt(b -> b.length + 8).sum();
        DataOutputStream data = new DataOutputStream(out);
        data.writeBytes("icns");
        data.writeInt(total);
        for (Map.Entry<String, byte[]> e : ordered.entrySet()) {
            data.writeBytes(e.getKey());
            data.writeInt(e.getValue().length + 8);
            data.write(e.getValue());
        }
        data.flush();
    }

    private static void writeLe16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private static void writeLe32(ByteArrayOutputStream out, int v) {
        writeLe16(out, v & 0xFFFF);
        writeLe16(out, (v >>> 16) & 0xFFFF);
    }
}
