package io.jenkins.plugins.mlops.triggers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class TriggersArchitectureTest {
    private static final JavaClasses TRIGGERS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.mlops.triggers");

    @Test
    void shouldPollWithoutJenkins() {
        noClasses()
                .that()
                .resideInAPackage("..mlops.triggers.poll..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "hudson..",
                        "jenkins..",
                        "org.jenkinsci..",
                        "org.kohsuke..",
                        "com.cloudbees..",
                        "io.jenkins.plugins.mlops.triggers")
                .because("the polling logic is unit-tested and benchmarked without Jenkins, and runs on agents")
                .check(TRIGGERS);
    }
}
