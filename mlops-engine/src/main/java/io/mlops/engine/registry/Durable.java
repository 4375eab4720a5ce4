package io.mlops.engine.registry;

import io.mlops.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** File operations that reach the disk before they return: written, forced, then renamed. */
final class Durable {
    private Durable() {}

    /** Writes a new file and forces it to disk. */
    static void create(final Path file, final byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeFully(channel, bytes);
            channel.force(true);
        }
    }

    /** Replaces a file atomically: a forced temporary file renamed over the target. */
    static void replace(final Path file, final byte[] bytes) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            create(temp, bytes);
            AtomicFiles.move(temp, file);
            temp = null;
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Overwrites a small file in place without forcing it, for hints whose loss or damage only costs time:
     * the bytes are written with one call at offset 0, and the content never shrinks.
     */
    static void overwriteHint(final Path file, final byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), 0);
        }
    }

    /** Appends bytes at a position and forces them to disk. */
    static void appendAt(final FileChannel channel, final long position, final byte[] bytes) throws IOException {
        if (channel.size() > position) {
            channel.truncate(position);
        }
        channel.position(position);
        writeFully(channel, bytes);
        channel.force(false);
    }

    static void writeFully(final FileChannel channel, final byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Forces a folder's entries (new names, renames) to disk where the platform allows it. */
    static void syncFolder(final Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException exception) {
            // not supported on every platform (Windows); the rename itself is still atomic
        }
    }
}
