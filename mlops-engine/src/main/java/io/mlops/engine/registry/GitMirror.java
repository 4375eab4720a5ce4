package io.mlops.engine.registry;

import io.mlops.contract.MlopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.AddCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.RefSpec;

/**
 * Mirrors a registry's metadata into Git for sharing and audit: after every change the changed files are
 * committed to a Git repository at the registry root and, if a remote is configured, pushed to it. Model
 * files ({@code blobs/}) are not committed: they are large, binary and already content addressed; their
 * SHA-256 is in every committed {@code version.json}. The lock file and temporary files are ignored too.
 *
 * <p>It is configured in {@code registry.json} as {@code "git": {"remote": URL, "branch": "main"}} and then
 * used by every process that opens the registry. The first change a process makes commits everything not yet
 * committed (for instance after a process was killed between its change and its commit); later changes add
 * only their own files. A failed commit or push is reported, the registry change itself stays.</p>
 */
public final class GitMirror implements RegistryListener {
    static final String IGNORE = "/blobs/\n/.lock\n.tmp-*\n*.tmp-*\n";

    private final String remote;
    private final String branch;
    private boolean caughtUp;

    /**
     * Creates a mirror.
     *
     * @param remote the URL or path of the remote repository, or {@code null} to commit locally only
     * @param branch the branch to commit to and push
     */
    public GitMirror(final String remote, final String branch) {
        this.remote = remote;
        this.branch = branch;
    }

    @Override
    public synchronized void changed(final Path root, final List<String> paths, final String message) {
        try (Git git = open(root)) {
            AddCommand add = git.add();
            if (caughtUp) {
                paths.forEach(add::addFilepattern);
            } else { // the first change in this process also picks up what a killed process did not commit
                List.of(FileSystemRegistry.MARKER, "models", LineageIndex.FOLDER)
                        .forEach(add::addFilepattern);
                caughtUp = true;
            }
            add.addFilepattern(".gitignore").call();
            PersonIdent mlops = new PersonIdent("mlops registry", "mlops@localhost");
            git.commit()
                    .setMessage(message)
                    .setAuthor(mlops)
                    .setCommitter(mlops)
                    .setAllowEmpty(false)
                    .call();
            if (remote != null) {
                git.push()
                        .setRemote(remote)
                        .setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch))
                        .call();
            }
        } catch (GitAPIException | IOException | RuntimeException exception) {
            throw new MlopsException(
                    root + ": the change is saved, but mirroring it to Git failed: " + exception.getMessage(),
                    exception);
        }
    }

    private Git open(final Path root) throws GitAPIException, IOException {
        Path ignore = root.resolve(".gitignore");
        if (!Files.exists(ignore)) {
            Files.writeString(ignore, IGNORE);
        }
        if (Files.isDirectory(root.resolve(".git"))) {
            return Git.open(root.toFile());
        }
        return Git.init().setDirectory(root.toFile()).setInitialBranch(branch).call();
    }
}
