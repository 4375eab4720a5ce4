package io.mlops.serving.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The outcome of a deployment.
 *
 * @param status   {@code DEPLOYED}, or {@code ROLLED_BACK} when a check failed
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
        String status,
        String target,
        String location,
        String name,
        String version,
        GoldenCheck.Result golden,
        LoadTestResult load,
        List<String> reasons) {
    /** @return whether the new version stayed deployed */
    public boolean deployed() {
        return "DEPLOYED".equals(status);
    }
}
