package io.mlops.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mlops.engine");

    @Test
    void shouldNotDependOnJenkins() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..")
                .because("the engine runs on agents and on laptops without Jenkins; only the plugin may know Jenkins")
                .check(ENGINE);
    }

    @Test
    void shouldNotDependOnTheCommandLineOrHttp() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "picocli..", "io.mlops.cli..", "io.mlops.serving..", "org.eclipse.jetty..", "jakarta.servlet..")
                .because("the engine is a library: command line and serving build on it, never the reverse")
                .check(ENGINE);
    }

    @Test
    void shouldHaveNoPackageCycles() {
        slices().matching("io.mlops.engine.(*)..")
                .should()
                .beFreeOfCycles()
                .because("train, eval, metadata and the registry build on each other one way only; progress and the"
                        + " run metadata records live below them")
                .check(ENGINE);
    }

    @Test
    void shouldNeverUseJavaDeserialization() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.io.ObjectInputStream")
                .because(
                        "models and requests are read as protobuf and JSON only; Java deserialization runs code from files")
                .check(ENGINE);
    }
}
