package io.mlops.serving.deploy;

import io.mlops.contract.Json;
import io.mlops.contract.MlopsException;
import io.mlops.contract.deploy.DeployResult;
import io.mlops.contract.deploy.DeployStatus;
import io.mlops.contract.deploy.GoldenResult;
import io.mlops.contract.deploy.LoadTestResult;
import io.mlops.contract.deploy.LoadTestSpec;
import io.mlops.engine.ProgressListener;
import io.mlops.engine.model.ModelStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Deploys a model bundle to a target, runs the integration check (golden requests) and the load test
 * against it, and rolls back automatically when any check fails.
 */
public final class Deployer {
    private final ProgressListener progress;

    /**
     * Creates a deployer.
     *
     * @param progress receives progress messages
     */
    public Deployer(final ProgressListener progress) {
        this.progress = progress;
    }

    /**
     * Deploys.
     *
     * @param request what to deploy and how to check it
     * @param target  where to
     * @return the outcome; {@link DeployResult#deployed()} is false after a rollback
     * @throws MlopsException for bad input (missing or corrupted bundle, unreadable golden file)
     */
    public DeployResult deploy(final DeployRequest request, final DeploymentTarget target) {
        new ModelStore().load(request.bundle());
        List<GoldenCheck.Golden> golden = request.golden() == null ? null : GoldenCheck.read(request.golden());
        progress.progress("deploying " + request.name() + " " + request.version() + " to " + target.describe());
        DeploymentTarget.Activation activation = target.activate(request.bundle(), request.name(), request.version());
        List<String> reasons = new ArrayList<>();
        GoldenResult goldenResult = null;
        LoadTestResult loadResult = null;
        try {
            if (golden != null) {
                progress.progress("integration check: " + golden.size() + " golden requests");
                goldenResult = new GoldenCheck().run(activation.endpoint(), activation.token(), golden);
                if (!goldenResult.ok()) {
                    reasons.add("integration check failed: "
                            + goldenResult.failures().size() + " of " + goldenResult.total()
                            + " golden requests wrong: "
                            + String.join(
                                    "; ",
                                    goldenResult
                                            .failures()
                                            .subList(
                                                    0,
                                                    Math.min(
                                                            3,
                                                            goldenResult
                                                                    .failures()
                                                                    .size()))));
                }
            }
            if (reasons.isEmpty() && request.load() != null) {
                LoadTestSpec spec = request.load();
                progress.progress(String.format(
                        Locale.ROOT,
                        "load test: %d requests/s for %d s (p99 <= %.1f ms, errors <= %.4f)",
                        spec.rps(),
                        spec.seconds(),
                        spec.p99Ms(),
                        spec.maxErrorRate()));
                List<String> bodies = new ArrayList<>();
                if (golden != null) {
                    for (GoldenCheck.Golden g : golden) {
                        bodies.add(Json.mapper().writeValueAsString(g.input()));
                    }
                }
                if (bodies.isEmpty()) {
                    throw new MlopsException("a load test needs request bodies: give golden requests too");
                }
                loadResult = new LoadTester().run(activation.endpoint(), activation.token(), bodies, spec);
                progress.progress(String.format(
                        Locale.ROOT,
                        "load test: %d sent, %d failed, %.0f/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms",
                        loadResult.sent(),
                        loadResult.failed(),
                        loadResult.throughput(),
                        loadResult.p50Ms(),
                        loadResult.p95Ms(),
                        loadResult.p99Ms()));
                if (loadResult.p99Ms() > spec.p99Ms()) {
                    reasons.add(String.format(
                            Locale.ROOT,
                            "load test failed: p99 latency %.2f ms > %.2f ms",
                            loadResult.p99Ms(),
                            spec.p99Ms()));
                }
                if (loadResult.errorRate() > spec.maxErrorRate()) {
                    reasons.add(String.format(
                            Locale.ROOT,
                            "load test failed: error rate %.4f > %.4f",
                            loadResult.errorRate(),
                            spec.maxErrorRate()));
                }
            }
        } catch (IOException exception) {
            reasons.add("check failed: " + exception.getMessage());
        } catch (RuntimeException exception) {
            reasons.add("check failed: " + exception.getMessage());
        }
        if (reasons.isEmpty()) {
            target.release(activation);
            progress.progress("deployed " + request.name() + " " + request.version() + " to " + activation.location());
            return new DeployResult(
                    DeployStatus.DEPLOYED,
                    target.describe(),
                    activation.location(),
                    request.name(),
                    request.version(),
                    goldenResult,
                    loadResult,
                    List.of());
        }
        reasons.forEach(reason -> progress.progress(reason));
        progress.progress("rolling back " + activation.location());
        target.rollback(activation);
        return new DeployResult(
                DeployStatus.ROLLED_BACK,
                target.describe(),
                activation.location(),
                request.name(),
                request.version(),
                goldenResult,
                loadResult,
                reasons);
    }
}
