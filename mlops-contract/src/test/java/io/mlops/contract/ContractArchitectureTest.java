package io.mlops.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ContractArchitectureTest {
    private static final JavaClasses CONTRACT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mlops.contract");

    @Test
    void shouldDependOnNothingButJavaAndJackson() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.mlops.contract..", "java..", "com.fasterxml.jackson..")
                .because("the Jenkins plugin bundles the contract on the controller: it must not pull in the engine,"
                        + " Tribuo, Jetty or JGit")
                .check(CONTRACT);
    }

    @Test
    void shouldHaveNoPackageCycles() {
        slices().matching("io.mlops.contract.(*)..")
                .should()
                .beFreeOfCycles()
                .because("each vocabulary builds on smaller ones only")
                .check(CONTRACT);
    }
}
