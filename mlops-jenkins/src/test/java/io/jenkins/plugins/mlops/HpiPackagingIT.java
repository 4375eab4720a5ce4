package io.jenkins.plugins.mlops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** Opens the built .hpi and checks it has what Jenkins needs to load the plugin. */
class HpiPackagingIT {
    /** Each at most the version in the shared Jenkins distribution (../shared/jenkins-dist/VERSIONS.md). */
    private static final String PLUGIN_DEPENDENCIES = "workflow-step-api:710.v3e456cc85233,"
            + "workflow-api:1336.vee415d95c521,structs:362.va_b_695ef4fdf9,credentials:1453.v9b_a_29777a_b_fd,"
            + "plain-credentials:199.v9f8e1f741799,jackson2-api:2.17.0-379.v02de8ec9f64c,"
            + "durable-task:581.v299a_5609d767,"
            // the trend chart needs echarts-api; without it the plugin loads and leaves the chart out
            + "echarts-api:6.0.0-1146.v5c8f3b_8f0573;resolution:=optional";
    /** The manifest entries maven-hpi-plugin writes into both the .hpi and the plugin's own jar. */
    private static final List<String> PLUGIN_MANIFEST = List.of(
            "Short-Name",
            "Long-Name",
            "Plugin-Version",
            "Jenkins-Version",
            "Hudson-Version",
            "Plugin-Dependencies",
            "Group-Id",
            "Artifact-Id",
            "Url",
            "Minimum-Java-Version",
            "Support-Dynamic-Loading",
            "Implementation-Version");

    private static Path pluginJar(ZipFile hpi) throws IOException {
        Path copy = Files.createTempFile("mlops", ".jar");
        Files.write(copy, read(hpi, "WEB-INF/lib/mlops.jar"));
        copy.toFile().deleteOnExit();
        return copy;
    }

    private static List<String> entries(ZipFile zip) {
        return zip.stream().map(ZipEntry::getName).toList();
    }

    private static List<String> libs(ZipFile hpi) {
        return entries(hpi).stream()
                .filter(n -> n.startsWith("WEB-INF/lib/") && n.endsWith(".jar"))
                .map(n -> n.substring("WEB-INF/lib/".length()))
                .toList();
    }

    private static byte[] read(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        return zip.getInputStream(entry).readAllBytes();
    }

    @Test
    void shouldWriteTheManifestEntriesOfMavenHpiPlugin() throws IOException {
        try (JarFile hpi = new JarFile(HpiFile.path().toFile())) {
            Attributes main = hpi.getManifest().getMainAttributes();

            assertThat(main.getValue("Manifest-Version")).isEqualTo("1.0");
            assertThat(main.getValue("Short-Name")).isEqualTo("mlops");
            assertThat(main.getValue("Long-Name")).isEqualTo("MLOps for Jenkins Pipelines");
            assertThat(main.getValue("Group-Id")).isEqualTo("io.jenkins.plugins.mlops");
            assertThat(main.getValue("Artifact-Id")).isEqualTo("mlops");
            assertThat(main.getValue("Plugin-Version"))
                    .isEqualTo(main.getValue("Implementation-Version"))
                    .isNotBlank();
            assertThat(main.getValue("Jenkins-Version")).isEqualTo("2.479.3");
            assertThat(main.getValue("Hudson-Version")).isEqualTo("2.479.3");
            assertThat(main.getValue("Minimum-Java-Version")).isEqualTo("17");
            assertThat(main.getValue("Plugin-Dependencies")).isEqualTo(PLUGIN_DEPENDENCIES);
            assertThat(main.getValue("Url")).startsWith("https://");
            assertThat(main.getValue("Plugin-Class")).isNull();
        }
    }

    @Test
    void shouldWriteThePluginManifestIntoThePluginJarSoJenkinsTrustsItsClasses() throws IOException {
        try (JarFile hpi = new JarFile(HpiFile.path().toFile());
                JarFile jar = new JarFile(pluginJar(hpi).toFile())) {
            Attributes plugin = jar.getManifest().getMainAttributes();
            Attributes outer = hpi.getManifest().getMainAttributes();

            for (String entry : PLUGIN_MANIFEST) {
                assertThat(plugin.getValue(entry))
                        .as(entry + " in WEB-INF/lib/mlops.jar")
                        .isNotBlank()
                        .isEqualTo(outer.getValue(entry));
            }
            assertThat(plugin.getValue("Short-Name")).isEqualTo("mlops");
            assertThat(plugin.getValue("Plugin-Dependencies")).isEqualTo(PLUGIN_DEPENDENCIES);
        }
    }

    @Test
    void shouldPutTheWebappFilesAtTheRootOfTheHpiWhereJenkinsServesThem() throws IOException {
        try (ZipFile hpi = new ZipFile(HpiFile.path().toFile())) {
            // served as ${resURL}/plugin/mlops/js/mlops-charts.js: the build page's charts need no inline script
            assertThat(entries(hpi)).contains("js/mlops-charts.js", "css/mlops-pages.css");
            assertThat(new String(
                            hpi.getInputStream(hpi.getEntry("js/mlops-charts.js"))
                                    .readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8))
                    .contains("data-mlops-charts-url");
        }
    }

