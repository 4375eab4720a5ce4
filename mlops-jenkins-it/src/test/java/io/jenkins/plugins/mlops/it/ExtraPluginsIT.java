package io.jenkins.plugins.mlops.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlops.it.harness.FinishedBuild;
import io.jenkins.plugins.mlops.it.harness.JenkinsDistribution;
import io.jenkins.plugins.mlops.it.harness.MlopsJenkins;
import io.jenkins.plugins.mlops.it.harness.MlopsJenkinsExtension;
import io.jenkins.plugins.mlops.it.harness.PipelineJob;
import io.jenkins.plugins.mlops.it.harness.PluginManifest;
import io.jenkins.plugins.mlops.it.harness.PluginSet;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The plugins named by {@code MLOPS_JENKINS_EXTRA_PLUGINS} (built by {@code .ci/build-extra-plugins}, see
 * docs/jenkins-it.md) are loaded and active in the real Jenkins, and echarts-api serves its ECharts library. Skipped
 * with the reason when no extra plugins are given; either way, a job's page and build work (the optional chart
 * classes stay unloaded without echarts-api). With echarts-api, the job page shows the mlops metric trend and
 * {@code ml-trend/model} serves its model as JSON.
 */
@Order(0)
@ExtendWith(MlopsJenkinsExtension.class)
class ExtraPluginsIT {
    static final String TREND_JOB = "trend-chart";
    static final String PLAIN_JOB = "no-ml";
    private static MlopsJenkins jenkins;
    private static List<PluginManifest> extra;

    @BeforeAll
    static void setUp(MlopsJenkins started) {
        jenkins = started;
        extra = PluginManifest.extraPlugins();
    }

    private static void assumeExtraPlugins() {
        Assumptions.assumeFalse(
                extra.isEmpty(),
                "skipped: " + JenkinsDistribution.EXTRA_PLUGINS_VARIABLE
                        + " names no plugins (build them with .ci/build-extra-plugins OUT, see docs/jenkins-it.md)");
    }

    @Test
    void shouldServeJobsWhetherOrNotEchartsApiIsThere() {
        jenkins.createBuiltInJob(PLAIN_JOB, new PipelineJob("node('built-in') { echo 'no ML here' }"));
        FinishedBuild build = jenkins.run(PLAIN_JOB, Map.of());

        assertThat(build.result()).as("%s", build).isEqualTo("SUCCESS");
        assertThat(jenkins.client().getText("job/" + PLAIN_JOB + "/")).doesNotContain("Caused by:");
        assertThat(jenkins.controller().tail())
                .as("the optional chart classes stay unloaded without echarts-api")
                .doesNotContain("NoClassDefFoundError: io/jenkins/plugins/echarts");
    }

    @Test
    void shouldHaveEveryDependencyOfTheExtraPlugins() {
        assumeExtraPlugins();
        JenkinsDistribution distribution = ((JenkinsDistribution.Found) JenkinsDistribution.locate(
                        System.getenv(),
                        Path.of(System.getProperty("mlops.repoRoot", "..")).toAbsolutePath()))
                .distribution();
        List<Path> all = new ArrayList<>(distribution.plugins());
        all.addAll(distribution.extraPlugins());
        PluginSet set = new PluginSet(all);

        assertThat(extra).allSatisfy(plugin -> assertThat(set.missingDependencies(plugin.shortName()))
                .as("dependencies of %s", plugin.file())
                .isEmpty());
    }

    @Test
    void shouldLoadEveryExtraPluginActiveAtItsVersion() {
        assumeExtraPlugins();
        JsonNode plugins =
                jenkins.client().json("pluginManager", "depth=1&tree=plugins[shortName,version,active,enabled]");
        Map<String, JsonNode> byName = new HashMap<>();
        plugins.path("plugins").forEach(p -> byName.put(p.path("shortName").asText(), p));

        assertThat(extra).allSatisfy(plugin -> {
            JsonNode loaded = byName.get(plugin.shortName());
            assertThat(loaded)
                    .as(
                            "%s is loaded (%s)",
                            plugin.shortName(), jenkins.controller().log())
                    .isNotNull();
            assertThat(loaded.path("active").asBoolean())
                    .as("%s is active", plugin.shortName())
                    .isTrue();
            assertThat(loaded.path("enabled").asBoolean())
                    .as("%s is enabled", plugin.shortName())
                    .isTrue();
            assertThat(loaded.path("version").asText()).isEqualTo(plugin.version());
        });
        String failed = jenkins.client()
                .script("jenkins.model.Jenkins.get().pluginManager.failedPlugins.each { println(it.name + ': '"
                        + " + it.cause) }\nnull");
        assertThat(failed).as("plugins Jenkins failed to load").isBlank();
    }

    @Test
    void shouldDrawTheJobsMetricTrendWithEchartsApi() throws Exception {
        assumeExtraPlugins();
        Assumptions.assumeTrue(
                extra.stream().anyMatch(p -> p.shortName().equals("echarts-api")),
                "skipped: echarts-api is not among the extra plugins");
        String script = String.join(
                "\n",
                "node('built-in') {",
                "  mlTrain(data: 'data/receipts.csv', label: 'category', algorithm: 'logistic', params: [epochs: 3],",
                "          seed: 7, output: 'model')",
                "  mlEvaluate(model: 'model', data: 'data/test.csv', gates: ['accuracy >= 0.5'])",
                "}");
        jenkins.createBuiltInJob(TREND_JOB, new PipelineJob(script));
        FinishedBuild first = jenkins.run(TREND_JOB, Map.of());
        FinishedBuild second = jenkins.run(TREND_JOB, Map.of());
        assertThat(second.result()).as("%s", second).isEqualTo("SUCCESS");
        assertThat(first.result()).as("%s", first).isEqualTo("SUCCESS");

        assertThat(jenkins.controller().home().resolve("jobs/" + TREND_JOB + "/mlops-trend.jsonl"))
                .content()
                .hasLineCount(2);
        String page = jenkins.client().getText("job/" + TREND_JOB + "/");
        assertThat(page)
                .contains("echarts-api-trend-chart-data-holder", "ML metrics")
                .doesNotContain("Caused by:");
        HttpResponse<String> model = jenkins.client().get("job/" + TREND_JOB + "/ml-trend/model");
        assertThat(model.statusCode()).isEqualTo(200);
        assertThat(model.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode json = new ObjectMapper().readTree(model.body());
        assertThat(json.path("domainAxisLabels")).extracting(JsonNode::asText).containsExactly("#1", "#2");
        assertThat(json.path("series")).extracting(s -> s.path("name").asText()).contains("accuracy", "accuracy gate");
        HttpResponse<String> bad = jenkins.client().get("job/" + TREND_JOB + "/ml-trend/model?builds=many");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("builds must be a whole number, not 'many'");
    }

    @Test
    void shouldServeTheEChartsLibraryOfEchartsApi() {
        assumeExtraPlugins();
        Assumptions.assumeTrue(
                extra.stream().anyMatch(p -> p.shortName().equals("echarts-api")),
                "skipped: echarts-api is not among the extra plugins");

        HttpResponse<String> script = jenkins.client().get("plugin/echarts-api/js/echarts.min.js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).hasSizeGreaterThan(100_000).contains("echarts");
    }
}
