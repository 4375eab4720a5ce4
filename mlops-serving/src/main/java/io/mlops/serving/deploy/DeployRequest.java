package io.mlops.serving.deploy;

import io.mlops.contract.deploy.LoadTestSpec;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to deploy and how to check it.
 *
 * @param bundle  the model bundle folder
 * @param name    the model name
 * @param version the version label
 * @param golden  golden requests (JSON Lines), or {@code null} to skip the integration check
 * @param load    the load test, or {@code null} to skip it
 */
public record DeployRequest(Path bundle, String name, String version, Path golden, LoadTestSpec load) {
    /**
     * Creates a request.
     */
    public DeployRequest {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }
}
