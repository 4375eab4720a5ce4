package io.jenkins.plugins.mlops.records;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The {@code deployment} part of a deploy run's metadata: status, target, golden-request check,
 * load test (latency percentiles, throughput, errors) and the reasons of a rollback.
 */
@ExportedBean(defaultVisibility = 2)
public final class DeploymentSummary {
    private final Map<String, Object> deployment;

    DeploymentSummary(Map<String, Object> deployment) {
        this.deployment = deployment;
    }

    /** @return DEPLOYED or ROLLED_BACK */
    @Exported
    public String getStatus() {
        return text(deployment.get("status"));
    }

    /** @return whether the model is deployed */
    public boolean isDeployed() {
        return "DEPLOYED".equals(getStatus());
    }

    /** @return the target, e.g. the service URL or the folder */
    @Exported(skipNull = true)
    public String getTarget() {
        return text(deployment.get("target"));
    }

    /** @return where the model was deployed, e.g. the release folder */
    @Exported(skipNull = true)
    public String getLocation() {
        return text(deployment.get("location"));
    }

    /** @return the deployed model name */
    @Exported(skipNull = true)
    public String getName() {
        return text(deployment.get("name"));
    }

    /** @return the deployed version label */
    @Exported(skipNull = true)
    public String getVersion() {
        return text(deployment.get("version"));
    }

    /** @return the number of golden requests, or {@code null} without a golden check */
    @Exported(skipNull = true)
    public Integer getGoldenTotal() {
        return integer(object("golden").get("total"));
    }

    /** @return the golden requests answered with the expected label, or {@code null} */
    @Exported(skipNull = true)
    public Integer getGoldenPassed() {
        return integer(object("golden").get("passed"));
    }

    /** @return the load test's requests sent, or {@code null} without a load test */
    @Exported(skipNull = true)
    public Integer getLoadSent() {
        return integer(object("load").get("sent"));
    }

    /** @return the load test's failed requests, or {@code null} */
    @Exported(skipNull = true)
    public Integer getLoadFailed() {
        return integer(object("load").get("failed"));
    }

    /** @return the load test's error rate, or {@code null} */
    @Exported(skipNull = true)
    public Double getErrorRate() {
        return number(object("load").get("errorRate"));
    }

    /** @return the load test's throughput in requests per second, or {@code null} */
    @Exported(skipNull = true)
    public Double getThroughput() {
        return number(object("load").get("throughput"));
    }

    /** @return the median latency in ms, or {@code null} */
    @Exported(skipNull = true)
    public Double getP50Ms() {
        return number(object("load").get("p50Ms"));
    }

    /** @return the 95th percentile latency in ms, or {@code null} */
    @Exported(skipNull = true)
    public Double getP95Ms() {
        return number(object("load").get("p95Ms"));
    }

    /** @return the 99th percentile latency in ms, or {@code null} */
    @Exported(skipNull = true)
    public Double getP99Ms() {
        return number(object("load").get("p99Ms"));
    }

    /** @return the largest latency in ms, or {@code null} */
    @Exported(skipNull = true)
    public Double getMaxMs() {
        return number(object("load").get("maxMs"));
    }

    /** @return whether the load test passed its gates, or {@code null} without a load test */
    @Exported(skipNull = true)
    public Boolean getLoadPassed() {
        return object("load").get("passed") instanceof Boolean b ? b : null;
    }

    /** @return why the deployment was rolled back; empty when it was not */
    @Exported
    public List<String> getReasons() {
        List<String> reasons = new ArrayList<>();
        if (deployment.get("reasons") instanceof List<?> list) {
            list.forEach(r -> reasons.add(String.valueOf(r)));
        }
        return reasons;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(String key) {
        return deployment.get(key) instanceof Map<?, ?> map ? (Map<String, Object>) map : Collections.emptyMap();
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Integer integer(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
