package io.mlops.engine.metadata;

import io.mlops.contract.metadata.CodeVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Reads the {@link CodeVersion} of a Git work tree: untracked files, such as a run's own output, do not make it dirty.
 */
public final class GitCodeVersion {
    private GitCodeVersion() {}

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
