package io.mlops.contract.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a deployment, the {@code deployment} of a deploy run's metadata.
 *
 * @param status   whether the new version stayed
 * @param target   where it was deployed, without secrets
 * @param location the release folder or service URL
 * @param name     the model name
 * @param version  the version label
 * @param golden   the integration check, if run
 * @param load     the load test, if run
 * @param reasons  why it was rolled back; empty when deployed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeployResult(
        DeployStatus status,
        String target,
        String location,
        String name,
        String version,
        GoldenResult golden,
        LoadTestResult load,
        List<String> reasons) {
    /**
     * Creates a result.
     */
    public DeployResult {
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(target, "target == null");
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(version, "version == null");
        reasons = List.copyOf(reasons);
    }

    /** @return whether the new version stayed deployed */
    public boolean deployed() {
        return status == DeployStatus.DEPLOYED;
    }
}
