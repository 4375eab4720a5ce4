package io.jenkins.plugins.mlops.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.HpiFile;
import io.jenkins.plugins.mlops.records.EngineDocuments;
import io.mlops.contract.ExitCode;
import io.mlops.contract.gates.BuildResult;
import io.mlops.contract.gates.Criticality;
import io.mlops.contract.gates.GateStatus;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 10's "done when": the same gates give the same result in Jenkins and on the command line. Each case runs the
 * engine the plugin ships (the .hpi's engine jar) twice with the same model, data and gates: once as the {@code mlops}
 * command line, once through the plugin's {@code mlEvaluate} work (its own arguments, the engine started detached as on
 * an agent, the run recorded in a build). The plugin's build result must be what the command's exit code means.
 */
class GateParityIT {
    private static Path engineJar;

    @TempDir
    Path buildDir;

    @BeforeAll
    static void unpackEngine(@TempDir Path lib) throws IOException {
        engineJar = HpiFile.engineJar(lib);
    }

    @ParameterizedTest(name = "{0} with onGateFailure {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "accuracy >= 1.01 (failure)                  | UNSTABLE",
                "accuracy >= 1.01                            | UNSTABLE",
                "accuracy >= 1.01 (unstable)                 | FAILURE",
                "accuracy >= 1.01                            | FAILURE",
                "accuracy >= 0.5                             | UNSTABLE",
                "accuracy >= 0.5; macroF1 >= 1.01 (unstable) | FAILURE",
                "accuracy >= 1.01 (failure); macroF1 >= 1.01 | UNSTABLE",
                "accuracy >= baseline - 0.01                 | FAILURE",
            })
    void shouldGiveTheSameResultInJenkinsAsTheCommandLinesExitCodeMeans(String gateList, Criticality onGateFailure)
            throws Exception {
        Path data = EngineDocuments.folder();
        List<String> gates =
                Arrays.stream(gateList.split(";")).map(String::strip).toList();
        EvaluateRequest request = new EvaluateRequest(
                EngineDocuments.trainedModel().toString(),
                data.resolve("test.csv").toString(),
                gates,
                null,
                onGateFailure,
                ".mlops/evaluate-run-metadata.json");

        int exitCode = commandLine(EvaluateRunner.command(request, null, null).arguments());

        Path workspace = Files.createTempDirectory(buildDir, "ws");
        FakeBuildContext build = new FakeBuildContext(workspace, buildDir, engineJar);
        BuildResult inJenkins;
        try {
            new EvaluateRunner(build).run(request);
            inJenkins = build.results.isEmpty() ? BuildResult.SUCCESS : build.results.get(build.results.size() - 1);
        } catch (StepFailure failure) {
            assertThat(build.results).as(failure.getMessage()).containsExactly(BuildResult.FAILURE);
            inJenkins = BuildResult.FAILURE;
        }

        assertThat(inJenkins)
                .as("exit code %d (%s) of mlops evaluate %s", exitCode, ExitCode.describe(exitCode), gates)
                .isEqualTo(meaning(exitCode));
    }

    /** What an exit code of {@code mlops evaluate} means for a build, by the contract's one mapping. */
    private static BuildResult meaning(int exitCode) {
        ExitCode code = ExitCode.of(exitCode);
        return Arrays.stream(GateStatus.values())
                .filter(status -> status.exitCode() == code)
                .map(GateStatus::buildResult)
                .findFirst()
                .orElseThrow(() -> new AssertionError("mlops evaluate exited " + exitCode + ": "
                        + ExitCode.describe(exitCode) + ", no gate outcome"));
    }

    /** Runs the shipped engine as the command line, as a user would, and returns its exit code. */
    private int commandLine(List<String> arguments) throws IOException, InterruptedException {
        Path workspace = Files.createTempDirectory(buildDir, "cli");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", engineJar.toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .directory(workspace.toFile())
                .redirectErrorStream(true)
                .redirectOutput(new File(workspace.toFile(), "out.txt"))
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("mlops evaluate ended")
                .isTrue();
        return process.exitValue();
    }
}
