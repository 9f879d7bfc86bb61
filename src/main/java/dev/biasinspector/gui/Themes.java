package dev.biasinspector.gui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import dev.biasinspector.chart.ChartTheme;

import javax.swing.UIManager;
import java.awt.Color;
import java.awt.Font;

/** FlatLaf light or dark, and the chart theme that goes with the current one. */
public final class Themes {

    private Themes() {
    }

    /** Installs FlatLaf; call on the EDT before creating components (or follow with updateUI). */
    public static void install(boolean dark) {
        if (dark) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
    }

    /** Switches a running application, updating every open window. */
    public static void switchTo(boolean dark) {
        install(dark);
        FlatLaf.updateUI();
    }

    public static boolean isDark() {
        return FlatLaf.isLafDark();
    }

    /**
     * The chart in the colours of the installed look and feel, so the plot matches the panels
     * around it; the point colours come from the light or dark palette.
     */
    public static ChartTheme chartTheme() {
        ChartTheme base = isDark() ? ChartTheme.dark() : ChartTheme.light();
        Color panel = colour("Panel.background", base.background());
        Color plot = colour(isDark() ? "TextField.background" : "Table.background", base.plotBackground());
        Color text = colour("Label.foreground", base.text());
        Color muted = colour("Label.disabledForeground", base.axis());
        Color grid = colour("Component.borderColor", base.grid());
        Font font = UIManager.getFont("Label.font");
        return new ChartTheme(base.isDark(), panel, plot, mix(grid, plot), text, muted, muted,
                base.series(), font == null ? base.font() : new Font(font.getFamily(), Font.PLAIN, font.getSize()));
    }

    /** Grid lines a little lighter than borders so the points stay in front. */
    private static Color mix(Color a, Color b) {
        return new Color((a.getRed() + b.getRed()) / 2, (a.getGreen() + b.getGreen()) / 2,
                (a.getBlue() + b.getBlue()) / 2);
    }

    private static Color colour(String key, Color fallback) {
        Color c = UIManager.getColor(key);
        // UIManager hands out ColorUIResource; a plain Color keeps JFreeChart's serialisation simple.
        return c == null ? fallback : new Color(c.getRGB(), true);
    }
}
