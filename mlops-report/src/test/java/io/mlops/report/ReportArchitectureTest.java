package io.mlops.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ReportArchitectureTest {
    private static final JavaClasses CHARTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mlops.report");

    @Test
    void shouldDependOnTheContractJacksonAndEchartsBuildTrendsOnly() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "io.mlops.report..",
                        "io.mlops.contract..",
                        "java..",
                        "com.fasterxml.jackson..",
                        "edu.hm.hafner.echarts..")
                .because("the Jenkins plugin draws these charts on the controller, where neither the engine, Tribuo,"
                        + " Jetty nor JGit is available")
                .check(CHARTS);
    }
}
