package io.mlops.engine.data;

import io.mlops.contract.MlopsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the {@code data} entries of a spec (files, folders and globs such as {@code data/incoming/*.csv}) into the
 * data files to read, in a deterministic order: entries in the order given; the files of a folder or glob sorted by
 * path. A file named by two entries is read once, where it first appears. Hidden files (a name starting with
 * {@code .}, e.g. a half-written temporary file) and files of other types are skipped in folders and globs.
 */
public final class DataFiles {
    private static final String GLOB_CHARS = "*?[{";
    private static final List<String> DATA_SUFFIXES = List.of(".csv", ".tsv", ".txt", ".jsonl", ".ndjson", ".json");

    private final Clock clock;

    /**
     * Creates the resolver.
     *
     * @param clock the clock a window in days counts back from
     */
    public DataFiles(final Clock clock) {
        this.clock = clock;
    }

    /**
     * Resolves the entries.
     *
     * @param entries files, folders and globs, relative to the working directory or absolute
     * @param window  a window of files or days to apply, or {@code null}; a window of rows is applied later
     * @return the files, at least one
     * @throws MlopsException if a named file does not exist, or nothing matched at all
     */
    public List<Path> resolve(final List<String> entries, final DataWindow window) {
        if (entries.isEmpty()) {
            throw new MlopsException("no training data given: set 'data' to files, folders or globs");
        }
        Set<Path> files = new LinkedHashSet<>();
        for (String entry : entries) {
            files.addAll(expand(entry));
        }
        if (files.isEmpty()) {
            throw new MlopsException(
                    "no data files: " + String.join(", ", entries) + " matched no CSV or JSON Lines file");
        }
        List<Path> resolved = new ArrayList<>(files);
        if (window != null && window.unit() == DataWindow.Unit.FILES && resolved.size() > window.size()) {
            resolved = resolved.subList(
                    resolved.size() - (int) Math.min(Integer.MAX_VALUE, window.size()), resolved.size());
        }
        if (window != null && window.unit() == DataWindow.Unit.DAYS) {
            Instant since = clock.instant().minus(Duration.ofDays(window.size()));
            resolved = resolved.stream()
                    .filter(file -> modified(file).isAfter(since))
                    .toList();
            if (resolved.isEmpty()) {
                throw new MlopsException("no data files: none of " + files.size() + " files of "
                        + String.join(", ", entries) + " was modified in the " + window);
            }
        }
        return List.copyOf(resolved);
    }

    /**
     * Returns whether an entry is a glob rather than a file or folder name.
     *
     * @param entry the entry
     * @return {@code true} if it holds {@code * ? [ {}
     */
    public static boolean isGlob(final String entry) {
        return entry.chars().anyMatch(c -> GLOB_CHARS.indexOf(c) >= 0);
    }

    private static List<Path> expand(final String entry) {
        if (!isGlob(entry)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                return walk(path, Integer.MAX_VALUE, file -> true);
            }
            if (!Files.exists(path)) {
                throw MlopsException.inFile(path, "data file not found");
            }
            return List.of(path);
        }
        String normalized = entry.replace('\\', '/');
        String[] parts = normalized.split("/", -1);
        int literal = 0;
        while (literal < parts.length - 1 && !isGlob(parts[literal])) {
            literal++;
        }
        String base = String.join("/", java.util.Arrays.copyOfRange(parts, 0, literal));
        Path root = base.isEmpty() ? Path.of(normalized.startsWith("/") ? "/" : "") : Path.of(base);
        if (!Files.isDirectory(root.toString().isEmpty() ? Path.of(".") : root)) {
            return List.of();
        }
        int depth = normalized.contains("**") ? Integer.MAX_VALUE : parts.length - literal;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + normalized);
        return walk(root, depth, file -> matcher.matches(Path.of(file.toString().replace('\\', '/'))));
    }

    private static List<Path> walk(final Path root, final int depth, final java.util.function.Predicate<Path> matches) {
        try (Stream<Path> paths = Files.walk(root, depth)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(DataFiles::isDataFile)
                    .filter(matches)
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException | UncheckedIOException exception) {
            throw MlopsException.inFile(root, "cannot list data files: " + exception.getMessage());
        }
    }

    private static boolean isDataFile(final Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return DATA_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private static Instant modified(final Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException exception) {
            throw MlopsException.inFile(file, "cannot read modification time: " + exception.getMessage());
        }
    }
}
