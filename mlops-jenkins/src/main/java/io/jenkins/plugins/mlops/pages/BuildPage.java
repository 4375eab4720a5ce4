package io.jenkins.plugins.mlops.pages;

import hudson.model.Action;
import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.mlops.Messages;
import io.jenkins.plugins.mlops.records.MlRunAction;
import io.jenkins.plugins.mlops.records.ModelVersionAction;
import java.util.List;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.QueryParameter;

/**
 * The ML page of a build, {@code <build>/ml/} ({@code index.jelly}): every ML run of the build with its charts,
 * gates, data fingerprints, lineage, deployment and retrain decision, and the registry versions it made. The charts'
 * models are served as JSON by {@code <build>/ml/charts} ({@link Item#READ} on the job) and drawn by the plugin's
 * {@code js/mlops-charts.js} with echarts-api's ECharts, an optional dependency: without it the page shows every number
 * as tables. Added by {@link BuildPageFactory} to builds with ML records; nothing is stored.
 */
public final class BuildPage implements Action {
    /** The page's URL below the build. */
    public static final String URL_NAME = "ml";

    private final Run<?, ?> run;

    /**
     * Creates the page of a build.
     *
     * @param run the build
     */
    public BuildPage(Run<?, ?> run) {
        this.run = run;
    }

    /** @return the build */
    public Run<?, ?> getOwner() {
        return run;
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return Messages.format("BuildPage.DisplayName");
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** @return each ML run of the build, in order */
    public List<RunSection> getRuns() {
        return run.getActions(MlRunAction.class).stream().map(RunSection::new).toList();
    }

    /** @return the registry versions and promotions of the build */
    public List<ModelVersionAction> getModelVersions() {
        return run.getActions(ModelVersionAction.class);
    }

    /** @return whether the echarts-api plugin is installed, so the page can draw its charts */
    public boolean isChartsAvailable() {
        return ChartLibrary.isInstalled();
    }

    /**
     * Serves the charts of the build as JSON ({@link ChartsDocument}): {@code GET <build>/ml/charts}, optionally
     * {@code ?run=RUN_ID} and {@code ?chart=KEY}.
     *
     * @param run   a run id of the build, or none for every run
     * @param chart a {@link ChartKeys chart key}, or none for every chart
     * @return 200 with the document, 400 naming a malformed parameter, 404 naming a run or chart the build lacks
     */
    public HttpResponse doCharts(@QueryParameter String run, @QueryParameter String chart) {
        this.run.getParent().checkPermission(Item.READ);
        ChartsDocument.Answer answer = document().answer(run, chart);
        return JsonResponse.of(answer.status(), answer.body());
    }

    ChartsDocument document() {
        return new ChartsDocument(
                run.getNumber(), getRuns().stream().map(RunSection::chartsEntry).toList());
    }
}
