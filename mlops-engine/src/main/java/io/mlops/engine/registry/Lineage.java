package io.mlops.engine.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mlops.contract.metadata.CodeVersion;
import io.mlops.contract.retrain.DataChange;
import java.util.List;
import java.util.Map;

/**
 * Where a version came from, and what else came from the same data.
 *
 * @param model      the version, {@code name@n}
 * @param data       the data files of its training run by role, with their SHA-256 fingerprints
 * @param dataGit    where the training data sits in Git, or {@code null}
 * @param code       the code commit, or {@code null}
 * @param build      the build that produced it, or {@code null}
 * @param registered who registered it and when
 * @param sameData   every version (of any model) trained from the same training data, this one included
 * @param previous   the version before it of the same model, {@code name@n}, or {@code null} for the first
 * @param dataAdded  how its training data differs from the previous version's: the input files added, grown,
 *                   changed and removed, and the number of new rows; {@code null} for the first version
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Lineage(
        String model,
        Map<String, RunSummary.DataRef> data,
        DataGitInfo dataGit,
        CodeVersion code,
        BuildInfo build,
        String registered,
        List<String> sameData,
        String previous,
        DataChange dataAdded) {}
