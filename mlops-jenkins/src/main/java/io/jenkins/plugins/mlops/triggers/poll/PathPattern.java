package io.jenkins.plugins.mlops.triggers.poll;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * A watched path: a folder (every file below it), a single file, or a glob such as
 * {@code /mnt/data/receipts/*.csv} whose wildcards are in the last part(s) of the path.
 *
 * @param base  the folder scanned, absolute
 * @param glob  the glob matched against paths relative to {@link #base()}, or {@code **} for every file
 */
public record PathPattern(Path base, String glob) {
    private static final String EVERY_FILE = "**";

    /**
     * Reads a path as the trigger's {@code path} gives it.
     *
     * @param path an absolute folder, file or glob
     * @return the pattern
     * @throws IllegalArgumentException if the path is empty, relative or has wildcards in a folder above the file name
     */
    public static PathPattern of(final String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("path is empty: expected an absolute folder, file or glob");
        }
        String normalized = path.trim().replace('\\', '/');
        int wildcard = firstWildcard(normalized);
        if (wildcard < 0) {
            Path plain = Path.of(normalized);
            requireAbsolute(plain, path);
            return new PathPattern(plain, EVERY_FILE);
        }
        int slash = normalized.lastIndexOf('/', wildcard);
        if (slash < 0) {
            throw new IllegalArgumentException(
                    "path '" + path + "' is relative: expected an absolute folder, file or glob");
        }
        Path base = Path.of(slash == 0 ? "/" : normalized.substring(0, slash));
        requireAbsolute(base, path);
        return new PathPattern(base, normalized.substring(slash + 1));
    }

    private static void requireAbsolute(final Path candidate, final String path) {
        if (!candidate.isAbsolute()) {
            throw new IllegalArgumentException(
                    "path '" + path + "' is relative: expected an absolute folder, file or glob");
        }
    }

    private static int firstWildcard(final String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return -1;
    }

    /** @return a matcher for paths relative to {@link #base()} */
    PathMatcher matcher() {
        if (EVERY_FILE.equals(glob)) {
            return relative -> true;
        }
        return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }

    /** @return whether the glob can match files in sub-folders, so the scan must descend */
    boolean descends() {
        return glob.contains("/") || glob.contains("**");
    }
}
