package dev.biasinspector.gui.action;

import dev.biasinspector.gui.AppContext;
import dev.biasinspector.gui.Themes;

import java.awt.event.KeyEvent;

/** View > Dark Theme: switches FlatLaf and the chart's colours; remembered for the next start. */
public final class DarkThemeAction extends ToggleAction {

    public DarkThemeAction(AppContext context) {
        super(context, "Dark Theme", KeyEvent.VK_D, null, context.settings().darkTheme());
    }

    @Override
    protected void apply(boolean on) {
        context.settings().setDarkTheme(on);
        Themes.switchTo(on);
        context.chart().setTheme(Themes.chartTheme());
    }
}
