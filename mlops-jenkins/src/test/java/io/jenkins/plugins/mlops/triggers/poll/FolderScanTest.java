package io.jenkins.plugins.mlops.triggers.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderScanTest {
    @TempDir
    Path folder;

    private Path write(String name, String content) throws Exception {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static String sha256(String content) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldStampEveryMatchingFileWithSizeTimeAndHash() throws Exception {
        Path a = write("a.csv", "x,y\n1,2\n");
        write("notes.txt", "not data");
        write("old/b.csv", "in a sub-folder");

        TreeMap<String, String> stamps = FolderScan.scan(PathPattern.of(folder + "/*.csv"), Map.of());

        assertThat(stamps).containsOnlyKeys("a.csv");
        FileStamp stamp = FileStamp.decode(stamps.get("a.csv"));
        assertThat(stamp.size()).isEqualTo(8);
        assertThat(stamp.modified()).isEqualTo(Files.getLastModifiedTime(a).toMillis());
        assertThat(stamp.sha256()).isEqualTo(sha256("x,y\n1,2\n"));
    }

    @Test
    void shouldScanEveryFileBelowAPlainFolder() throws Exception {
        write("a.csv", "1");
        write("2026/12/b.csv", "2");

        assertThat(FolderScan.scan(PathPattern.of(folder.toString()), Map.of()))
                .containsOnlyKeys("a.csv", "2026/12/b.csv");
    }

    @Test
    void shouldNotReadAFileWhoseSizeAndTimeAreUnchanged() throws Exception {
        Path a = write("a.csv", "1,2\n");
        long modified = Files.getLastModifiedTime(a).toMillis();
        // a hash no real content has: if the scan read the file, it would not come back
        String remembered = new FileStamp(4, modified, "remembered").encode();

        TreeMap<String, String> stamps =
                FolderScan.scan(PathPattern.of(folder + "/*.csv"), Map.of("a.csv", remembered));

        assertThat(stamps.get("a.csv")).isEqualTo(remembered);
    }

    @Test
    void shouldHashAgainWhenTheModificationTimeDiffers() throws Exception {
        Path a = write("a.csv", "1,2\n");
        String remembered = new FileStamp(4, 1_000, "remembered").encode();
        Files.setLastModifiedTime(a, FileTime.fromMillis(2_000));

        TreeMap<String, String> stamps =
                FolderScan.scan(PathPattern.of(folder + "/*.csv"), Map.of("a.csv", remembered));

        assertThat(FileStamp.decode(stamps.get("a.csv"))).isEqualTo(new FileStamp(4, 2_000, sha256("1,2\n")));
    }

    @Test
    void shouldWatchASingleFile() throws Exception {
        Path a = write("train.csv", "1");

        assertThat(FolderScan.scan(PathPattern.of(a.toString()), Map.of())).containsOnlyKeys("train.csv");
    }

    @Test
    void shouldFailNamingAMissingFolder() {
        Path missing = folder.resolve("not-mounted");

        assertThatThrownBy(() -> FolderScan.scan(PathPattern.of(missing + "/*.csv"), Map.of()))
                .isInstanceOf(PollException.class)
                .hasMessage("folder " + missing + " does not exist or is not a folder");
    }

    @Test
    void shouldRejectRelativePaths() {
        assertThatThrownBy(() -> PathPattern.of("data/*.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("path 'data/*.csv' is relative: expected an absolute folder, file or glob");
        assertThatThrownBy(() -> PathPattern.of(" "))
                .hasMessage("path is empty: expected an absolute folder, file or glob");
    }

    @Test
    void shouldSplitAGlobIntoItsFolderAndPattern() {
        assertThat(PathPattern.of("/mnt/data/receipts/*.csv"))
                .isEqualTo(new PathPattern(Path.of("/mnt/data/receipts"), "*.csv"));
        assertThat(PathPattern.of("/mnt/data/**/*.csv")).isEqualTo(new PathPattern(Path.of("/mnt/data"), "**/*.csv"));
    }
}
