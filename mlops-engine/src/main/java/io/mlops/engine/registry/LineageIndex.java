package io.mlops.engine.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which versions were trained from which data: {@code index/data-sha256/<sha256>}, one JSON line
 * {@code {"name":..,"version":..}} per version, appended before the version becomes visible. An entry
 * whose version never appeared (a crash in between) is harmless: readers check each entry against the
 * version's own record.
 */
final class LineageIndex {
    static final String FOLDER = "index/data-sha256";

    /**
     * One index entry.
     *
     * @param name    the model
     * @param version the version
     */
    record Entry(String name, int version) {}

    private final Path folder;

    LineageIndex(final Path root) {
        this.folder = root.resolve(FOLDER);
    }

    /** Appends an entry; the caller holds the registry lock. */
    void add(final String dataSha256, final String name, final int version) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(dataSha256);
        byte[] line = (RegistryJson.LINE.writeValueAsString(new Entry(name, version)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            Durable.appendAt(channel, completeEnd(channel), line);
        }
    }

    Set<Entry> entries(final String dataSha256) throws IOException {
        Set<Entry> entries = new LinkedHashSet<>();
        String text;
        try {
            text = Files.readString(folder.resolve(dataSha256));
        } catch (NoSuchFileException exception) {
            return entries;
        }
        int end = text.lastIndexOf('\n');
        for (String line : text.substring(0, end + 1).split("\n")) {
            try {
                if (!line.isBlank()) {
                    entries.add(RegistryJson.LINE.readValue(line, Entry.class));
                }
            } catch (JsonProcessingException exception) {
                // a damaged line: skipped
            }
        }
        return entries;
    }

    /** The end of the last complete line: a torn line left by a crash is overwritten by the next entry. */
    private static long completeEnd(final FileChannel channel) throws IOException {
        long size = channel.size();
        long chunk = Math.min(size, 4096);
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) chunk);
        channel.read(buffer, size - chunk);
        byte[] bytes = buffer.array();
        for (int i = buffer.position() - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return size - chunk + i + 1;
            }
        }
        return size - chunk;
    }
}
