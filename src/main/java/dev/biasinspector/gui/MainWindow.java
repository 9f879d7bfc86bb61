package dev.biasinspector.gui;

import dev.biasinspector.gui.action.AppAction;
import dev.biasinspector.gui.action.CopyChartAction;
import dev.biasinspector.gui.action.DarkThemeAction;
import dev.biasinspector.gui.action.ExitAction;
import dev.biasinspector.gui.action.ExportCsvAction;
import dev.biasinspector.gui.action.ExportPngAction;
import dev.biasinspector.gui.action.OpenAction;
import dev.biasinspector.gui.action.OpenRecentMenu;
import dev.biasinspector.gui.action.ReloadAction;
import dev.biasinspector.gui.action.ReloadWithEngineAction;
import dev.biasinspector.gui.action.ResetZoomAction;
import dev.biasinspector.gui.action.ShowAllBiasesAction;
import dev.biasinspector.settings.AppSettings;

import javax.swing.AbstractAction;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JPopupMenu;
import javax.swing.JSplitPane;
import javax.swing.KeyStroke;
import javax.swing.WindowConstants;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The main window: module tree on the left, chart and statistics on the right, status bar below,
 * menus built from one action per command. Loading and selection logic live in
 * {@link ModelController}; this class only assembles.
 */
public final class MainWindow extends JFrame {

    public static final String APP_NAME = "Bias Inspector";

    private final AppContext context;
    private final ModelController models;
    private final List<AppAction> actions = new ArrayList<>();
    private final OpenRecentMenu recentMenu;

    public MainWindow(AppSettings settings) {
        super(APP_NAME);
        setName("mainWindow");
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);

        BackgroundTasks tasks = new BackgroundTasks();
        StatusBar status = new StatusBar();
        BiasChartView chartView = new BiasChartView(Themes.chartTheme());
        ModuleTreePanel treePanel = new ModuleTreePanel(selection -> models().show(selection));
        models = new ModelController(tasks, treePanel, chartView, status, settings.recentFiles(),
                (title, sentence, failure) -> ErrorDialog.show(this, title, sentence, LoadFailure.details(failure)),
                new ModelController.Listener() {
                    @Override
                    public void stateChanged() {
                        refresh();
                    }

                    @Override
                    public void recentFilesChanged() {
                        refreshRecentFiles();
                    }
                });
        context = new AppContext(this, settings, tasks, models, chartView, treePanel, status);
        recentMenu = new OpenRecentMenu(context);

        ShowAllBiasesAction showAll = add(new ShowAllBiasesAction(context));
        treePanel.addToggle(showAll);
        setJMenuBar(menuBar(showAll));
        chartView.setChartMenu(chartMenu());

        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, treePanel, chartView);
        split.setDividerLocation(280);
        split.setResizeWeight(0);
        split.setContinuousLayout(true);
        treePanel.setMinimumSize(new Dimension(180, 100));
        getContentPane().add(split, BorderLayout.CENTER);
        getContentPane().add(status, BorderLayout.SOUTH);
        FileDropHandler.install(models::open, getRootPane(), treePanel, chartView, chartView.chartPanel());
        bindEscapeToCancel();

        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                models.cancelLoading();
                tasks.shutdown();
            }
        });
        setSize(1000, 650);
        setMinimumSize(new Dimension(560, 360));
        setLocationRelativeTo(null);
        refresh();
        refreshRecentFiles();
    }

    /** Opening, reloading and the current model. */
    public ModelController models() {
        return models;
    }

    public AppContext context() {
        return context;
    }

    private JMenuBar menuBar(ShowAllBiasesAction showAll) {
        JMenuBar bar = new JMenuBar();

        JMenu file = menu("File", KeyEvent.VK_F);
        file.add(add(new OpenAction(context)));
        file.add(recentMenu);
        file.add(add(new ReloadAction(context)));
        file.addSeparator();
        file.add(add(new ExportPngAction(context)));
        file.add(add(new CopyChartAction(context)));
        file.add(add(new ExportCsvAction(context)));
        file.addSeparator();
        file.add(add(new ExitAction(context)));
        bar.add(file);

        JMenu view = menu("View", KeyEvent.VK_V);
        view.add(new JCheckBoxMenuItem(showAll));
        view.add(add(new ResetZoomAction(context)));
        view.addSeparator();
        view.add(new JCheckBoxMenuItem(add(new DarkThemeAction(context))));
        bar.add(view);

        JMenu model = menu("Model", KeyEvent.VK_M);
        model.add(add(ReloadWithEngineAction.djl(context)));
        model.add(add(ReloadWithEngineAction.archive(context)));
        bar.add(model);
        return bar;
    }

    private JPopupMenu chartMenu() {
        JPopupMenu menu = new JPopupMenu();
        for (AppAction action : actions) {
            if (action instanceof ExportPngAction || action instanceof CopyChartAction
                    || action instanceof ExportCsvAction) {
                menu.add(action);
            }
        }
        menu.addSeparator();
        actions.stream().filter(ResetZoomAction.class::isInstance).findFirst().ifPresent(menu::add);
        return menu;
    }

    private static JMenu menu(String name, int mnemonic) {
        JMenu menu = new JMenu(name);
        menu.setMnemonic(mnemonic);
        return menu;
    }

    private <A extends AppAction> A add(A action) {
        actions.add(action);
        return action;
    }

    /** Escape cancels a load in progress, like the status bar's Cancel button. */
    private void bindEscapeToCancel() {
        String key = "cancelLoading";
        getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW)
                .put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), key);
        getRootPane().getActionMap().put(key, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                models.cancelLoading();
            }
        });
    }

    /** Title and enabled commands follow what is open. */
    private void refresh() {
        setTitle(models.current().map(m -> m.source().displayName() + " \u2014 " + APP_NAME).orElse(APP_NAME));
        actions.forEach(AppAction::refresh);
    }

    private void refreshRecentFiles() {
        recentMenu.refresh();
    }
}
