package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.execution.TrainRequest;
import io.jenkins.plugins.mlops.execution.TrainRunner;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainStepTest {
    private static TrainStep receiptsStep() {
        TrainStep step = new TrainStep();
        step.setData("data/receipts.csv");
        step.setLabel("category");
        return step;
    }

    @Test
    void shouldRejectNegativeSeed() {
        TrainStep step = receiptsStep();
        step.setSeed(-1);

        assertThatThrownBy(step::toRequest)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("[mlTrain] 'seed' must be >= 0, got -1");
    }

    @Test
    void shouldRequireSpecOrDataAndLabel() {
        assertThatThrownBy(new TrainStep()::toRequest)
                .hasMessage("[mlTrain] either 'spec' or 'data' and 'label' must be given");

        TrainStep dataOnly = new TrainStep();
        dataOnly.setData("data/receipts.csv");
        assertThatThrownBy(dataOnly::toRequest).hasMessage("[mlTrain] 'label' must be given together with 'data'");

        TrainStep labelOnly = new TrainStep();
        labelOnly.setLabel("category");
        assertThatThrownBy(labelOnly::toRequest).hasMessage("[mlTrain] 'data' must be given together with 'label'");
    }

    @Test
    void shouldTreatBlankFormFieldsAsNotGiven() {
        TrainStep step = new TrainStep();
        step.setData("  ");
        step.setLabel("");

        assertThatThrownBy(step::toRequest).hasMessage("[mlTrain] either 'spec' or 'data' and 'label' must be given");
    }

    @Test
    void shouldRejectUnknownAlgorithm() {
        TrainStep step = receiptsStep();
        step.setAlgorithm("deep-magic");

        assertThatThrownBy(step::toRequest)
                .hasMessage(
                        "[mlTrain] 'algorithm' must be one of logistic, linear-svm, liblinear, cart, random-forest, xgboost, got 'deep-magic'");
    }

    @Test
    void shouldRejectTestFractionOutsideOpenUnitInterval() {
        TrainStep step = receiptsStep();
        step.setTestFraction(1.5);

        assertThatThrownBy(step::toRequest).hasMessage("[mlTrain] 'testFraction' must be > 0 and < 1, got 1.5");
    }

    @Test
    void shouldRejectTestDataTogetherWithTestFraction() {
        TrainStep step = receiptsStep();
        step.setTestData("data/test.csv");
        step.setTestFraction(0.2);

        assertThatThrownBy(step::toRequest).hasMessage("[mlTrain] give either 'testData' or 'testFraction', not both");
    }

    @Test
    void shouldRejectParamsThatAreNotScalars() {
        TrainStep step = receiptsStep();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("layers", new java.util.ArrayList<>(List.of(1, 2)));

        assertThatThrownBy(() -> step.setParams(StructsBinding.hyperParameters(params)))
                .hasMessage("[mlTrain] 'params.layers' must be a string, number or boolean, got ArrayList");
    }

    @Test
    void shouldBindTheIssueExampleToEngineArguments() {
        TrainStep step = receiptsStep();
        step.setAlgorithm("logistic");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("epochs", 10);
        params.put("learningRate", new BigDecimal("0.10"));
        step.setParams(StructsBinding.hyperParameters(params));
        step.setSeed(42);
        step.setOutput("model");

        TrainRequest request = step.toRequest();

        assertThat(request.metadata()).isEqualTo("model/run-metadata.json");
        assertThat(TrainRunner.command(request).arguments())
                .containsExactly(
                        "train",
                        "--data",
                        "data/receipts.csv",
                        "--label",
                        "category",
                        "--algorithm",
                        "logistic",
                        "--param",
                        "epochs=10",
                        "--param",
                        "learningRate=0.10",
                        "--seed",
                        "42",
                        "--output",
                        "model",
                        "--metadata",
                        "model/run-metadata.json");
    }

    @Test
    void shouldBindSpecFormWithDefaultMetadataFile() {
        TrainStep step = new TrainStep();
        step.setSpec("ml/train.yaml");
        step.setTestFraction(0.25);

        TrainRequest request = step.toRequest();

        assertThat(request.knownOutput()).isNull();
        assertThat(TrainRunner.command(request).arguments())
                .containsExactly(
                        "train",
                        "--spec",
                        "ml/train.yaml",
                        "--test-fraction",
                        "0.25",
                        "--metadata",
                        ".mlops/train-run-metadata.json");
    }

    @Test
    void shouldDefaultOutputAndMetadataWithoutSpec() {
        TrainRequest request = receiptsStep().toRequest();

        assertThat(request.knownOutput()).isEqualTo("model");
        assertThat(request.metadata()).isEqualTo("model/run-metadata.json");
    }

    @Test
    void shouldFailStartWithCleanAbortMessage() {
        TrainStep step = receiptsStep();
        step.setSeed(-1);

        assertThatThrownBy(() -> step.start(null))
                .isInstanceOf(AbortException.class)
                .hasMessage("[mlTrain] 'seed' must be >= 0, got -1");
    }

    @Test
    void shouldDescribeStepForPipeline() {
        TrainStep.DescriptorImpl descriptor = new TrainStep.DescriptorImpl();

        assertThat(descriptor.getFunctionName()).isEqualTo("mlTrain");
        assertThat(descriptor.getDisplayName()).isEqualTo("Train a machine-learning model (mlops)");
        assertThat(new java.util.HashSet<Object>(descriptor.getRequiredContext()))
                .containsExactlyInAnyOrder(Run.class, FilePath.class, Launcher.class, TaskListener.class);
    }
}
