package io.mlops.engine.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The version of the code a run came from: the Git commit of the working tree and whether it had
 * uncommitted changes to tracked files (untracked files, such as a run's own output, do not count).
 *
 * @param commit the commit id of HEAD
 * @param branch the current branch, or the commit id when detached
 * @param dirty  whether tracked files differ from HEAD
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CodeVersion(String commit, String branch, boolean dirty) {
    /**
     * Reads the code version of the Git work tree that contains a folder.
     *
     * @param folder a folder inside the work tree
     * @return the version, or empty outside Git or in a repository without commits
     */
    public static Optional<CodeVersion> of(final Path folder) {
        FileRepositoryBuilder builder =
                new FileRepositoryBuilder().findGitDir(folder.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository repository = builder.setMustExist(true).build();
                Git git = new Git(repository)) {
            ObjectId head = repository.resolve("HEAD");
            if (head == null) {
                return Optional.empty();
            }
            boolean dirty = git.status().call().hasUncommittedChanges();
            return Optional.of(new CodeVersion(head.name(), repository.getBranch(), dirty));
        } catch (IOException | GitAPIException | RuntimeException exception) {
            return Optional.empty();
        }
    }
}
