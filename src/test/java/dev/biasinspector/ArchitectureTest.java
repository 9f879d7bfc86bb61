package dev.biasinspector;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the layers honest: the domain model and the readers never depend on a window toolkit. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.biasinspector");

    @Test
    void theDomainModelDependsOnNoToolkitAndNoEngine() {
        noClasses().that().resideInAPackage("..model..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "java.awt..", "ai.djl..",
                        "org.jfree..", "com.formdev..", "picocli..", "dev.biasinspector.format..",
                        "dev.biasinspector.gui..", "dev.biasinspector.cli..", "dev.biasinspector.chart..")
                .check(CLASSES);
    }

    @Test
    void readersDependOnNoUserInterface() {
        noClasses().that().resideInAPackage("..format..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "java.awt..", "org.jfree..",
                        "com.formdev..", "dev.biasinspector.gui..", "dev.biasinspector.cli..",
                        "dev.biasinspector.chart..")
                .check(CLASSES);
    }

    @Test
    void chartsAreDrawnWithoutSwing() {
        noClasses().that().resideInAPackage("..chart..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "com.formdev..",
                        "dev.biasinspector.gui..", "dev.biasinspector.cli..")
                .check(CLASSES);
    }

    @Test
    void onlyTheDjlReadersTouchDjl() {
        noClasses().that().resideOutsideOfPackage("dev.biasinspector.format.djl..")
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
        noClasses().that().resideInAPackage("..cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "dev.biasinspector.gui..")
                .check(CLASSES);
    }
}
