package io.jenkins.plugins.mlops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import hudson.FilePath;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;

/** Keeps the Jenkins layer thin: one class talks to the live build, the rest is testable without Jenkins. */
class ArchitectureTest {
    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.mlops");
    private static final JavaClasses PLUGIN_AND_CONTRACT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.mlops", "io.mlops.contract");

    @Test
    void shouldTalkToTheLiveBuildOnlyThroughJenkinsFacade() {
        noClasses()
                .that()
                .haveNameNotMatching("io\\.jenkins\\.plugins\\.mlops\\.steps\\.JenkinsFacade(\\$.*)?")
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
                .resideInAnyPackage("..mlops.execution..", "..mlops.launch..", "..mlops.records..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jenkinsci.plugins.workflow..", "..mlops.steps..")
                .because("the step classes bind arguments; the work itself must not depend on the Pipeline API")
                .check(PLUGIN);
    }

    @Test
    void shouldUseOnlyTheContractOfTheEngineModules() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.mlops.engine..",
                        "io.mlops.serving..",
                        "io.mlops.cli..",
                        "io.mlops.bench..",
                        "org.tribuo..",
                        "org.eclipse.jetty..",
                        "org.eclipse.jgit..",
                        "picocli..")
                .because("the plugin launches the mlops command in its own JVM on the agent and never loads the engine"
                        + " (Tribuo, Jetty, JGit) on the controller; it shares only the contract's vocabulary")
                .check(PLUGIN);
    }

    /**
     * The packages depend one way, as docs/architecture.md draws it: steps (and the global configuration) bind
     * arguments and talk to Jenkins, execution runs a step's work, launch starts and follows the engine process,
     * records keep what a run left in the build, and all of them speak the contract's vocabulary.
     */
    @Test
    void shouldLayerStepsOverExecutionOverLaunchAndRecordsOverTheContract() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Steps")
                .definedBy("io.jenkins.plugins.mlops.steps..", "io.jenkins.plugins.mlops.config..")
                .layer("Execution")
                .definedBy("io.jenkins.plugins.mlops.execution..")
                .layer("Launch")
                .definedBy("io.jenkins.plugins.mlops.launch..")
                .layer("Records")
                .definedBy("io.jenkins.plugins.mlops.records..")
                .layer("Contract")
                .definedBy("io.mlops.contract..")
                .whereLayer("Steps")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Execution")
                .mayOnlyBeAccessedByLayers("Steps")
                .whereLayer("Launch")
                .mayOnlyBeAccessedByLayers("Steps", "Execution")
                .whereLayer("Records")
                .mayOnlyBeAccessedByLayers("Steps", "Execution")
                .whereLayer("Launch")
                .mayOnlyAccessLayers("Contract")
                .whereLayer("Records")
                .mayOnlyAccessLayers("Contract")
                .check(PLUGIN_AND_CONTRACT);
    }

    /** A Jenkins exception means a step failed in Jenkins' terms; only the steps and the facade may say that. */
    @Test
    void shouldThrowJenkinsExceptionsOnlyInTheStepsLayer() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.jenkins.plugins.mlops.steps..", "io.jenkins.plugins.mlops.config..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("hudson.AbortException")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("hudson.model.Descriptor$FormException")
                .because("the Jenkins-free work fails with StepFailure; EngineStepExecution and the steps translate")
                .check(PLUGIN);
    }

    @Test
    void shouldKeepTheWorkFreeOfJenkinsTypesAndExceptions() {
        noClasses()
                .that()
                .resideInAnyPackage("..mlops.execution..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..")
                .because("the steps' work runs and fails (StepFailure) without Jenkins; JenkinsFacade and"
                        + " EngineStepExecution translate")
                .check(PLUGIN);
    }

    /**
     * What crosses the agent channel stays small and plain: every callable the plugin sends to an agent holds only
     * strings, numbers and booleans and returns a JDK type, so no plugin object (a result record, a listener) is
     * ever sent back, where Jenkins' class filter would reject it.
     */
    @Test
    void shouldSendOnlyPlainValuesOverTheAgentChannel() {
        List<Class<?>> callables = PLUGIN.stream()
                .filter(c -> c.isAssignableTo(FilePath.FileCallable.class))
                .map(JavaClass::reflect)
                .toList();

        assertThat(callables).isNotEmpty();
        for (Class<?> callable : callables) {
            for (Field field : callable.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    assertThat(field.getType().isPrimitive()
                                    || field.getType().getName().startsWith("java.lang."))
                            .as(callable.getName() + "." + field.getName() + " is a "
                                    + field.getType().getName())
                            .isTrue();
                }
            }
            Type returned = ((ParameterizedType) callable.getGenericSuperclass()).getActualTypeArguments()[0];
            assertThat(returned.getTypeName())
                    .as(callable.getName() + " returns")
                    .startsWith("java.lang.");
        }
    }
}
