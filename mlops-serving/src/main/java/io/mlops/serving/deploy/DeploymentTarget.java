package io.mlops.serving.deploy;

import java.net.URI;
import java.nio.file.Path;

/** Where a model is deployed to, and how a deployment is undone. */
public interface DeploymentTarget {
    /**
     * A deployment that has been switched in and can be checked, kept or rolled back.
     *
     * @param endpoint the prediction URL to check the deployment at
     * @param token    the bearer token for predictions there, or {@code null}
     * @param location where the deployment is (release folder or service URL)
     */
    record Activation(URI endpoint, String token, String location) {}

    /**
     * Switches a model bundle in.
     *
     * @param bundle  the model bundle folder
     * @param name    the model name
     * @param version the version label
     * @return the activation
     */
    Activation activate(Path bundle, String name, String version);

    /**
     * Undoes an activation, returning to what was there before.
     *
     * @param activation the activation
     */
    void rollback(Activation activation);

    /**
     * Releases what checking needed (such as a temporary service instance); called after the checks,
     * whatever their outcome.
     *
     * @param activation the activation
     */
    void release(Activation activation);

    /** @return a description for logs and metadata, without secrets */
    String describe();
}
