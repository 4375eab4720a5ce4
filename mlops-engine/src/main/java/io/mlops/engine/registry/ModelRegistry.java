package io.mlops.engine.registry;

import io.mlops.contract.MlopsException;
import io.mlops.contract.registry.ModelRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A registry of named models with immutable, numbered versions, movable aliases with an audit log,
 * and lineage queries. {@link FileSystemRegistry} keeps it in a folder; other backends implement the same
 * interface. Problems with input (unknown names, invalid names, corrupted files) are {@link MlopsException}s.
 */
public interface ModelRegistry {
    /**
     * Registers a model bundle as the next version of a model (1 for a new model).
     *
     * @param registration the bundle, name and who registers it
     * @return the new version
     */
    ModelVersion register(Registration registration);

    /** @return every model, sorted by name */
    List<ModelSummary> models();

    /**
     * Lists the versions of a model.
     *
     * @param name the model
     * @return its versions, oldest first
     */
    List<ModelVersion> versions(String name);

    /**
     * Resolves a reference such as {@code name}, {@code name@7} or {@code name@champion}.
     *
     * @param ref the reference
     * @return the version
     */
    ModelVersion resolve(ModelRef ref);

    /**
     * Points an alias at a version, appending the move to the model's audit log.
     *
     * @param name    the model
     * @param alias   the alias
     * @param version the version
     * @param by      who moves it
     * @param reason  why
     * @return the audit entry
     */
    AliasMove setAlias(String name, String alias, int version, String by, String reason);

    /**
     * Returns the aliases of a model.
     *
     * @param name the model
     * @return alias to version, sorted by alias
     */
    Map<String, Integer> aliases(String name);

    /**
     * Returns the audit log of a model.
     *
     * @param name the model
     * @return every alias move, oldest first
     */
    List<AliasMove> auditLog(String name);

    /**
     * Compares two versions.
     *
     * @param name the model
     * @param from the first version
     * @param to   the second version
     * @return parameters and metrics of both, with deltas
     */
    VersionDiff diff(String name, int from, int to);

    /**
     * Returns where a version came from.
     *
     * @param ref the version
     * @return data, code and build, and the versions trained from the same data
     */
    Lineage lineage(ModelRef ref);

    /**
     * Finds the versions trained from a data file.
     *
     * @param dataSha256 the SHA-256 of the training data
     * @return the versions, by model name and version
     */
    List<ModelVersion> versionsTrainedFrom(String dataSha256);

    /**
     * Returns the model card of a version.
     *
     * @param version the version
     * @return the Markdown text
     */
    String modelCard(ModelVersion version);

    /**
     * Reads the model file of a version, verifying its SHA-256.
     *
     * @param version the version
     * @return the bytes of the model file
     * @throws MlopsException if the file is missing or its checksum differs
     */
    byte[] readModel(ModelVersion version);

    /**
     * Writes a version as a model bundle folder ({@code model.tribuo}, {@code bundle.json},
     * {@code run-metadata.json}, {@code MODEL_CARD.md}) atomically, after verifying the model's checksum.
     *
     * @param ref    the version
     * @param folder the bundle folder to write; must not exist or be empty
     * @return the version written
     */
    ModelVersion export(ModelRef ref, Path folder);

    /**
     * Records a deployment of a version (and, for a rollback, that its checks failed).
     *
     * @param name       the model
     * @param deployment the deployment
     */
    void recordDeployment(String name, Deployment deployment);

    /**
     * Returns what is deployed where.
     *
     * @param name the model
     * @return per target, the latest successful deployment
     */
    Map<String, Deployment> deployments(String name);

    /**
     * Returns every deployment and rollback of a model.
     *
     * @param name the model
     * @return oldest first
     */
    List<Deployment> deploymentHistory(String name);
}
