package io.jenkins.plugins.mlops.history;

import hudson.model.Action;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.mlops.charts.TrendIndex;
import io.jenkins.plugins.mlops.pages.BuildPage;
import io.jenkins.plugins.mlops.pages.ChartLibrary;
import io.jenkins.plugins.mlops.records.MlRunAction;
import io.mlops.contract.metadata.RunMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ML run history of a job, {@code <job>/ml/}: a sortable table of its builds from the job's {@link TrendIndex}
 * ({@code index.jelly}), and the comparison of two builds, {@code <job>/ml/compare?a=N&b=M} ({@code compare.jelly}),
 * from the run metadata the two builds stored. Every page needs {@link Item#READ} on the job. Created by
 * {@link JobHistoryFactory} for every job.
 */
public final class JobHistory implements Action {
    /** The action's URL below the job. */
    public static final String URL_NAME = "ml";
    /** The most builds the table lists. */
    public static final int MAX_BUILDS = 1000;

    private final Job<?, ?> job;

    /**
     * Creates the history of a job.
     *
     * @param job the job
     */
    public JobHistory(Job<?, ?> job) {
        this.job = job;
    }

    /** @return the job */
    public Job<?, ?> getOwner() {
        return job;
    }

    /** The side-panel link shows for jobs that have ML runs (one file check, no read); the URL works for any job. */
    @Override
    public String getIconFileName() {
        return job.hasPermission(Item.READ) && Files.exists(index().file()) ? "symbol-analytics" : null;
    }

    private TrendIndex index() {
        return new TrendIndex(job.getRootDir().toPath());
    }

    @Override
    public String getDisplayName() {
        return "ML runs";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** @return whether echarts-api is installed, so the comparison draws the confusion matrices as heatmaps */
    public boolean isChartsAvailable() {
        return ChartLibrary.isInstalled();
    }

    /** @return the URL name of a build's ML page, whose {@code charts} document the heatmaps draw */
    public String getBuildPageUrlName() {
        return BuildPage.URL_NAME;
    }

    /**
     * The table of the job's newest builds.
     *
     * @return the table, newest build first
     * @throws UncheckedIOException  if the index cannot be read
     * @throws IllegalStateException naming a line of the index that is not an index line
     */
    public HistoryTable getTable() {
        job.checkPermission(Item.READ);
        try {
            return HistoryTable.of(index().lines(MAX_BUILDS));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /**
     * The comparison page of two builds, as {@code compare.jelly} shows it.
     *
     * @param a parameter {@code a}: the reference build's number
     * @param b parameter {@code b}: the compared build's number
     * @return the comparison, or an error naming the parameter and value with status 400 or 404
     */
    public ComparisonPage compare(String a, String b) {
        job.checkPermission(Item.READ);
        return ComparisonPage.resolve(a, b, this::runs);
    }

    private Optional<List<RunMetadata>> runs(int number) {
        Run<?, ?> build = job.getBuildByNumber(number);
        if (build == null) {
            return Optional.empty();
        }
        List<RunMetadata> runs = new ArrayList<>();
        build.getActions(MlRunAction.class).forEach(run -> run.getMetadata().ifPresent(runs::add));
        return Optional.of(runs);
    }
}
