package io.mlops.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module layering of {@code docs/architecture.md}, executable: the contract at the bottom knows nothing of ours,
 * the engine knows the contract, serving knows the engine, the command line knows both, and the Jenkins plugin knows
 * only the contract. Layers whose classes are not on this class path (the plugin's) are optional here.
 */
class ModuleArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(VocabularyTest.CHECKED);

    @Test
    void shouldKeepTheModulesLayered() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("Plugin")
                .definedBy("io.jenkins.plugins.mlops..")
                .layer("Cli")
                .definedBy("io.mlops.cli..")
                .layer("Bench")
                .definedBy("io.mlops.bench..")
                .layer("Serving")
                .definedBy("io.mlops.serving..")
                .layer("Engine")
                .definedBy("io.mlops.engine..")
                .layer("Contract")
                .definedBy("io.mlops.contract..")
                .whereLayer("Plugin")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Cli")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Bench")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Serving")
                .mayOnlyBeAccessedByLayers("Cli", "Bench")
                .whereLayer("Engine")
                .mayOnlyBeAccessedByLayers("Serving", "Cli", "Bench")
                .whereLayer("Contract")
                .mayOnlyBeAccessedByLayers("Engine", "Serving", "Cli", "Bench", "Plugin")
                .because("the controller runs the plugin and must never load the engine (Tribuo, Jetty, JGit); the"
                        + " engine is a library without command line or HTTP server; the contract is the ground floor")
                .check(CLASSES);
    }

    @Test
    void shouldHaveNoCyclesBetweenTheModulesPackages() {
        slices().matching("io.mlops.(*).(*)..")
                .should()
                .beFreeOfCycles()
                .because("packages depend one way, so each can be understood and changed on its own")
                .check(CLASSES);
    }
}
