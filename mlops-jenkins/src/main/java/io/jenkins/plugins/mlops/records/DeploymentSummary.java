package io.jenkins.plugins.mlops.records;

import io.mlops.contract.deploy.DeployResult;
import io.mlops.contract.deploy.GoldenResult;
import io.mlops.contract.deploy.LoadTestResult;
import io.mlops.contract.deploy.ServiceUrls;
import io.mlops.contract.text.Printable;
import java.util.List;
import java.util.function.Function;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The {@code deployment} of a deploy run, as the build page and {@code /api/json} show the contract's
 * {@link DeployResult}: status, target, golden-request check, load test (latency percentiles, throughput, errors) and
 * the reasons of a rollback. Texts that came from users or services are shown with control characters escaped and URLs
 * without user info.
 */
@ExportedBean(defaultVisibility = 2)
public final class DeploymentSummary {
    private final DeployResult deployment;

    DeploymentSummary(DeployResult deployment) {
        this.deployment = deployment;
    }

    /** @return DEPLOYED or ROLLED_BACK */
    @Exported
    public String getStatus() {
        return deployment.status().name();
    }

    /** @return whether the model is deployed */
    public boolean isDeployed() {
        return deployment.deployed();
    }

    /** @return the target, e.g. the service URL or the folder */
    @Exported(skipNull = true)
    public String getTarget() {
        return printable(deployment.target());
    }

    /** @return where the model was deployed, e.g. the release folder */
    @Exported(skipNull = true)
    public String getLocation() {
        return printable(deployment.location());
    }

    /** @return the deployed model name */
    @Exported(skipNull = true)
    public String getName() {
        return Printable.escape(deployment.name());
    }

    /** @return the deployed version label */
    @Exported(skipNull = true)
    public String getVersion() {
        return Printable.escape(deployment.version());
    }

    /** @return the number of golden requests, or {@code null} without a golden check */
    @Exported(skipNull = true)
    public Integer getGoldenTotal() {
        return golden(GoldenResult::total);
    }

    /** @return the golden requests answered with the expected label, or {@code null} */
    @Exported(skipNull = true)
    public Integer getGoldenPassed() {
        return golden(GoldenResult::passed);
    }

    /** @return the load test's requests sent, or {@code null} without a load test */
    @Exported(skipNull = true)
    public Long getLoadSent() {
        return load(LoadTestResult::sent);
    }

    /** @return the load test's failed requests, or {@code null} */
    @Exported(skipNull = true)
    public Long getLoadFailed() {
        return load(LoadTestResult::failed);
    }

    /** @return the load test's error rate, or {@code null} */
    @Exported(skipNull = true)
    public Double getErrorRate() {
        return load(LoadTestResult::errorRate);
    }

    /** @return the load test's throughput in requests per second, or {@code null} */
    @Exported(skipNull = true)
    public Double getThroughput() {
        return load(LoadTestResult::throughput);
    }

    /** @return the median latency in ms, or {@code null} */
    @Exported(skipNull = true)
    public Double getP50Ms() {
        return load(LoadTestResult::p50Ms);
    }

    /** @return the 95th percentile latency in ms, or {@code null} */
    @Exported(skipNull = true)
    public Double getP95Ms() {
        return load(LoadTestResult::p95Ms);
    }

    /** @return the 99th percentile latency in ms, or {@code null} */
    @Exported(skipNull = true)
    public Double getP99Ms() {
        return load(LoadTestResult::p99Ms);
    }

    /** @return the largest latency in ms, or {@code null} */
    @Exported(skipNull = true)
    public Double getMaxMs() {
        return load(LoadTestResult::maxMs);
    }

    /** @return whether the load test passed its gates, or {@code null} without a load test */
    @Exported(skipNull = true)
    public Boolean getLoadPassed() {
        return load(LoadTestResult::passed);
    }

    /** @return why the deployment was rolled back, control characters escaped; empty when it was not */
    @Exported
    public List<String> getReasons() {
        return deployment.reasons().stream().map(Printable::escape).toList();
    }

    private <T> T golden(Function<GoldenResult, T> value) {
        return deployment.golden() == null ? null : value.apply(deployment.golden());
    }

    private <T> T load(Function<LoadTestResult, T> value) {
        return deployment.load() == null ? null : value.apply(deployment.load());
    }

    private static String printable(String text) {
        return text == null ? null : Printable.escape(ServiceUrls.withoutUserInfo(text));
    }
}