    @Test
    void shouldKeepOnlyThePluginsOwnJarOnItsClassPathAndTheEngineAsOneResource() throws IOException {
        try (ZipFile hpi = new ZipFile(HpiFile.path().toFile())) {
            assertThat(libs(hpi)).containsExactly("mlops.jar");
            assertThat(entries(hpi)).noneMatch(n -> n.startsWith("WEB-INF/classes/"));
            try (JarFile jar = new JarFile(pluginJar(hpi).toFile())) {
                for (String name : entries(jar)) {
                    assertThat(name)
                            .as("only the plugin's own classes and resources, the contract's and the chart model's")
                            .matches("META-INF/.*|index\\.jelly|io/|io/jenkins/|io/jenkins/plugins/"
                                    + "|io/jenkins/plugins/mlops/.*|io/mlops/|io/mlops/contract/.*|io/mlops/report/.*")
                            .doesNotEndWith(".jar.jar");
                }
                ZipEntry engine = jar.getEntry("io/jenkins/plugins/mlops/launch/mlops-engine.jar");
                assertThat(engine).as("the engine distribution, one resource").isNotNull();
                try (JarInputStream engineJar = new JarInputStream(jar.getInputStream(engine))) {
                    List<String> classes = new java.util.ArrayList<>();
                    for (ZipEntry e = engineJar.getNextEntry(); e != null; e = engineJar.getNextEntry()) {
                        classes.add(e.getName());
                    }
                    assertThat(classes)
                            .contains("io/mlops/cli/Mlops.class")
                            .anyMatch(n -> n.startsWith("org/tribuo/"))
                            .anyMatch(n -> n.startsWith("com/fasterxml/jackson/databind/"));
                }
            }
        }
    }

    /**
     * The contract travels inside the plugin's own jar (JEP-200 trusts only classes of a jar with the plugin manifest,
     * and the plugin reads its run metadata with the contract's reader), while the engine never reaches the
     * controller's class path: no engine, Tribuo, Jetty or JGit class and no Jackson (jackson2-api provides it).
     */
    @Test
    void shouldCarryTheContractInThePluginJarAndNoEngineClass() throws IOException {
        try (ZipFile hpi = new ZipFile(HpiFile.path().toFile());
                JarFile jar = new JarFile(pluginJar(hpi).toFile())) {
            List<String> names = entries(jar);

            assertThat(names)
                    .contains(
                            "io/mlops/contract/metadata/RunMetadata.class",
                            "io/mlops/contract/metadata/RunMetadataReader.class",
                            "io/mlops/contract/gates/GateStatus.class",
                            "io/mlops/contract/ExitCode.class",
                            "io/mlops/contract/command/MlopsCommand.class",
                            "io/mlops/contract/metadata/run-metadata-1.schema.json");
            assertThat(names)
                    .as("nothing of the engine, the service or their libraries on the controller")
                    .noneMatch(n -> n.startsWith("io/mlops/engine/")
                            || n.startsWith("io/mlops/serving/")
                            || n.startsWith("io/mlops/cli/")
                            || n.startsWith("org/tribuo/")
                            || n.startsWith("org/eclipse/jetty/")
                            || n.startsWith("org/eclipse/jgit/")
                            || n.startsWith("com/fasterxml/"));
            assertThat(names)
                    .as("the chart model's classes are in the plugin's own jar too")
                    .contains("io/mlops/report/MetricTrend.class");
            assertThat(libs(hpi)).noneMatch(n -> n.startsWith("mlops-contract") || n.startsWith("mlops-report"));
        }
    }

