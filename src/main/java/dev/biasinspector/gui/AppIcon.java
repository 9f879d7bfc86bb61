package dev.biasinspector.gui;

import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.Image;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's icon (a scatter of dots around a zero line, drawn by IconGenerator in the tests'
 * tools) in the sizes window managers pick from for title bars, task bars and Alt-Tab.
 */
public final class AppIcon {

    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};
    private static List<Image> images;

    private AppIcon() {
    }

    /** All sizes, read once; empty if the resources are missing (the window then has the default icon). */
    public static synchronized List<Image> images() {
        if (images == null) {
            List<Image> read = new ArrayList<>();
            for (int size : SIZES) {
                try (InputStream in = AppIcon.class.getResourceAsStream("/dev/biasinspector/icons/icon-" + size + ".png")) {
                    if (in != null) {
                        // A memory cache: ImageIO.read(InputStream) caches in a temporary file,
                        // whose name costs a SecureRandom on the EDT at start-up.
                        read.add(ImageIO.read(new MemoryCacheImageInputStream(in)));
                    }
                } catch (IOException e) {
                    // a missing size is not worth failing the start for
                }
            }
            images = List.copyOf(read);
        }
        return images;
    }

    /** The largest size not above {@code size} (for the About dialog). */
    public static Image image(int size) {
        Image best = null;
        for (Image image : images()) {
            if (image.getWidth(null) <= size) {
                best = image;
            }
        }
        return best;
    }
}
