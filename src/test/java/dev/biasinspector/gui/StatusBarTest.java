package dev.biasinspector.gui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusBarTest {

    @Test
    void aPathInTheHomeFolderIsShownFromTilde() {
        assertThat(StatusBar.abbreviate("/home/ada/models/a.pt", "/home/ada")).isEqualTo("~/models/a.pt");
        assertThat(StatusBar.abbreviate("/home/ada/models/a.pt", "/home/ada/")).isEqualTo("~/models/a.pt");
        // a neighbour whose name starts the same is not home
        assertThat(StatusBar.abbreviate("/home/adam/a.pt", "/home/ada")).isEqualTo("/home/adam/a.pt");
        assertThat(StatusBar.abbreviate("/work/a.pt", "/")).isEqualTo("/work/a.pt");
        assertThat(StatusBar.abbreviate("/work/a.pt", "")).isEqualTo("/work/a.pt");
    }
}
