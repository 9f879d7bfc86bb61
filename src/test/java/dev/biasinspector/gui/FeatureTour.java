package dev.biasinspector.gui;

import dev.biasinspector.settings.AppSettings;

import javax.swing.AbstractButton;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JSlider;
import javax.swing.JTextField;
import java.awt.Component;
import java.awt.Robot;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;

import static dev.biasinspector.gui.ScreenshotTour.allComponents;
import static dev.biasinspector.gui.ScreenshotTour.await;
import static dev.biasinspector.gui.ScreenshotTour.onEdt;
import static dev.biasinspector.gui.ScreenshotTour.shoot;

/**
 * Screenshots of the comparison, histogram, overlay, checkpoint series, what-if and properties
 * states, for looking at them: {@code FeatureTour OUTPUT_FOLDER [dark]}. Run under Xvfb from the
 * project folder (it opens models/).
 */
public final class FeatureTour {

    private FeatureTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        boolean dark = args.length > 1 && args[1].equals("dark");
        String suffix = dark ? "-dark" : "";
        Files.createDirectories(out);
        JFrame.setDefaultLookAndFeelDecorated(true);
        JDialog.setDefaultLookAndFeelDecorated(true);
        Preferences node = Preferences.userRoot().node("bias-inspector-feature-tour");
        node.removeNode();
        AppSettings settings = new AppSettings(Preferences.userRoot().node("bias-inspector-feature-tour"));
        settings.setDarkTheme(dark);
        settings.trustedModels().trust(dev.biasinspector.session.ModelFingerprint.of(Path.of("models/simple_net.pt")));
        Robot robot = new Robot();

        MainWindow frame = onEdt(() -> BiasInspectorApp.start(settings, Optional.of(Path.of("models/simple_net.pt"))));
        onEdt(() -> {
            frame.setBounds(20, 20, 1200, 800);
            return null;
        });
        await(frame);
        onEdt(() -> frame.treePanel().selectBiases(java.util.List.of("fc1.bias", "fc2.bias")));
        await(frame);
        shoot(robot, frame, out.resolve("overlay" + suffix + ".png"));

        onEdt(() -> {
            frame.session().compareWith(Path.of("models/simple_net_trained.pt"));
            return null;
        });
        await(frame);
        onEdt(() -> frame.treePanel().selectBias("fc1.bias"));
        await(frame);
        shoot(robot, frame, out.resolve("compare" + suffix + ".png"));
        click(frame, "histogramToggle");
        await(frame);
        shoot(robot, frame, out.resolve("compare-histogram" + suffix + ".png"));
        click(frame, "histogramToggle");

        onEdt(() -> {
            frame.session().openExampleCheckpoints();
            return null;
        });
        await(frame);
        shoot(robot, frame, out.resolve("checkpoints" + suffix + ".png"));
        onEdt(() -> {
            ((JSlider) find(frame, "checkpointSlider")).setValue(1);
            return null;
        });
        await(frame);
        shoot(robot, frame, out.resolve("checkpoints-2" + suffix + ".png"));

        onEdt(() -> {
            frame.session().open(Path.of("models/simple_net.pt"));
            return null;
        });
        await(frame);
        click(frame, "histogramToggle");
        shoot(robot, frame, out.resolve("histogram" + suffix + ".png"));
        click(frame, "histogramToggle");

        onEdt(() -> {
            ScreenshotTour.menuItem(frame, "Model", "What-if\u2026").doClick();
            return null;
        });
        Window whatIf = ScreenshotTour.awaitDialog();
        shoot(robot, whatIf, out.resolve("whatif-empty" + suffix + ".png"));
        onEdt(() -> {
            ((AbstractButton) find(whatIf, "whatIfRun")).doClick();
            return null;
        });
        awaitNotRunning(whatIf);
        shoot(robot, whatIf, out.resolve("whatif" + suffix + ".png"));
        onEdt(() -> {
            ((JTextField) find(whatIf, "whatIfShape")).setText("1, 7");
            ((AbstractButton) find(whatIf, "whatIfRun")).doClick();
            return null;
        });
        awaitNotRunning(whatIf);
        shoot(robot, whatIf, out.resolve("whatif-error" + suffix + ".png"));
        onEdt(() -> {
            whatIf.dispose();
            return null;
        });

        onEdt(() -> {
            frame.session().open(Path.of("models/mlp_demo-0003.params"));
            return null;
        });
        await(frame);
        shoot(robot, frame, out.resolve("djl-params" + suffix + ".png"));
        new Thread(() -> {
            try {
                onEdt(() -> {
                    ScreenshotTour.menuItem(frame, "Model", "Properties\u2026").doClick(); // modal
                    return null;
                });
            } catch (Exception e) {
                e.printStackTrace();
            }
        }).start();
        Window properties = ScreenshotTour.awaitDialog();
        shoot(robot, properties, out.resolve("properties" + suffix + ".png"));
        onEdt(() -> {
            properties.dispose();
            frame.dispose();
            return null;
        });
        System.exit(0);
    }

    private static void awaitNotRunning(Window whatIf) throws Exception {
        Thread.sleep(300);
        for (int i = 0; i < 600 && onEdt(() -> ((WhatIfDialog) whatIf).isRunning()); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
    }

    private static void click(Window window, String name) throws Exception {
        onEdt(() -> {
            ((AbstractButton) find(window, name)).doClick();
            return null;
        });
    }

    private static Component find(Window window, String name) {
        for (Component c : allComponents(window)) {
            if (name.equals(c.getName())) {
                return c;
            }
        }
        throw new IllegalArgumentException("no component " + name);
    }
}
