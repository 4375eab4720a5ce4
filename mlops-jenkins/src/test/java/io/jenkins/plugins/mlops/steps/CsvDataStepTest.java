package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.execution.CsvFormatArguments;
import io.jenkins.plugins.mlops.execution.EvaluateRunner;
import io.jenkins.plugins.mlops.execution.RegistrySettings;
import io.jenkins.plugins.mlops.execution.RetrainCheckRunner;
import io.jenkins.plugins.mlops.execution.TrainRunner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvDataStepTest {
    private static TrainStep train() {
        TrainStep step = new TrainStep();
        step.setData("data/belege.csv");
        step.setLabel("Kategorie");
        return step;
    }

    private static RetrainWhenStep retrain() {
        RetrainWhenStep step = new RetrainWhenStep("receipts@champion");
        step.setData(List.of("data/belege.csv"));
        return step;
    }

    private static <S extends CsvDataStep> S german(S step) {
        step.setDelimiter(" ; ");
        step.setDecimalComma(true);
        step.setEncoding(" windows-1252 ");
        return step;
    }

    @Test
    void shouldPassTheFormatOfEveryStepThatReadsDataToTheEngine() throws Exception {
        List<String> format = List.of("--delimiter", ";", "--decimal-comma", "true", "--encoding", "windows-1252");
        EvaluateStep evaluate = german(new EvaluateStep("model"));
        evaluate.setData("data/test.csv");

        assertThat(TrainRunner.command(german(train()).toRequest()).arguments()).containsSubsequence(format);
        assertThat(EvaluateRunner.command(evaluate.toRequest(), null, null).arguments())
                .containsSubsequence(format);
        assertThat(RetrainCheckRunner.arguments(german(retrain()).toRequest(), RegistrySettings.NONE))
                .containsSubsequence(format);
        assertThat(german(new RetrainCheckStep("model")).getDelimiter()).isEqualTo(";");
    }

    @Test
    void shouldLeaveTheFormatToDetectionWhenNoArgumentIsGiven() throws Exception {
        TrainStep step = train();
        step.setDelimiter("  ");
        step.setEncoding("");

        assertThat(step.toRequest().csvFormat()).isEqualTo(CsvFormatArguments.DETECT);
        assertThat(TrainRunner.command(step.toRequest()).arguments())
                .doesNotContain("--delimiter", "--decimal-comma", "--encoding");
    }

    @Test
    void shouldKeepATabTypedAsOneCharacter() throws Exception {
        RetrainWhenStep step = retrain();
        step.setDelimiter("\t");

        assertThat(step.getDelimiter()).isEqualTo("\t");
        assertThat(RetrainCheckRunner.arguments(step.toRequest(), RegistrySettings.NONE))
                .containsSubsequence("--delimiter", "tab");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                ";;||false|delimiter ';;' is not valid; expected one character such as ',' or ';' or 'tab', not a"
                        + " quote or a line break",
                "\"||false|delimiter '\"' is not valid; expected one character such as ',' or ';' or 'tab', not a"
                        + " quote or a line break",
                "|latin-9000|false|encoding 'latin-9000' is not known; expected a name such as UTF-8, windows-1252 or"
                        + " ISO-8859-1",
                ",||true|a decimal comma needs another field separator than ','; use delimiter ';' with decimalComma"
            })
    void shouldRefuseAFormatTheEngineWouldRefuseBeforeItStarts(
            String delimiter, String encoding, boolean decimalComma, String message) {
        EvaluateStep evaluate = new EvaluateStep("model");
        evaluate.setData("data/test.csv");
        Map<String, CsvDataStep> steps = Map.of("mlTrain", train(), "mlEvaluate", evaluate, "mlRetrainWhen", retrain());
        steps.forEach((function, step) -> {
            step.setDelimiter(delimiter);
            step.setEncoding(encoding);
            step.setDecimalComma(decimalComma);

            assertThatThrownBy(() -> step.csvFormat(function))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("[" + function + "] " + message);
        });
        TrainStep step = train();
        step.setDelimiter(delimiter);
        step.setEncoding(encoding);
        step.setDecimalComma(decimalComma);
        assertThatThrownBy(step::toRequest).hasMessage("[mlTrain] " + message);
    }

    @Test
    void shouldCheckTheFormatFieldsOfTheSnippetGeneratorByTheSameRules() {
        assertThat(ArgumentChecks.delimiter(";;"))
                .contains("delimiter ';;' is not valid; expected one character such"
                        + " as ',' or ';' or 'tab', not a quote or a line break");
        assertThat(ArgumentChecks.delimiter("tab")).isEmpty();
        assertThat(ArgumentChecks.delimiter("\t")).isEmpty();
        assertThat(ArgumentChecks.delimiter(" ")).isEmpty();
        assertThat(ArgumentChecks.delimiter("")).isEmpty();
        assertThat(ArgumentChecks.encoding("latin-9000"))
                .contains("encoding 'latin-9000' is not known; expected a"
                        + " name such as UTF-8, windows-1252 or ISO-8859-1");
        assertThat(ArgumentChecks.encoding(" ISO-8859-1 ")).isEmpty();
    }
}
