package io.jenkins.plugins.mlops.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.jenkins.plugins.mlops.launch.ProcessOutcome;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryRunnersTest {
    private static final String VERSION_JSON =
            """
            {"formatVersion": 1, "name": "receipts", "version": 3,
             "model": {"sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "blob": "blobs/9f", "size": 1200},
             "registeredBy": "jenkins", "registeredAt": "2026-11-27T10:00:00Z",
             "build": {"job": "receipts/main", "number": "17", "url": "http://jenkins/job/receipts/job/main/17/"}}
            """;

    @TempDir
    Path workspace;

    @TempDir
    Path buildDir;

    private FakeBuildContext commandPrints(int exitCode, String errorLine, String output) {
        return new FakeBuildContext(
                workspace, buildDir, (FakeBuildContext.FullLaunch) (arguments, metadataPath, environment, capture) -> {
                    assertThat(capture)
                            .as("--json output is captured, not logged")
                            .isTrue();
                    assertThat(metadataPath).isNull();
                    return new LaunchResult(
                            new ProcessOutcome(exitCode, errorLine), null, workspace.toString(), output);
                });
    }

    @Test
    void shouldRegisterAndRecordTheVersionOnTheBuild() throws Exception {
        FakeBuildContext build = commandPrints(0, "", VERSION_JSON);
        build.settings = new RegistrySettings("/srv/registry", null, null);

        Map<String, Object> result = new RegisterRunner(build)
                .run(new RegisterRequest("model/model.tribuo", "receipts", "challenger", null, null));

        assertThat(build.launches)
                .containsExactly(java.util.List.of(
                        "register",
                        "--model",
                        "model",
                        "--name",
                        "receipts",
                        "--alias",
                        "challenger",
                        "--registry",
                        "/srv/registry",
                        "--json"));
        assertThat(build.environments).singleElement().satisfies(env -> assertThat(env)
                .containsEntry("JOB_NAME", "receipts/main")
                .containsEntry("BUILD_NUMBER", "17")
                .containsEntry("BUILD_URL", "http://jenkins/job/receipts/job/main/17/"));
        assertThat(result)
                .containsEntry("reference", "receipts@3")
                .containsEntry("version", 3)
                .containsEntry("registeredBy", "jenkins");
        assertThat(build.versionActions).singleElement().satisfies(a -> {
            assertThat(a.getFunctionName()).isEqualTo("mlRegister");
            assertThat(a.getReference()).isEqualTo("receipts@3");
            assertThat(a.getAlias()).isEqualTo("challenger");
            assertThat(a.getModelSha256()).startsWith("9f86d0");
            assertThat(a.getRegistry()).isEqualTo("/srv/registry");
            assertThat(a.isPromotion()).isFalse();
        });
        assertThat(build.descriptions).containsExactly("receipts@3 (challenger)");
        assertThat(build.log())
                .contains(
                        "[mlRegister] mlops register --model model --name receipts",
                        "[mlRegister] registered receipts@3 as challenger")
                .doesNotContain("formatVersion");
    }

    @Test
    void shouldFailWithTheCommandsMessage() {
        FakeBuildContext build = commandPrints(3, "mlops: model: model bundle folder not found", "");
        build.settings = new RegistrySettings(null, "receipts", null);

        assertThatThrownBy(() -> new RegisterRunner(build).run(new RegisterRequest("model", null, null, null, null)))
                .isInstanceOf(StepFailure.class)
                .hasMessage("[mlRegister] model: model bundle folder not found (mlops exit code 3: bad input)");
        assertThat(build.versionActions).isEmpty();
        assertThat(build.descriptions).isEmpty();
    }

    @Test
    void shouldFailOnOutputThatIsNoJson() {
        FakeBuildContext build = commandPrints(0, "", "registered receipts@3");

        assertThatThrownBy(
                        () -> new RegisterRunner(build).run(new RegisterRequest("model", "receipts", null, null, null)))
                .hasMessageStartingWith("[mlRegister] mlops printed no JSON object");
    }

    @Test
    void shouldRecordTheUserWhoStartedTheBuildWhenNoOneIsNamed() throws Exception {
        FakeBuildContext build = commandPrints(0, "", VERSION_JSON);
        build.startedBy = "alice";
        FakeBuildContext promotion = commandPrints(
                0,
                "",
                """
                {"seq": 4, "at": "2026-11-27T10:05:00Z", "by": "alice", "alias": "champion", "to": 3,
                 "reason": "approved"}
                """);
        promotion.startedBy = "alice";

        new RegisterRunner(build).run(new RegisterRequest("model", "receipts", null, "/r", null));
        new RegisterRunner(build).run(new RegisterRequest("model", "receipts", null, "/r", "bob"));
        new PromoteRunner(promotion).run(new PromoteRequest("receipts", 3, "champion", "approved", "/r", null));

        assertThat(build.launches.get(0)).containsSubsequence("--by", "alice");
        assertThat(build.launches.get(1)).containsSubsequence("--by", "bob").doesNotContain("alice");
        assertThat(promotion.launches.get(0)).containsSubsequence("--by", "alice");
    }

    @Test
    void shouldLeaveByToTheCommandWhenNoUserStartedTheBuild() throws Exception {
        FakeBuildContext build = commandPrints(0, "", VERSION_JSON);

        new RegisterRunner(build).run(new RegisterRequest("model", "receipts", null, "/r", null));

        assertThat(build.launches.get(0)).doesNotContain("--by");
    }

    @Test
    void shouldPromoteAndRecordTheAliasMove() throws Exception {
        FakeBuildContext build = commandPrints(
                0,
                "",
                """
                {"seq": 4, "at": "2026-11-27T10:05:00Z", "by": "carol", "alias": "champion", "from": 2, "to": 3,
                 "reason": "approved"}
                """);

        Map<String, Object> result =
                new PromoteRunner(build).run(new PromoteRequest("receipts", 3, "champion", "approved", "/r", "carol"));

        assertThat(build.launches)
                .containsExactly(java.util.List.of(
                        "models",
                        "alias",
                        "receipts",
                        "champion",
                        "3",
                        "--reason",
                        "approved",
                        "--by",
                        "carol",
                        "--registry",
                        "/r",
                        "--json"));
        assertThat(result).containsEntry("reference", "receipts@3").containsEntry("from", 2);
        assertThat(build.versionActions).singleElement().satisfies(a -> {
            assertThat(a.isPromotion()).isTrue();
            assertThat(a.getPreviousVersion()).isEqualTo(2);
            assertThat(a.getBy()).isEqualTo("carol");
            assertThat(a.getReason()).isEqualTo("approved");
        });
        assertThat(build.descriptions).containsExactly("receipts@3 promoted to champion");
        assertThat(build.log()).contains("[mlPromote] receipts@champion -> version 3 (was 2)");
    }
}
