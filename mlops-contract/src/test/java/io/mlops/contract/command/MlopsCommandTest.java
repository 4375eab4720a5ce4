package io.mlops.contract.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.MlopsException;
import io.mlops.contract.deploy.LoadTestSpec;
import io.mlops.contract.gates.Criticality;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MlopsCommandTest {
    @Test
    void shouldBuildTrainArgumentsInOrderAndLeaveOutWhatIsNotGiven() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("epochs", 10);
        params.put("learningRate", 0.1);

        MlopsCommand command = MlopsCommand.train()
                .data("data/train.csv")
                .label("category")
                .algorithm("logistic")
                .params(params)
                .seed(42L)
                .testFraction(0.25)
                .output("model")
                .metadata(null)
                .build();

        assertThat(command.arguments())
                .containsExactly(
                        "train",
                        "--data",
                        "data/train.csv",
                        "--label",
                        "category",
                        "--algorithm",
                        "logistic",
                        "--param",
                        "epochs=10",
                        "--param",
                        "learningRate=0.1",
                        "--seed",
                        "42",
                        "--test-fraction",
                        "0.25",
                        "--output",
                        "model");
    }

    @Test
    void shouldBuildEvaluateWithGatesBaselineAndCriticality() {
        MlopsCommand command = MlopsCommand.evaluate("model", "test.csv")
                .gates(List.of("accuracy >= 0.85 (failure)", "macroF1 >= baseline - 0.01"))
                .baseline("receipts@champion")
                .registry("/reg")
                .onGateFailure(Criticality.UNSTABLE)
                .metadata("eval.json")
                .build();

        assertThat(command.arguments())
                .containsExactly(
                        "evaluate",
                        "--model",
                        "model",
                        "--data",
                        "test.csv",
                        "--gate",
                        "accuracy >= 0.85 (failure)",
                        "--gate",
                        "macroF1 >= baseline - 0.01",
                        "--baseline",
                        "receipts@champion",
                        "--registry",
                        "/reg",
                        "--on-gate-failure",
                        "UNSTABLE",
                        "--metadata",
                        "eval.json");
    }

    @Test
    void shouldBuildRegistryCommands() {
        assertThat(MlopsCommand.register("model", "receipts")
                        .alias("candidate")
                        .by("ci")
                        .json()
                        .build()
                        .arguments())
                .containsExactly(
                        "register",
                        "--model",
                        "model",
                        "--name",
                        "receipts",
                        "--alias",
                        "candidate",
                        "--by",
                        "ci",
                        "--json");
        assertThat(MlopsCommand.promote("receipts", "champion", 3, "beat the baseline")
                        .json()
                        .build()
                        .arguments())
                .containsExactly(
                        "models", "alias", "receipts", "champion", "3", "--reason", "beat the baseline", "--json");
        assertThat(MlopsCommand.showModel("receipts@champion")
                        .registry("/reg")
                        .build()
                        .arguments())
                .containsExactly("models", "show", "receipts@champion", "--json", "--registry", "/reg");
    }

    @Test
    void shouldBuildDeployWithPlainNumbers() {
        MlopsCommand command = MlopsCommand.deploy("receipts@champion")
                .directory("releases")
                .golden("golden.jsonl")
                .load(new LoadTestSpec(50, 10, 50, 0.001))
                .build();

        assertThat(command.arguments())
                .containsExactly(
                        "deploy",
                        "--model",
                        "receipts@champion",
                        "--dir",
                        "releases",
                        "--golden",
                        "golden.jsonl",
                        "--rps",
                        "50",
                        "--seconds",
                        "10",
                        "--p99-ms",
                        "50",
                        "--max-error-rate",
                        "0.001");
    }

    @Test
    void shouldRefuseWhatTheEngineWouldRefuseBeforeAnythingStarts() {
        assertThatThrownBy(() -> new LoadTestSpec(10, 900, 50, 0.001))
                .isInstanceOf(MlopsException.class)
                .hasMessage("load test 'seconds' must be from 1 to 600, got 900");
        assertThatThrownBy(() -> MlopsCommand.register("model", "a/b"))
                .isInstanceOf(MlopsException.class)
                .hasMessageStartingWith("invalid model name 'a/b'");
        assertThatThrownBy(() -> MlopsCommand.promote("receipts", "latest", 1, "r"))
                .hasMessage("alias 'latest' is reserved: it always means the newest version");
        assertThatThrownBy(() -> MlopsCommand.promote("receipts", "champion", 0, "r"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("versions start at 1, got 0");
    }

    @Test
    void shouldPassTheCsvFormatOfTheDataFilesAndLeaveOutWhatIsDetected() {
        assertThat(MlopsCommand.evaluate("model", "test.csv")
                        .csvFormat(";", true, " windows-1252 ")
                        .build()
                        .arguments())
                .containsSubsequence("--delimiter", ";", "--decimal-comma", "true", "--encoding", "windows-1252");
        assertThat(MlopsCommand.retrainCheck("model")
                        .csvFormat("\t", false, null)
                        .build()
                        .arguments())
                .containsSubsequence("--delimiter", "tab")
                .doesNotContain("--decimal-comma", "--encoding");
        assertThat(MlopsCommand.train().csvFormat("\\t", false, null).build().arguments())
                .containsSubsequence("--delimiter", "tab");
        assertThat(MlopsCommand.train().csvFormat(null, false, null).build().arguments())
                .doesNotContain("--delimiter", "--decimal-comma", "--encoding");
    }

    @Test
    void shouldRefuseACsvFormatTheEngineWouldRefuse() {
        assertThatThrownBy(() -> MlopsCommand.train().csvFormat(";;", false, null))
                .isInstanceOf(MlopsException.class)
                .hasMessage("delimiter ';;' is not valid; expected one character such as ',' or ';' or 'tab', not a"
                        + " quote or a line break");
        assertThatThrownBy(() -> MlopsCommand.train().csvFormat(null, false, "latin-9000"))
                .hasMessage("encoding 'latin-9000' is not known; expected a name such as UTF-8, windows-1252 or"
                        + " ISO-8859-1");
        assertThatThrownBy(() -> MlopsCommand.evaluate("m", "d").csvFormat(",", true, null))
                .hasMessage("a decimal comma needs another field separator than ','; use delimiter ';' with"
                        + " decimalComma");
    }
}
