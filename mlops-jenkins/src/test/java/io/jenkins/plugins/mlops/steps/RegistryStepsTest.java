package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.mlops.execution.PromoteRequest;
import io.jenkins.plugins.mlops.execution.PromoteRunner;
import io.jenkins.plugins.mlops.execution.RegisterRequest;
import io.jenkins.plugins.mlops.execution.RegisterRunner;
import io.jenkins.plugins.mlops.execution.RegistrySettings;
import org.junit.jupiter.api.Test;

class RegistryStepsTest {
    @Test
    void shouldBindTheIssueExampleOfMlRegister() throws Exception {
        RegisterStep step = new RegisterStep("model/model.tribuo");
        step.setName("receipts");
        step.setAlias("challenger");

        RegisterRequest request = step.toRequest();

        assertThat(RegisterRunner.arguments(request, new RegistrySettings("/srv/registry", null, null)))
                .containsExactly(
                        "register",
                        "--model",
                        "model",
                        "--name",
                        "receipts",
                        "--alias",
                        "challenger",
                        "--registry",
                        "/srv/registry",
                        "--json");
    }

    @Test
    void shouldPreferTheStepsRegistryAndFallBackToTheDefaultName() throws Exception {
        RegisterStep step = new RegisterStep("out/bundle");
        step.setRegistry("/tmp/other");
        step.setBy("alice");

        assertThat(RegisterRunner.arguments(step.toRequest(), new RegistrySettings("/srv/registry", "receipts", null)))
                .containsExactly(
                        "register",
                        "--model",
                        "out/bundle",
                        "--name",
                        "receipts",
                        "--by",
                        "alice",
                        "--registry",
                        "/tmp/other",
                        "--json");
    }

    @Test
    void shouldRequireANameGivenOrConfigured() {
        RegisterRequest request = new RegisterStep("model").toRequest();

        assertThatThrownBy(() -> RegisterRunner.arguments(request, RegistrySettings.NONE))
                .isInstanceOf(io.jenkins.plugins.mlops.execution.StepFailure.class)
                .hasMessage(
                        "[mlRegister] 'name' must be given, or a default model name configured under Manage Jenkins > System > MLOps");
    }

    @Test
    void shouldRejectNamesAndAliasesTheRegistryRefuses() {
        RegisterStep step = new RegisterStep("model");
        step.setName("receipts/v2");
        assertThatThrownBy(step::toRequest)
                .hasMessage(
                        "[mlRegister] 'name': invalid model name 'receipts/v2': use 1 to 64 letters, digits, '.', '_'"
                                + " and '-', starting with a letter or digit");

        step.setName("receipts");
        step.setAlias("-champion");
        assertThatThrownBy(() -> step.start(null))
                .isInstanceOf(AbortException.class)
                .hasMessage("[mlRegister] 'alias': invalid alias '-champion': use 1 to 64 letters, digits, '.', '_' and"
                        + " '-', starting with a letter or digit");

        step.setAlias("a".repeat(65));
        assertThatThrownBy(step::toRequest).hasMessageContaining("'alias': invalid alias");
        step.setAlias("a".repeat(64));
        assertThat(step.toRequest().alias()).hasSize(64);
    }

    @Test
    void shouldRequireAModel() {
        assertThatThrownBy(new RegisterStep(" ")::toRequest).hasMessage("[mlRegister] 'model' must be given");
    }

    @Test
    void shouldBindMlPromoteWithChampionAsDefaultAlias() throws Exception {
        PromoteStep step = new PromoteStep(3, "beat the champion");
        step.setName("receipts");
        step.setBy("bob");

        PromoteRequest request = step.toRequest();

        assertThat(request.alias()).isEqualTo("champion");
        assertThat(PromoteRunner.arguments(request, new RegistrySettings("/srv/registry", null, null)))
                .containsExactly(
                        "models",
                        "alias",
                        "receipts",
                        "champion",
                        "3",
                        "--reason",
                        "beat the champion",
                        "--by",
                        "bob",
                        "--registry",
                        "/srv/registry",
                        "--json");
    }

    @Test
    void shouldRejectBadPromotions() {
        assertThatThrownBy(new PromoteStep(0, "x")::toRequest).hasMessage("[mlPromote] 'version' must be >= 1, got 0");
        assertThatThrownBy(new PromoteStep(2, " ")::toRequest)
                .hasMessage("[mlPromote] 'reason' must be given; it is written to the registry's audit log");
        PromoteStep step = new PromoteStep(2, "ok");
        step.setAlias("champ ion");
        assertThatThrownBy(step::toRequest).hasMessageContaining("[mlPromote] 'alias': invalid alias");
    }

    @Test
    void shouldValidateSnippetGeneratorFields() {
        assertThat(new PromoteStep.DescriptorImpl().getFunctionName()).isEqualTo("mlPromote");
        assertThat(new RegisterStep.DescriptorImpl().getFunctionName()).isEqualTo("mlRegister");
        assertThat(ArgumentChecks.version("x")).contains("'version' must be a whole number, got 'x'");
        assertThat(ArgumentChecks.version("0")).contains("'version' must be >= 1, got 0");
        assertThat(ArgumentChecks.version("4")).isEmpty();
        assertThat(ArgumentChecks.name("alias", "")).isEmpty();
        assertThat(ArgumentChecks.name("alias", "<b>")).isPresent();
    }

    @Test
    void shouldBindEvaluateRegistryArguments() {
        EvaluateStep step = new EvaluateStep("model");
        step.setData("data/test.csv");
        step.setBaseline("champion");
        step.setName("receipts");
        step.setRegistry("/srv/registry");

        assertThat(step.toRequest().name()).isEqualTo("receipts");
        assertThat(step.toRequest().registry()).isEqualTo("/srv/registry");
        step.setName("bad name");
        assertThatThrownBy(step::toRequest).hasMessageContaining("[mlEvaluate] 'name': invalid model name");
    }
}
