package io.mlops.engine.retrain;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mlops.contract.Json;
import io.mlops.contract.MlopsException;
import io.mlops.contract.data.InputFile;
import io.mlops.engine.ProgressListener;
import io.mlops.engine.data.TableReader;
import io.mlops.engine.io.AtomicFiles;
import io.mlops.engine.io.BoundedFiles;
import io.mlops.engine.io.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the SHA-256 and row count of each current data file cheaply: a file whose size and modification time are as
 * cached keeps its cached hash and rows, so an unchanged data folder costs one {@code stat} per file. Only a new or
 * changed file is hashed; its rows are counted only if no known file (one the model recorded) has the same hash. The
 * cache is a JSON file, rewritten atomically when something changed; a cache that cannot be read is rebuilt.
 *
 * <p>A file modified within {@value #RACY_MILLIS} ms before the scan is not cached: it may still be written to within
 * the same modification-time tick, which size and time alone would not show on the next scan.</p>
 */
final class DataScanner {
    /** Files modified this shortly before a scan are hashed again next time. */
    static final long RACY_MILLIS = 2_000;

    private static final int CACHE_FORMAT = 1;

    private final Path cacheFile;
    private final TableReader reader;
    private final Clock clock;
    private final ProgressListener progress;

    /**
     * Creates the scanner.
     *
     * @param cacheFile the cache, or {@code null} for none
     * @param reader    counts the rows of new files
     * @param clock     the current time, for racy entries
     * @param progress  receives a line per hashed file
     */
    DataScanner(final Path cacheFile, final TableReader reader, final Clock clock, final ProgressListener progress) {
        this.cacheFile = cacheFile;
        this.reader = reader;
        this.clock = clock;
        this.progress = progress;
    }

    /** One cached file: its size and modification time when hashed, and what was found. */
    record Entry(long size, long modified, String sha256, long rows) {}

    /** The cache file's content. */
    record Cache(int format, Map<String, Entry> files) {}

    /**
     * Scans the files.
     *
     * @param files the files, in reading order
     * @param known files whose hash and rows are known (the model's inputs), to skip counting rows
     * @return each file's hash and rows, in the given order
     * @throws MlopsException if a file cannot be read
     */
    List<InputFile> scan(final List<Path> files, final List<InputFile> known) {
        Map<String, Entry> cached = readCache();
        Map<String, Entry> next = new TreeMap<>();
        Map<String, Long> knownRows = new java.util.HashMap<>();
        known.forEach(file -> knownRows.put(file.sha256(), file.rows()));
        long now = clock.millis();
        boolean changed = false;
        List<InputFile> result = new ArrayList<>();
        for (Path file : files) {
            String key = file.toAbsolutePath().normalize().toString();
            BasicFileAttributes attributes = attributes(file);
            long size = attributes.size();
            long modified = attributes.lastModifiedTime().toMillis();
            Entry entry = cached.get(key);
            if (entry == null || entry.size() != size || entry.modified() != modified) {
                progress.progress("hashing " + file + " (new or changed since the last check)");
                String sha = Hashing.sha256(file);
                Long rows = knownRows.get(sha);
                entry = new Entry(
                        size,
                        modified,
                        sha,
                        rows != null ? rows : reader.read(file).size());
                changed = true;
            }
            if (now - modified >= RACY_MILLIS) {
                next.put(key, entry);
            } else {
                changed = true;
            }
            result.add(new InputFile(file.toString(), entry.sha256(), entry.rows()));
        }
        if (cacheFile != null && (changed || !next.keySet().equals(cached.keySet()))) {
            writeCache(next);
        }
        return result;
    }

    private static BasicFileAttributes attributes(final Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException exception) {
            throw MlopsException.inFile(file, "cannot read data file: " + exception.getMessage());
        }
    }

    private Map<String, Entry> readCache() {
        if (cacheFile == null || !Files.isRegularFile(cacheFile)) {
            return Map.of();
        }
        try {
            Cache cache =
                    Json.mapper().readValue(BoundedFiles.read(cacheFile, BoundedFiles.MAX_DOCUMENT_BYTES), Cache.class);
            return cache == null || cache.format() != CACHE_FORMAT || cache.files() == null ? Map.of() : cache.files();
        } catch (IOException | RuntimeException exception) {
            // a damaged cache only costs time: every file is hashed again and the cache rewritten
            progress.progress(cacheFile + ": unreadable cache, rebuilding it (" + exception.getMessage() + ")");
            return Map.of();
        }
    }

    private void writeCache(final Map<String, Entry> files) {
        try {
            Path parent = cacheFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            AtomicFiles.writeString(cacheFile, Json.pretty().writeValueAsString(new Cache(CACHE_FORMAT, files)));
        } catch (JsonProcessingException exception) {
            throw new IllegalStateException("the cache is always writable as JSON", exception);
        } catch (IOException exception) {
            throw MlopsException.inFile(cacheFile, "cannot create the cache's folder: " + exception.getMessage());
        }
    }
}
