package io.mlops.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitMirrorTest {
    @TempDir
    Path dir;

    @Test
    void shouldCommitEveryChangeAndPushItToTheConfiguredRemote() throws Exception {
        Path remote = dir.resolve("remote.git");
        Git.init()
                .setBare(true)
                .setDirectory(remote.toFile())
                .setInitialBranch("main")
                .call()
                .close();
        Path root = dir.resolve("registry");
        FileSystemRegistry.open(root);
        Files.writeString(
                root.resolve("registry.json"),
                "{\"format\": \"mlops-registry\", \"formatVersion\": 1, " + "\"git\": {\"remote\": \"" + remote.toUri()
                        + "\", \"branch\": \"main\"}}\n");

        FileSystemRegistry registry = FileSystemRegistry.open(root);
        registry.register(Registration.of(Bundles.shared(), "receipts", "alice"));
        registry.register(Registration.of(Bundles.shared(), "receipts", "bob"));
        registry.setAlias("receipts", "champion", 2, "carol", "better");

        try (Git git = Git.open(remote.toFile())) {
            List<String> messages = new ArrayList<>();
            git.log().call().forEach(commit -> messages.add(commit.getShortMessage()));
            assertThat(messages)
                    .containsExactly(
                            "alias receipts@champion -> 2 by carol: better",
                            "register receipts@2 by bob",
                            "register receipts@1 by alice");
            List<String> files = files(git.getRepository());
            assertThat(files)
                    .contains(
                            "registry.json",
                            "models/receipts/versions/1/version.json",
                            "models/receipts/versions/2/MODEL_CARD.md",
                            "models/receipts/audit.log",
                            "models/receipts/aliases.json",
                            "models/receipts/next-version",
                            ".gitignore");
            assertThat(files).noneMatch(file -> file.startsWith("blobs/") || file.equals(".lock"));
        }
    }

    private static List<String> files(final Repository repository) throws Exception {
        ObjectId head = repository.resolve("refs/heads/main");
        RevCommit commit = repository.parseCommit(head);
        List<String> files = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                files.add(walk.getPathString());
            }
        }
        return files;
    }
}
