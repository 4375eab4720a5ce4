package io.mlops.engine.io;

import io.mlops.contract.MlopsException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that readers see either the old content or the complete new content, never a part:
 * the content goes to a temporary file in the same folder, which is then renamed over the target.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes the bytes of one file. */
    @FunctionalInterface
    public interface Writer {
        /**
         * Writes the content.
         *
         * @param out the stream of the temporary file
         * @throws IOException if writing fails
         */
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes a UTF-8 text file atomically.
     *
     * @param target the file to write
     * @param text   its content
     */
    public static void writeString(final Path target, final String text) {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes a file atomically: a temporary file next to the target, then a rename.
     *
     * @param target the file to write
     * @param writer what writes the content
     * @throws MlopsException if the folder cannot be created or written
     */
    public static void write(final Path target, final Writer writer) {
        Path folder = ensureFolder(target.toAbsolutePath().getParent());
        Path temp = null;
        try {
            temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.write(out);
            }
            move(temp, target);
            temp = null;
        } catch (AccessDeniedException exception) {
            throw new MlopsException(folder + ": output folder is not writable", exception);
        } catch (IOException exception) {
            throw new MlopsException(target + ": cannot write file: " + describe(exception), exception);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Moves a file or folder into place atomically, replacing an existing file.
     *
     * @param source the complete file or folder
     * @param target where it should be
     * @throws IOException if the move fails
     */
    public static void move(final Path source, final Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException exception) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Creates a folder (and its parents) if needed, with a clear message if that is impossible.
     *
     * @param folder the folder
     * @return the folder
     * @throws MlopsException if it cannot be created or is not a folder
     */
    public static Path ensureFolder(final Path folder) {
        try {
            Files.createDirectories(folder);
            if (!Files.isWritable(folder)) {
                throw new MlopsException(folder + ": output folder is not writable");
            }
            return folder;
        } catch (FileAlreadyExistsException exception) {
            throw new MlopsException(folder + ": output folder is a file, expected a folder", exception);
        } catch (AccessDeniedException exception) {
            throw new MlopsException(folder + ": output folder cannot be created: permission denied", exception);
        } catch (IOException exception) {
            throw new MlopsException(folder + ": output folder cannot be created: " + describe(exception), exception);
        }
    }

    /**
     * Checks, without creating anything, that a folder exists or could be created and written: its
     * nearest existing ancestor must be a writable folder. Used before long work whose output would
     * otherwise fail at the very end.
     *
     * @param folder the folder
     * @throws MlopsException if the folder could not be created or written
     */
    public static void checkWritableFolder(final Path folder) {
        Path existing = folder.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new MlopsException(existing + ": output folder is a file, expected a folder");
        }
        if (!Files.isWritable(existing)) {
            throw new MlopsException(existing + ": output folder is not writable");
        }
    }

    /**
     * Deletes a file or a folder tree, ignoring failures (used to clean up temporary output).
     *
     * @param path the file or folder, may be {@code null}
     */
    public static void deleteQuietly(final Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover temporary file is harmless and never read
                }
            });
        } catch (IOException ignored) {
            // best effort, as above
        }
    }

    static String describe(final IOException exception) {
        if (exception instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (exception instanceof AccessDeniedException) {
            return "permission denied";
        }
        return exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage();
    }
}
