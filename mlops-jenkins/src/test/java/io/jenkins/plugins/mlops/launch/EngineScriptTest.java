package io.jenkins.plugins.mlops.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine runs with the build's environment, as {@code sh} does: variables of withEnv/withCredentials reach it,
 * and its Java is the build's {@code JAVA_HOME}, else the agent's, else {@code java} on the PATH.
 */
@Timeout(120)
class EngineScriptTest {
    private static Path engineJar;

    @TempDir
    Path root;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @BeforeAll
    static void buildEngine(@TempDir Path folder) throws Exception {
        engineJar = FakeEngineJar.build(folder);
    }

    private static String realJavaHome() {
        return System.getProperty("java.home");
    }

    private LaunchResult run(String agentJavaHome, Map<String, String> environment, String... arguments)
            throws Exception {
        Path workspace = Files.createDirectories(root.resolve("workspace"));
        EngineCall call = EngineCall.logged(List.of(arguments), null);
        String script = EngineScript.of(agentJavaHome, engineJar.toString(), call.arguments());
        return EngineMonitor.await(LocalEngine.start(workspace, script, environment, call), log);
    }

    private static Map<String, String> pathOnly() {
        return new HashMap<>(Map.of("PATH", "/usr/bin:/bin"));
    }

    private String log() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPassTheBuildEnvironmentToTheEngine() throws Exception {
        Map<String, String> environment = pathOnly();
        environment.put("MLOPS_TEST_SECRET", "s3cr3t-from-withCredentials");

        LaunchResult result = run(realJavaHome(), environment, "env", "MLOPS_TEST_SECRET");

        assertThat(result.outcome().exitCode()).isZero();
        assertThat(log())
                .contains("[mlops] MLOPS_TEST_SECRET has 27 characters")
                .doesNotContain("s3cr3t");
    }

    @Test
    void shouldTakeJavaFromTheBuildsJavaHome() throws Exception {
        Path jdk = root.resolve("tool-jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Path java = jdk.resolve("bin/java");
        Files.writeString(
                java,
                "#!/bin/sh\nexport MLOPS_TEST_JAVA=from-tool-installation\nexec '" + realJavaHome()
                        + "/bin/java' \"$@\"\n");
        java.toFile().setExecutable(true);
        Map<String, String> environment = pathOnly();
        environment.put("JAVA_HOME", jdk.toString());

        LaunchResult result = run("/no/agent/java", environment, "env", "MLOPS_TEST_JAVA");

        assertThat(result.outcome().exitCode()).isZero();
        assertThat(log()).contains("[mlops] MLOPS_TEST_JAVA has 22 characters");
    }

    @Test
    void shouldTakeTheAgentsJavaWithoutJavaHome() throws Exception {
        LaunchResult result = run(realJavaHome(), pathOnly(), "env", "JAVA_HOME");

        assertThat(result.outcome().exitCode()).isZero();
        assertThat(log()).contains("[mlops] JAVA_HOME is not set");
    }

    @Test
    void shouldSayWhenJavaHomeHasNoJava() throws Exception {
        Map<String, String> environment = pathOnly();
        environment.put("JAVA_HOME", root.toString());

        LaunchResult result = run(realJavaHome(), environment, "env", "X");

        assertThat(result.outcome().exitCode()).isEqualTo(EngineScript.NO_JAVA);
        assertThat(result.outcome().lastErrorLine())
                .isEqualTo("mlops: JAVA_HOME is '" + root + "', but it has no bin/java;"
                        + " set JAVA_HOME to a Java 17 or newer installation");
    }

    @Test
    void shouldSayWhenThereIsNoJavaAtAll() throws Exception {
        Path emptyBin = Files.createDirectories(root.resolve("bin"));
        Map<String, String> environment = new HashMap<>(Map.of("PATH", emptyBin.toString()));

        LaunchResult result = run("/no/agent/java", environment, "env", "X");

        assertThat(result.outcome().exitCode()).isEqualTo(EngineScript.NO_JAVA);
        assertThat(result.outcome().lastErrorLine())
                .startsWith("mlops: no Java to run the engine: JAVA_HOME is not set, the agent's Java (/no/agent/java)")
                .contains("set JAVA_HOME");
    }

    @Test
    void shouldPassEveryArgumentAsOneWordWhateverItHolds() throws Exception {
        String tricky = "it's a \"$HOME\" `date` ; rm -rf / \\ *";

        LaunchResult result = run(realJavaHome(), pathOnly(), "echo", tricky, "");

        assertThat(result.outcome().exitCode()).isZero();
        assertThat(log()).contains("arg 1: " + tricky, "arg 2: ", "args: 3");
    }
}
