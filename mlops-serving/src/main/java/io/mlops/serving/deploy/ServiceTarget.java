package io.mlops.serving.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops.contract.Json;
import io.mlops.contract.MlopsException;
import io.mlops.engine.io.AtomicFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Deploys to a running prediction service by hot swap through its admin API. The bundle is first
 * staged into a folder the service can read; the admin token is sent as a bearer token and never
 * written anywhere.
 */
public final class ServiceTarget implements DeploymentTarget {
    private static final ObjectMapper JSON = Json.mapper();

    private final URI base;
    private final String adminToken;
    private final String predictToken;
    private final Path staging;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Creates the target.
     *
     * @param base         the service's base URL, e.g. {@code http://127.0.0.1:8080}
     * @param adminToken   the admin token
     * @param predictToken the prediction token, or {@code null}
     * @param staging      a folder the service can read, where bundles are staged
     */
    public ServiceTarget(final URI base, final String adminToken, final String predictToken, final Path staging) {
        if (base.getRawUserInfo() != null) {
            // refused rather than stripped: the user meant to authenticate, and a URL is printed and stored
            throw new MlopsException("service URL with user info (user:password@) refused: it would be printed and"
                    + " stored; give the admin token in MLOPS_ADMIN_TOKEN instead");
        }
        this.base = base;
        this.adminToken = adminToken;
        this.predictToken = predictToken;
        this.staging = staging;
    }

    @Override
    public Activation activate(final Path bundle, final String name, final String version) {
        Path staged = staging.resolve(
                name + "-" + version + "-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            copyBundle(bundle, staged);
        } catch (IOException exception) {
            throw new MlopsException(staging + ": cannot stage the model bundle: " + exception.getMessage(), exception);
        }
        try {
            admin(
                    "/v1/admin/swap",
                    Map.of("bundle", staged.toAbsolutePath().toString(), "name", name, "version", version));
        } catch (MlopsException exception) {
            AtomicFiles.deleteQuietly(staged);
            throw exception;
        }
        return new Activation(base.resolve("/v1/predict"), predictToken, base.toString());
    }

    @Override
    public void rollback(final Activation activation) {
        admin("/v1/admin/rollback", Map.of());
    }

    @Override
    public void release(final Activation activation) {
        // the service keeps running; nothing to release
    }

    @Override
    public String describe() {
        return "service " + base;
    }

    private void admin(final String path, final Map<String, String> body) {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(base.resolve(path))
                            .timeout(Duration.ofSeconds(120))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + adminToken)
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new MlopsException(base.resolve(path) + ": HTTP " + response.statusCode() + ": "
                        + JSON.readTree(response.body()).path("error").asText(response.body()));
            }
        } catch (IOException exception) {
            throw new MlopsException(
                    base.resolve(path) + ": service not reachable: " + exception.getMessage(), exception);
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            throw new MlopsException(base.resolve(path) + ": interrupted", exception);
        }
    }

    static void copyBundle(final Path bundle, final Path target) throws IOException {
        Path source =
                Files.isDirectory(bundle) ? bundle : bundle.toAbsolutePath().getParent();
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.createDirectories(temp);
        try (var files = Files.list(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, temp.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        AtomicFiles.move(temp, target);
    }
}
