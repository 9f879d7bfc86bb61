package dev.biasinspector;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the layers honest: model (plain records) ← format (readers) ← engine (DJL) ← session
 * (what the app does, no window) ← export / gui / cli. Only gui uses Swing; only engine uses DJL.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.biasinspector");

    private static final String[] WINDOWS = {"javax.swing..", "java.awt..", "com.formdev.."};

    @Test
    void theDomainModelDependsOnNoToolkitAndNoEngine() {
        noClasses().that().resideInAPackage("dev.biasinspector.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "java.awt..", "ai.djl..",
                        "org.jfree..", "com.formdev..", "picocli..", "dev.biasinspector.format..",
                        "dev.biasinspector.engine..", "dev.biasinspector.session..", "dev.biasinspector.export..",
                        "dev.biasinspector.gui..", "dev.biasinspector.cli..", "dev.biasinspector.chart..")
                .check(CLASSES);
    }

    @Test
    void readersOnlyReadFiles() {
        noClasses().that().resideInAPackage("dev.biasinspector.format..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "java.awt..", "org.jfree..",
                        "com.formdev..", "ai.djl..", "dev.biasinspector.engine..", "dev.biasinspector.session..",
                        "dev.biasinspector.export..", "dev.biasinspector.gui..", "dev.biasinspector.cli..",
                        "dev.biasinspector.chart..")
                .check(CLASSES);
    }

    @Test
    void enginesKnowNothingOfTheApplication() {
        noClasses().that().resideInAPackage("dev.biasinspector.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "java.awt..", "org.jfree..",
                        "dev.biasinspector.session..", "dev.biasinspector.export..", "dev.biasinspector.gui..",
                        "dev.biasinspector.cli..", "dev.biasinspector.chart..")
                .check(CLASSES);
    }

    @Test
    void theSessionOpensNoWindows() {
        noClasses().that().resideInAPackage("dev.biasinspector.session..")
                .should().dependOnClassesThat().resideInAnyPackage(WINDOWS)
                .orShould().dependOnClassesThat().resideInAnyPackage("dev.biasinspector.gui..",
                        "dev.biasinspector.cli..", "dev.biasinspector.export..")
                .check(CLASSES);
    }

    @Test
    void chartsAreDrawnWithoutSwing() {
        noClasses().that().resideInAnyPackage("dev.biasinspector.chart..", "dev.biasinspector.export..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "com.formdev..",
                        "dev.biasinspector.gui..", "dev.biasinspector.cli..")
                .check(CLASSES);
    }

    @Test
    void theWindowGoesThroughTheSession() {
        noClasses().that().resideInAPackage("dev.biasinspector.gui..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.biasinspector.format..",
                        "dev.biasinspector.engine..", "ai.djl..")
                .check(CLASSES);
    }

    @Test
    void onlyTheEngineTouchesDjl() {
        noClasses().that().resideOutsideOfPackage("dev.biasinspector.engine..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .check(CLASSES);
    }

    @Test
    void onlyTheOnnxReaderTouchesProtobuf() {
        noClasses().that().resideOutsideOfPackage("dev.biasinspector.format.onnx..")
                .should().dependOnClassesThat().resideInAPackage("com.google.protobuf..")
                .check(CLASSES);
    }

    @Test
    void theCommandLineOpensNoWindows() {
        noClasses().that().resideInAPackage("dev.biasinspector.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "dev.biasinspector.gui..")
                .check(CLASSES);
    }

    @Test
    void packagesDependOnEachOtherOneWay() {
        slices().matching("dev.biasinspector.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
