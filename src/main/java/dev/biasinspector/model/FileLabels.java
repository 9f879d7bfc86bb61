package dev.biasinspector.model;

import java.nio.file.Path;

/** How two compared files are named in legends and titles, the same in the window and on the command line. */
public final class FileLabels {

    private FileLabels() {
    }

    /**
     * File names, or, when both files have the same name ({@code run1/model.pt}, {@code run2/model.pt}),
     * the names with their folders, so the legend tells them apart; "(A)" and "(B)" when even
     * those are the same.
     */
    public static String[] distinct(Path a, Path b) {
        String nameA = name(a);
        String nameB = name(b);
        if (!nameA.equals(nameB)) {
            return new String[] {nameA, nameB};
        }
        Path parentA = a.toAbsolutePath().getParent();
        Path parentB = b.toAbsolutePath().getParent();
        if (parentA == null || parentB == null || parentA.equals(parentB)) {
            return new String[] {nameA + " (A)", nameB + " (B)"};
        }
        return new String[] {name(parentA) + "/" + nameA, name(parentB) + "/" + nameB};
    }

    private static String name(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
