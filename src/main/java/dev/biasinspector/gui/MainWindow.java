package dev.biasinspector.gui;

import dev.biasinspector.session.LoadFailure;

import dev.biasinspector.gui.action.AppAction;
import dev.biasinspector.gui.action.CompareWithAction;
import dev.biasinspector.gui.action.CopyChartAction;
import dev.biasinspector.gui.action.DarkThemeAction;
import dev.biasinspector.gui.action.ExitAction;
import dev.biasinspector.gui.action.ExportCsvAction;
import dev.biasinspector.gui.action.ExportPngAction;
import dev.biasinspector.gui.action.HistogramAction;
import dev.biasinspector.gui.action.OpenAction;
import dev.biasinspector.gui.action.OpenCheckpointsAction;
import dev.biasinspector.gui.action.OpenExampleAction;
import dev.biasinspector.gui.action.OpenRecentMenu;
import dev.biasinspector.gui.action.PropertiesAction;
import dev.biasinspector.gui.action.ReloadAction;
import dev.biasinspector.gui.action.ReloadWithEngineAction;
import dev.biasinspector.gui.action.ResetZoomAction;
import dev.biasinspector.gui.action.ShowAllBiasesAction;
import dev.biasinspector.gui.action.StopComparingAction;
import dev.biasinspector.gui.action.WhatIfAction;
import dev.biasinspector.model.BiasEntry;
import dev.biasinspector.session.BiasSession;
import dev.biasinspector.session.SessionListener;
import dev.biasinspector.settings.AppSettings;

import javax.swing.AbstractAction;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JSplitPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
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
 * The main window: module tree on the left, chart and statistics on the right (with the ranking
 * of changes below while comparing two files), status bar below, menus built from one action per
 * command. What is open and shown lives in the {@link BiasSession}; this class only assembles
 * views bound to it.
 */
public final class MainWindow extends JFrame {

    public static final String APP_NAME = "Bias Inspector";

    private final AppContext context;
    private final BiasSession session;
    private final List<AppAction> actions = new ArrayList<>();
    private final OpenRecentMenu recentMenu;
    private final BiasChartView chartView;
    private final ModuleTreePanel treePanel;
    /** Made at the first comparison (its table cost about 12 ms of the EDT at start-up). */
    private ComparisonPanel comparisonPanel;
    private final ShowAllBiasesAction showAll;
    private final StopComparingAction stopComparing;
    private final JPanel right = new JPanel(new BorderLayout());
    private final JSplitPane split;
    private final JSplitPane chartAndRanking = new JSplitPane(JSplitPane.VERTICAL_SPLIT);

    public MainWindow(AppSettings settings) {
        this(settings, new BackgroundTasks());
    }

    MainWindow(AppSettings settings, BackgroundTasks tasks) {
        super(APP_NAME);
        setName("mainWindow");
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);

        session = new BiasSession(tasks, settings.recentFiles());
        StatusBar status = new StatusBar();
        chartView = new BiasChartView(Themes.chartTheme(), session);
        treePanel = new ModuleTreePanel(selection -> session.select(selection.stream().map(BiasEntry::name).toList()));
        SessionViews.bind(session, treePanel, status);
        session.addListener(new SessionListener() {
            @Override
            public void statusChanged() {
                refresh();
            }

            @Override
            public void selectionChanged() {
                refresh();
            }

            @Override
            public void chartChanged(boolean sameContent) {
                refresh();
            }

            @Override
            public void recentFilesChanged() {
                refreshRecentFiles();
            }

            @Override
            public void comparisonChanged() {
                showComparison();
            }

            @Override
            public void failed(Failure failure) {
                // After the session has told every view: the dialog is modal and would hold the EDT.
                SwingUtilities.invokeLater(() -> ErrorDialog.show(MainWindow.this, failure.title(), failure.sentence(),
                        LoadFailure.details(failure.cause())));
            }
        });
        context = new AppContext(this, settings, tasks, session, chartView);
        recentMenu = new OpenRecentMenu(context);

        showAll = add(new ShowAllBiasesAction(context, treePanel::setAllBiases));
        treePanel.addToggle(showAll);
        HistogramAction histogram = add(new HistogramAction(context));
        chartView.addViewSwitch(histogram);
        stopComparing = add(new StopComparingAction(context));
        setJMenuBar(menuBar(showAll, histogram, stopComparing));
        chartView.setChartMenu(chartMenu());

