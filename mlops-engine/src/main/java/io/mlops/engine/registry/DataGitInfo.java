package io.mlops.engine.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Where a data file sits in Git: the tree id of its folder at {@code HEAD}, so the exact data can be
 * checked out again, and whether the file itself is tracked and unchanged (only then does the tree id
 * describe the data that was used).
 *
 * @param commit    the commit of {@code HEAD}
 * @param path      the file's path inside the repository
 * @param folder    the folder's path inside the repository ({@code ""} for the top)
 * @param treeId    the Git tree id of that folder at {@code HEAD}
 * @param tracked   whether the file is in {@code HEAD}
 * @param unchanged whether the file in the work tree equals the one in {@code HEAD}
 */
public record DataGitInfo(
        String commit, String path, String folder, String treeId, boolean tracked, boolean unchanged) {
    /**
     * Looks up a data file in the Git work tree that contains it.
     *
     * @param file the data file
     * @return the information, or empty if the file does not exist or is not inside a Git work tree with commits
     */
    public static Optional<DataGitInfo> of(final Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            return Optional.empty();
        }
        FileRepositoryBuilder builder =
                new FileRepositoryBuilder().findGitDir(absolute.getParent().toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository repository = builder.setMustExist(true).build();
                Git git = new Git(repository);
                RevWalk walk = new RevWalk(repository)) {
            if (repository.isBare()) {
                return Optional.empty();
            }
            ObjectId head = repository.resolve("HEAD");
            if (head == null) {
                return Optional.empty();
            }
            Path top = repository.getWorkTree().toPath().toAbsolutePath().toRealPath();
            Path real = absolute.toRealPath();
            String path = top.relativize(real).toString().replace('\\', '/');
            String folder = real.getParent().equals(top)
                    ? ""
                    : top.relativize(real.getParent()).toString().replace('\\', '/');
            RevCommit commit = walk.parseCommit(head);
            String treeId;
            if (folder.isEmpty()) {
                treeId = commit.getTree().name();
            } else {
                try (TreeWalk tree = TreeWalk.forPath(repository, folder, commit.getTree())) {
                    treeId = tree == null ? null : tree.getObjectId(0).name();
                }
            }
            boolean tracked;
            try (TreeWalk tree = TreeWalk.forPath(repository, path, commit.getTree())) {
                tracked = tree != null;
            }
            boolean unchanged = tracked && git.status().addPath(path).call().isClean();
            return Optional.of(new DataGitInfo(head.name(), path, folder, treeId, tracked, unchanged));
        } catch (Exception exception) {
            return Optional.empty();
        }
    }
}
