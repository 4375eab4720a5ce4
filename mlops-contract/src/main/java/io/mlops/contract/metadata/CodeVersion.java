package io.mlops.contract.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The version of the code a run came from: the Git commit of the working tree and whether it had uncommitted changes
 * to tracked files.
 *
 * @param commit the commit id of HEAD
 * @param branch the current branch, or the commit id when detached; {@code null} if unknown
 * @param dirty  whether tracked files differ from HEAD
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CodeVersion(String commit, String branch, boolean dirty) {
    /**
     * Creates a code version.
     */
    public CodeVersion {
        Objects.requireNonNull(commit, "commit == null");
    }
}
