package io.jenkins.plugins.mlops.triggers.poll;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A trigger's "last seen" state in a properties file of the job's folder: it survives restarts and
 * Declarative's rewriting of the trigger on every run. Written to a temporary file and moved over the
 * old one, so a crash leaves either the old or the new state, never half of one. Plain text: nothing is
 * deserialized.
 */
public final class StateFile {
    private static final String SOURCE = "source";
    private static final String ENTRY = "entry.";
    private final Path file;
    /** What this instance last read or wrote: the file's content, so an unchanged state is not written again. */
    private PollState saved;

    /**
     * @param file the state file; its folder is created on the first save
     */
    public StateFile(final Path file) {
        this.file = file;
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    /**
     * Reads the state.
     *
     * @return the state, or {@link PollState#NONE} if the file does not exist yet
     * @throws PollException naming the file if it cannot be read
     */
    public PollState load() throws PollException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException | java.io.FileNotFoundException never) {
            return PollState.NONE;
        } catch (IOException | IllegalArgumentException exception) {
            throw new PollException("cannot read the trigger state " + file + ": " + exception.getMessage(), exception);
        }
        Map<String, String> entries = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(ENTRY)) {
                entries.put(key.substring(ENTRY.length()), properties.getProperty(key));
            }
        }
        saved = new PollState(properties.getProperty(SOURCE, ""), entries);
        return saved;
    }

    /**
     * Replaces the state atomically.
     *
     * @param state the state
     * @throws PollException naming the file if it cannot be written; the old state is then unchanged
     */
    public void save(final PollState state) throws PollException {
        if (state.equals(saved)) {
            return; // nothing to write: an unchanged source costs no disk write
        }
        Properties properties = new Properties();
        properties.setProperty(SOURCE, state.source());
        state.entries().forEach((key, value) -> properties.setProperty(ENTRY + key, value));
        AtomicFiles.write(file, out -> properties.store(out, "mlops trigger state"));
        saved = state;
    }

    /** Writes files by a temporary file and an atomic move. */
    static final class AtomicFiles {
        interface Content {
            void writeTo(Writer out) throws IOException;
        }

        private AtomicFiles() {}

        static void write(final Path file, final Content content) throws PollException {
            Path temporary = null;
            try {
                Files.createDirectories(file.getParent());
                temporary = Files.createTempFile(
                        file.getParent(), file.getFileName().toString(), ".tmp");
                try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                    content.writeTo(out);
                }
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException notAtomic) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException exception) {
                throw new PollException("cannot write " + file + ": " + exception.getMessage(), exception);
            } finally {
                if (temporary != null) {
                    try {
                        Files.deleteIfExists(temporary);
                    } catch (IOException ignored) {
                        // only a leftover temporary file; the next write replaces the state anyway
                    }
                }
            }
        }
    }
}