        chartAndRanking.setResizeWeight(0.72);
        chartAndRanking.setContinuousLayout(true);
        chartAndRanking.setBorder(null);
        right.add(chartView, BorderLayout.CENTER);
        split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, treePanel, right);
        split.setDividerLocation(280);
        split.setResizeWeight(0);
        split.setContinuousLayout(true);
        treePanel.setMinimumSize(new Dimension(180, 100));
        getContentPane().add(split, BorderLayout.CENTER);
        getContentPane().add(status, BorderLayout.SOUTH);
        FileDropHandler.install(session::open, getRootPane(), treePanel, chartView, chartView.chartPanel());
        bindEscapeToCancel();
        bindFindToFilter();

        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                session.cancel();
                tasks.shutdown();
            }
        });
        setSize(1100, 720);
        setMinimumSize(new Dimension(560, 360));
        setLocationRelativeTo(null);
        refresh();
        refreshRecentFiles();
    }

    /** What is open and shown: opening, reloading, comparing, the selection. */
    public BiasSession session() {
        return session;
    }

    /** The module tree on the left (for tests that click in it). */
    public ModuleTreePanel treePanel() {
        return treePanel;
    }

    /** The chart on the right. */
    public BiasChartView chartView() {
        return chartView;
    }

    /** The divider between tree and chart (its place is one of the remembered habits). */
    JSplitPane treeDivider() {
        return split;
    }

    public AppContext context() {
        return context;
    }

    private JMenuBar menuBar(ShowAllBiasesAction showAll, HistogramAction histogram, StopComparingAction stopComparing) {
        JMenuBar bar = new JMenuBar();

        JMenu file = menu("File", KeyEvent.VK_F);
        file.add(add(new OpenAction(context)));
        file.add(add(new OpenCheckpointsAction(context)));
        JMenu examples = menu("Open Example", KeyEvent.VK_X);
        examples.setName("openExample");
        examples.add(add(OpenExampleAction.untrained(context)));
        examples.add(add(OpenExampleAction.beforeAndAfterTraining(context)));
        examples.add(add(OpenExampleAction.checkpoints(context)));
        file.add(examples);
        file.add(recentMenu);
        file.add(add(new ReloadAction(context)));
        file.addSeparator();
        file.add(add(new CompareWithAction(context)));
        file.add(stopComparing);
        file.addSeparator();
        file.add(add(new ExportPngAction(context)));
        file.add(add(new CopyChartAction(context)));
        file.add(add(new ExportCsvAction(context)));
        file.addSeparator();
        file.add(add(new ExitAction(context)));
        bar.add(file);

        JMenu view = menu("View", KeyEvent.VK_V);
        view.add(new JCheckBoxMenuItem(showAll));
        view.add(new JCheckBoxMenuItem(histogram));
        view.add(add(new ResetZoomAction(context)));
        view.addSeparator();
        view.add(new JCheckBoxMenuItem(add(new DarkThemeAction(context))));
        bar.add(view);

        JMenu model = menu("Model", KeyEvent.VK_M);
        model.add(add(new WhatIfAction(context)));
        model.add(add(new PropertiesAction(context)));
        model.addSeparator();
        model.add(add(ReloadWithEngineAction.djl(context)));
        model.add(add(ReloadWithEngineAction.archive(context)));
        bar.add(model);
        bar.add(HelpMenu.create(this));
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

    /** Ctrl+F (Cmd+F) puts the cursor in the tree's filter, wherever the focus is. */
    private void bindFindToFilter() {
        String key = "focusFilter";
        getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(KeyEvent.VK_F,
                java.awt.Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx()), key);
        getRootPane().getActionMap().put(key, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                treePanel.focusFilter();
            }
        });
    }

    /** Escape cancels a load in progress, like the status bar's Cancel button. */
    private void bindEscapeToCancel() {
        String key = "cancelLoading";
        getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW)
                .put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), key);
        getRootPane().getActionMap().put(key, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                session.cancel();
            }
        });
    }

    /** Title and enabled commands follow what is open; the ranking marks the layer on screen. */
    private void refresh() {
        String shown = session.current().map(m -> m.source().displayName()
                + session.comparison().map(c -> " \u2194 " + c.after()).orElse("")).orElse(null);
        setTitle(shown == null ? APP_NAME : shown + " \u2014 " + APP_NAME);
        actions.forEach(AppAction::refresh);
        if (session.comparison().isPresent()) {
            session.selection().stream().findFirst().map(BiasEntry::name).ifPresent(comparisonPanel()::highlight);
        }
    }

    /** Shows or hides the ranking of changes under the chart. */
    private void showComparison() {
        right.removeAll();
        if (session.comparison().isPresent()) {
            ComparisonPanel comparisonPanel = comparisonPanel();
            // Off screen since the last comparison, the panel missed any theme switch in between.
            SwingUtilities.updateComponentTreeUI(comparisonPanel);
            chartAndRanking.updateUI();
            comparisonPanel.show(session.comparison().get());
            chartAndRanking.setTopComponent(chartView);
            chartAndRanking.setBottomComponent(comparisonPanel);
            right.add(chartAndRanking, BorderLayout.CENTER);
            // The chart keeps most of the height; the table gets what its rows need, within limits.
            int height = right.getHeight() > 0 ? right.getHeight() : getHeight() - 100;
            int wanted = comparisonPanel.getPreferredSize().height;
            int tableHeight = Math.max(140, Math.min(wanted, (int) (height * 0.3)));
            chartAndRanking.setDividerLocation(Math.max(200, height - tableHeight));
        } else {
            right.add(chartView, BorderLayout.CENTER);
        }
        right.revalidate();
        right.repaint();
    }

    private ComparisonPanel comparisonPanel() {
        if (comparisonPanel == null) {
            comparisonPanel = new ComparisonPanel(this::reveal, stopComparing);
        }
        return comparisonPanel;
    }

    /**
     * Selects a bias picked in the ranking, making it visible first: the ranking lists every
     * bias, while the tree may hide it behind the filter or the Linear-only toggle.
     */
    private void reveal(String biasName) {
        if (treePanel.selectBias(biasName)) {
            return;
        }
        treePanel.setFilter("");
        if (!treePanel.selectBias(biasName)) {
            showAll.setOn(true);
            treePanel.selectBias(biasName);
        }
    }

    private void refreshRecentFiles() {
        recentMenu.refresh();
    }
}
