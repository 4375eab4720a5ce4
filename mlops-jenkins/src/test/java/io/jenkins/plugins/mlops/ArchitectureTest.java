package io.jenkins.plugins.mlops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;

/** Keeps the Jenkins layer thin: one class talks to the live build, the rest is testable without Jenkins. */
class ArchitectureTest {
    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.mlops");

    @Test
    void shouldTalkToTheLiveBuildOnlyThroughJenkinsFacade() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("io.jenkins.plugins.mlops.steps.JenkinsFacade")
                .and()
                .areNotAssignableTo(StepDescriptor.class) // they name FilePath.class as required context only
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("hudson.model.Result")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("hudson.FilePath")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("jenkins.model.ArtifactManager")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("jenkins.model.Jenkins")
                .because(
                        "every call into the live Jenkins goes through one facade, so everything else runs in unit tests")
                .check(PLUGIN);
    }

    @Test
    void shouldKeepRunnersResultsAndLaunchFreeOfPipelineSteps() {
        noClasses()
                .that()
                .resideInAnyPackage("..mlops.runner..", "..mlops.results..", "..mlops.launch..", "..mlops.actions..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jenkinsci.plugins.workflow..", "..mlops.steps..")
                .because("the step classes bind arguments; the work itself must not depend on the Pipeline API")
                .check(PLUGIN);
    }

    @Test
    void shouldNotDependOnTheEngineOrCliClasses() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.mlops..")
                .because(
                        "the plugin launches the mlops command in its own JVM on the agent and never loads the engine on the controller")
                .check(PLUGIN);
    }
}
