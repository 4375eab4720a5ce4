package io.jenkins.plugins.mlops.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.mlops.records.EngineDocuments;
import io.jenkins.plugins.mlops.records.GateSummary;
import io.jenkins.plugins.mlops.records.MlRunAction;
import io.jenkins.plugins.mlops.records.ModelVersionAction;
import io.jenkins.plugins.mlops.records.RunStore;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.report.ConfusionMatrixChart;
import io.mlops.report.LatencyChart;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

class BuildPageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path buildDir;

    private Job<?, ?> job;
    private Run<?, ?> run;
    private final List<MlRunAction> runs = new ArrayList<>();
    private final List<ModelVersionAction> versions = new ArrayList<>();

    @BeforeEach
    @SuppressWarnings({"unchecked", "rawtypes"})
    void setUp() {
        job = mock(Job.class);
        run = mock(Run.class);
        when(run.getActions(MlRunAction.class)).thenReturn((List) runs);
        when(run.getActions(ModelVersionAction.class)).thenReturn((List) versions);
        when(((Run) run).getParent()).thenReturn(job);
        when(run.getNumber()).thenReturn(12);
    }

    private MlRunAction store(String functionName, String json) throws Exception {
        RunMetadata metadata = RunStore.parse("test", json);
        new RunStore(buildDir.toFile()).write(metadata, json);
        MlRunAction action = new MlRunAction(functionName, metadata.runId(), null, buildDir.toFile());
        runs.add(action);
        return action;
    }

    private void storeTrainEvaluateDeploy() throws Exception {
        store("mlTrain", EngineDocuments.train("train-1"));
        store("mlEvaluate", EngineDocuments.evaluate("evaluate-1", "UNSTABLE"));
        store("mlDeploy", EngineDocuments.deploy("deploy-1", true));
    }

    /** Runs a response as Stapler would and returns status, headers and body. */
    private static Served serve(HttpResponse response) throws Exception {
        StaplerResponse2 rsp = mock(StaplerResponse2.class);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> headers = new HashMap<>();
        int[] status = {0};
        when(rsp.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {}

            @Override
            public void write(int b) {
                body.write(b);
            }
        });
        org.mockito.Mockito.doAnswer(call -> status[0] = call.getArgument(0))
                .when(rsp)
                .setStatus(org.mockito.ArgumentMatchers.anyInt());
        org.mockito.Mockito.doAnswer(call -> headers.put("Content-Type", call.getArgument(0)))
                .when(rsp)
                .setContentType(org.mockito.ArgumentMatchers.anyString());
        org.mockito.Mockito.doAnswer(call -> headers.put(call.getArgument(0), call.getArgument(1)))
                .when(rsp)
                .setHeader(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.anyString());
        response.generateResponse(mock(StaplerRequest2.class), rsp, null);
        return new Served(status[0], headers, JSON.readTree(body.toString(StandardCharsets.UTF_8)));
    }

    private record Served(int status, Map<String, String> headers, JsonNode body) {}

    @Test
    void shouldAddOnePageToABuildWithMlRecordsAndNoneToOtherBuilds() throws Exception {
        BuildPageFactory factory = new BuildPageFactory();
        assertThat(factory.actionType()).isEqualTo(BuildPage.class);
        assertThat(factory.createFor(run)).isEmpty();

        versions.add(ModelVersionAction.registered("receipts", 3, null, "ab", "me", "2026-12-01T00:00:00Z", null));

        assertThat(factory.createFor(run)).singleElement().isInstanceOfSatisfying(BuildPage.class, page -> {
            assertThat(page.getUrlName()).isEqualTo(BuildPage.URL_NAME).isEqualTo("ml");
            assertThat(page.getIconFileName()).isEqualTo("symbol-analytics");
            assertThat(page.getDisplayName()).isEqualTo("Machine learning");
            assertThat(page.getOwner()).isSameAs(run);
            assertThat(page.getModelVersions())
                    .extracting(ModelVersionAction::getReference)
                    .containsExactly("receipts@3");
        });

        runs.add(new MlRunAction("mlTrain", "gone", null, buildDir.toFile()));
        versions.clear();
        assertThat(factory.createFor(run)).hasSize(1);
    }

    @Test
    void shouldShowEachRunWithItsGatesDataLineageAndDeployment() throws Exception {
        storeTrainEvaluateDeploy();

        List<RunSection> sections = new BuildPage(run).getRuns();

        assertThat(sections)
                .extracting(RunSection::getFunctionName)
                .containsExactly("mlTrain", "mlEvaluate", "mlDeploy");
        RunSection evaluation = sections.get(1);
        RunMetadata evaluated = runs.get(1).getMetadata().orElseThrow();
        assertThat(evaluation.getGateOutcome()).isEqualTo("UNSTABLE");
        assertThat(evaluation.getGates())
                .extracting(GateSummary::getExpression, GateSummary::getCriticality, GateSummary::getStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("accuracy >= 0.0", "FAILURE", "PASSED"),
                        org.assertj.core.groups.Tuple.tuple("macroF1 >= 1.01 (unstable)", "UNSTABLE", "UNSTABLE"));
        assertThat(evaluation.getMetrics())
                .containsEntry("accuracy", evaluated.metrics().accuracy());
        assertThat(evaluation.getExamples()).isEqualTo(evaluated.metrics().examples());
        assertThat(evaluation.getModelCharts())
                .extracting(ChartView::getKey)
                .containsExactly(ChartKeys.CLASS_METRICS, ChartKeys.CONFUSION_MATRIX);
        assertThat(evaluation.getModelSha256()).isEqualTo(evaluated.model().sha256());

        RunSection training = sections.get(0);
        RunMetadata trained = runs.get(0).getMetadata().orElseThrow();
        DataSection data = training.getData().get(0);
        assertThat(data.getRole()).isEqualTo(RunMetadata.TRAIN_DATA);
        assertThat(data.getRows()).isEqualTo(trained.data().get("train").rows());
        assertThat(data.getInputs())
                .singleElement()
                .isEqualTo(List.of(
                        trained.data().get("train").file(),
                        trained.data().get("train").sha256(),
                        Long.toString(trained.data().get("train").rows())));
        assertThat(data.getColumns())
                .extracting(row -> row.get(0))
                .containsExactlyElementsOf(trained.data().get("train").columns().keySet());
        assertThat(data.getCharts()).isNotEmpty().allSatisfy(chart -> assertThat(chart.getKey())
                .startsWith("data/train/"));
        assertThat(training.getHyperparameters()).isEqualTo(trained.hyperparameters());
        assertThat(training.getEnvironment()).contains(trained.environment().mlops());

        RunSection deployment = sections.get(2);
        assertThat(deployment.getDeployment().getStatus()).isEqualTo("DEPLOYED");
        assertThat(deployment.getLatencyChart().getRows())
                .extracting(row -> row.get(0))
                .containsExactlyElementsOf(LatencyChart.PERCENTILES);
    }

    @Test
    void shouldShowTheConfusionMatrixAsATableWithTheChartModelsCounts() throws Exception {
        storeTrainEvaluateDeploy();

        ChartView matrix = new BuildPage(run).getRuns().get(1).getModelCharts().get(1);

        RunMetadata evaluated = runs.get(1).getMetadata().orElseThrow();
        List<String> labels = evaluated.metrics().confusionMatrix().labels();
        assertThat(matrix.getHeader()).containsExactlyElementsOf(concat("", labels));
        for (int row = 0; row < labels.size(); row++) {
            List<String> expected = new ArrayList<>(List.of(labels.get(row)));
            for (long count : evaluated.metrics().confusionMatrix().counts()[row]) {
                expected.add(Long.toString(count));
            }
            assertThat(matrix.getRows().get(row)).containsExactlyElementsOf(expected);
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    @Test
    void shouldServeEveryChartOfTheBuildAsJsonFromTheReportsChartModels() throws Exception {
        storeTrainEvaluateDeploy();

        Served served = serve(new BuildPage(run).doCharts(null, null));

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.headers())
                .containsEntry("Content-Type", "application/json;charset=UTF-8")
                .containsEntry("X-Content-Type-Options", "nosniff");
        JsonNode body = served.body();
        assertThat(body.path("build").asInt()).isEqualTo(12);
        assertThat(body.path("primary").asText()).isEqualTo("evaluate-1");
        assertThat(body.path("runs"))
                .extracting(r -> r.path("runId").asText())
                .containsExactly("train-1", "evaluate-1", "deploy-1");
        RunMetadata evaluated = runs.get(1).getMetadata().orElseThrow();
        JsonNode matrix = body.path("runs").get(1).path("charts").path(ChartKeys.CONFUSION_MATRIX);
        // the same models the standalone report draws, byte for byte
        assertThat(matrix.path("option").toString())
                .isEqualTo(ConfusionMatrixChart.of(evaluated.metrics().confusionMatrix())
                        .optionJson());
        assertThat(matrix.path("title").asText()).startsWith("confusion matrix");
        RunMetadata deployed = runs.get(2).getMetadata().orElseThrow();
        JsonNode latency = body.path("runs").get(2).path("charts").path(ChartKeys.LATENCY);
        assertThat(latency.path("option").toString())
                .isEqualTo(LatencyChart.of(deployed.deployment().load()).optionJson());
        assertThat(body.path("runs").get(0).path("charts").fieldNames())
                .toIterable()
                .contains(ChartKeys.CLASS_METRICS, ChartKeys.CONFUSION_MATRIX)
                .anyMatch(key -> key.startsWith("data/train/"));
    }

    @Test
    void shouldServeOneChartOfOneRun() throws Exception {
        storeTrainEvaluateDeploy();

        JsonNode body =
                serve(new BuildPage(run).doCharts("deploy-1", "latency")).body();

        assertThat(body.path("runs")).singleElement().satisfies(r -> {
            assertThat(r.path("runId").asText()).isEqualTo("deploy-1");
            assertThat(r.path("functionName").asText()).isEqualTo("mlDeploy");
            assertThat(r.path("charts").fieldNames()).toIterable().containsExactly("latency");
        });
    }

    @Test
    void shouldAnswerABadRequestWithAStatusAndAMessageNamingIt() throws Exception {
        storeTrainEvaluateDeploy();
        BuildPage page = new BuildPage(run);

        Served malformed = serve(page.doCharts(null, "../../config.xml"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("error").asText())
                .isEqualTo("chart must be confusion-matrix, class-metrics, latency or data/ROLE/COLUMN, not"
                        + " '../../config.xml'");

        Served control = serve(page.doCharts("a\u0000b", null));
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.body().path("error").asText()).startsWith("run must be the id of one of the build's");

        Served unknownRun = serve(page.doCharts("nope", null));
        assertThat(unknownRun.status()).isEqualTo(404);
        assertThat(unknownRun.body().path("error").asText())
                .isEqualTo("build #12 has no ML run 'nope'; its runs: train-1, evaluate-1, deploy-1");

        Served missingChart = serve(page.doCharts("evaluate-1", "latency"));
        assertThat(missingChart.status()).isEqualTo(404);
        assertThat(missingChart.body().path("error").asText())
                .isEqualTo("build #12 has no chart 'latency' in run 'evaluate-1'");
        assertThat(serve(page.doCharts(null, "data/test/nope")).status()).isEqualTo(404);
        assertThat(malformed.headers()).containsEntry("X-Content-Type-Options", "nosniff");
    }

    @Test
    void shouldServeAnEmptyDocumentForABuildWhoseRunMetadataIsGone() throws Exception {
        runs.add(new MlRunAction("mlTrain", "gone", null, buildDir.toFile()));

        BuildPage page = new BuildPage(run);
        JsonNode body = serve(page.doCharts(null, null)).body();

        assertThat(body.path("primary").isNull()).isTrue();
        assertThat(body.path("runs"))
                .singleElement()
                .satisfies(r -> assertThat(r.path("charts").size()).isZero());
        assertThat(page.getRuns()).singleElement().satisfies(section -> {
            assertThat(section.isAvailable()).isFalse();
            assertThat(section.getModelCharts()).isEmpty();
            assertThat(section.getData()).isEmpty();
        });
    }

    @Test
    void shouldNeedReadPermissionOnTheJobForTheCharts() throws Exception {
        storeTrainEvaluateDeploy();
        doThrow(new SecurityException("anonymous is missing the Job/Read permission"))
                .when(job)
                .checkPermission(Item.READ);

        assertThatThrownBy(() -> new BuildPage(run).doCharts(null, null))
                .isInstanceOf(SecurityException.class)
                .hasMessageContaining("Job/Read");
    }
}