    @Test
    void shouldCarryViewsAndTheExtensionIndexInThePluginJar() throws IOException {
        try (ZipFile hpi = new ZipFile(HpiFile.path().toFile())) {
            byte[] pluginJar = read(hpi, "WEB-INF/lib/mlops.jar");
            java.nio.file.Path copy = java.nio.file.Files.createTempFile("mlops", ".jar");
            java.nio.file.Files.write(copy, pluginJar);
            try (JarFile jar = new JarFile(copy.toFile())) {
                List<String> names = entries(jar);
                assertThat(names)
                        .contains(
                                "index.jelly",
                                "io/jenkins/plugins/mlops/steps/TrainStep/config.jelly",
                                "io/jenkins/plugins/mlops/steps/TrainStep/help.html",
                                "io/jenkins/plugins/mlops/steps/EvaluateStep/config.jelly",
                                "io/jenkins/plugins/mlops/steps/EvaluateStep/help.html",
                                "io/jenkins/plugins/mlops/records/MlRunAction/summary.jelly",
                                "io/jenkins/plugins/mlops/records/ModelVersionAction/summary.jelly",
                                "io/jenkins/plugins/mlops/config/MlopsGlobalConfiguration/config.jelly",
                                "io/jenkins/plugins/mlops/Messages.properties");
                for (String field : List.of(
                        "spec",
                        "data",
                        "label",
                        "algorithm",
                        "params",
                        "seed",
                        "testData",
                        "testFraction",
                        "output",
                        "metadata")) {
                    assertThat(names).contains("io/jenkins/plugins/mlops/steps/TrainStep/help-" + field + ".html");
                }
                for (String field : List.of(
                        "model", "data", "gates", "baseline", "onGateFailure", "metadata", "name", "registry")) {
                    assertThat(names).contains("io/jenkins/plugins/mlops/steps/EvaluateStep/help-" + field + ".html");
                }
                Map<String, List<String>> stepFields = Map.of(
                        "RegisterStep", List.of("model", "name", "alias", "registry", "by"),
                        "PromoteStep", List.of("name", "version", "alias", "reason", "registry", "by"),
                        "DeployStep",
                                List.of(
                                        "model",
                                        "target",
                                        "smoke",
                                        "load",
                                        "credentialsId",
                                        "name",
                                        "versionLabel",
                                        "registry",
                                        "metadata"));
                stepFields.forEach((step, fields) -> {
                    assertThat(names)
                            .contains(
                                    "io/jenkins/plugins/mlops/steps/" + step + "/config.jelly",
                                    "io/jenkins/plugins/mlops/steps/" + step + "/help.html");
                    fields.forEach(field -> assertThat(names)
                            .contains("io/jenkins/plugins/mlops/steps/" + step + "/help-" + field + ".html"));
                });
                for (String field : List.of("registry", "defaultModelName", "defaultCredentialsId")) {
                    assertThat(names)
                            .contains(
                                    "io/jenkins/plugins/mlops/config/MlopsGlobalConfiguration/help-" + field + ".html");
                }

                byte[] index = jar.getInputStream(jar.getEntry("META-INF/annotations/hudson.Extension"))
                        .readAllBytes();
                String text = new String(index, StandardCharsets.ISO_8859_1);
                assertThat(index[0] & 0xff)
                        .as("SezPoz index is a serialization stream")
                        .isEqualTo(0xac);
                assertThat(index[1] & 0xff).isEqualTo(0xed);
                assertThat(text)
                        .contains(
                                "net.java.sezpoz.impl.SerAnnotatedElement",
                                "io.jenkins.plugins.mlops.steps.TrainStep$DescriptorImpl",
                                "io.jenkins.plugins.mlops.steps.EvaluateStep$DescriptorImpl",
                                "io.jenkins.plugins.mlops.steps.RegisterStep$DescriptorImpl",
                                "io.jenkins.plugins.mlops.steps.PromoteStep$DescriptorImpl",
                                "io.jenkins.plugins.mlops.steps.DeployStep$DescriptorImpl",
                                "io.jenkins.plugins.mlops.config.MlopsGlobalConfiguration",
                                "dynamicLoadable",
                                "jenkins.YesNoMaybe");
                Manifest manifest = new JarFile(HpiFile.path().toFile()).getManifest();
                String human = new String(
                        jar.getInputStream(jar.getEntry("META-INF/annotations/hudson.Extension.txt"))
                                .readAllBytes(),
                        StandardCharsets.UTF_8);
                assertThat(human)
                        .contains(
                                "TrainStep$DescriptorImpl{dynamicLoadable=YES}",
                                "EvaluateStep$DescriptorImpl{dynamicLoadable=YES}",
                                "RegisterStep$DescriptorImpl{dynamicLoadable=YES}",
                                "PromoteStep$DescriptorImpl{dynamicLoadable=YES}",
                                "DeployStep$DescriptorImpl{dynamicLoadable=YES}",
                                "MlopsGlobalConfiguration{dynamicLoadable=YES}");
                // structs finds @Symbol("mlops") (Configuration as Code: unclassified: mlops:) only through this index
                String symbols = new String(
                        jar.getInputStream(jar.getEntry("META-INF/services/annotations/org.jenkinsci.Symbol"))
                                .readAllBytes(),
                        StandardCharsets.UTF_8);
                assertThat(symbols.lines().toList())
                        .containsExactly(
                                "io.jenkins.plugins.mlops.config.MlopsGlobalConfiguration",
                                "io.jenkins.plugins.mlops.steps.RetrainCheckStep$DescriptorImpl",
                                "io.jenkins.plugins.mlops.steps.RetrainWhenStep$DescriptorImpl",
                                "io.jenkins.plugins.mlops.triggers.DataChangedTrigger$DescriptorImpl",
                                "io.jenkins.plugins.mlops.triggers.ModelDecayTrigger$DescriptorImpl");
                assertThat(manifest.getMainAttributes().getValue("Support-Dynamic-Loading"))
                        .as("all extensions are dynamicLoadable=YES")
                        .isEqualTo("true");
            } finally {
                java.nio.file.Files.delete(copy);
            }
        }
    }
}
