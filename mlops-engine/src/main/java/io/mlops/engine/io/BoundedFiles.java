package io.mlops.engine.io;

import io.mlops.contract.MlopsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the small files the engine trusts its decisions to (bundle manifests, models, specs, settings, run
 * metadata) only after checking that each is a regular file within a size cap, so that a FIFO never blocks a
 * reader and {@code /dev/zero} or a huge file never fills the heap. The caps are documented in the README's
 * reliability section.
 */
public final class BoundedFiles {
    /** The largest model file ({@code model.tribuo}) read: 1 GiB. */
    public static final long MAX_MODEL_BYTES = 1L << 30;
    /** The largest bundle manifest, run metadata or registry record read: 64 MiB. */
    public static final long MAX_DOCUMENT_BYTES = 64L << 20;
    /** The largest spec, settings or golden-examples file read: 4 MiB. */
    public static final long MAX_SETTINGS_BYTES = 4L << 20;

    private BoundedFiles() {}

    /**
     * Reads a regular file of at most {@code maxBytes} bytes.
     *
     * @param file     the file
     * @param maxBytes the cap
     * @return its bytes
     * @throws MlopsException if it is missing, not a regular file (a FIFO, device, socket or folder), larger
     *                        than the cap, or unreadable
     */
    public static byte[] read(final Path file, final long maxBytes) {
        long size = check(file, maxBytes);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Math.max(size, maxBytes) + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(file, bytes.length, maxBytes);
            }
            return bytes;
        } catch (NoSuchFileException exception) {
            throw MlopsException.inFile(file, "file not found");
        } catch (IOException exception) {
            throw MlopsException.inFile(file, "cannot read file: " + AtomicFiles.describe(exception));
        }
    }

    /**
     * Checks, without opening it, that a file is a regular file of at most {@code maxBytes} bytes.
     *
     * @param file     the file
     * @param maxBytes the cap
     * @return its size
     * @throws MlopsException if it is missing, not a regular file, or larger than the cap
     */
    public static long check(final Path file, final long maxBytes) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException exception) {
            throw MlopsException.inFile(file, "file not found");
        } catch (IOException exception) {
            throw MlopsException.inFile(file, "cannot read file: " + AtomicFiles.describe(exception));
        }
        if (!attributes.isRegularFile()) {
            throw MlopsException.inFile(file, "not a regular file (" + kind(file, attributes) + "); expected a file");
        }
        if (attributes.size() > maxBytes) {
            throw tooLarge(file, attributes.size(), maxBytes);
        }
        return attributes.size();
    }

    private static String kind(final Path file, final BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a folder";
        }
        if (Files.isSymbolicLink(file) && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return "a broken link";
        }
        return "a FIFO, device or socket";
    }

    private static MlopsException tooLarge(final Path file, final long size, final long maxBytes) {
        return MlopsException.inFile(
                file,
                size + " bytes, more than the " + maxBytes + " bytes (" + mebibytes(maxBytes)
                        + ") such a file may have");
    }

    private static String mebibytes(final long bytes) {
        return bytes >= 1L << 30 ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
    }
}
