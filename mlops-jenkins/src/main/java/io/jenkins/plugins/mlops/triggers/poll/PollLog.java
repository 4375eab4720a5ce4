package io.jenkins.plugins.mlops.triggers.poll;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The last polls of a trigger, newest last, in a small text file beside its state (one line each:
 * time, outcome, message), shown on the job page.
 */
public final class PollLog {
    /** How many polls are kept. */
    public static final int KEPT = 30;
    /** The log is trimmed to {@link #KEPT} polls once it is larger than this. */
    static final long TRIM_BYTES = 32 * 1024;

    private final Path file;

    /** @param file the log file */
    public PollLog(final Path file) {
        this.file = file;
    }

    /**
     * One poll.
     *
     * @param time    when it ended
     * @param outcome what it found
     * @param message what it saw, in a few words
     */
    public record Entry(Instant time, PollOutcome outcome, String message) {
        String line() {
            return time + "\t" + outcome.name() + "\t"
                    + message.replace('\n', ' ').replace('\t', ' ');
        }

        static Entry parse(final String line) {
            String[] parts = line.split("\t", 3);
            if (parts.length != 3) {
                return null;
            }
            try {
                return new Entry(Instant.parse(parts[0]), PollOutcome.valueOf(parts[1]), parts[2]);
            } catch (RuntimeException notAnEntry) {
                return null;
            }
        }
    }

    /**
     * @return the last {@value #KEPT} polls, oldest first; lines that are not entries are skipped
     * @throws PollException naming the file if it cannot be read
     */
    public List<Entry> read() throws PollException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return List.of();
        } catch (IOException exception) {
            throw new PollException("cannot read the polling log " + file + ": " + exception.getMessage(), exception);
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : lines) {
            Entry entry = Entry.parse(line);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return List.copyOf(entries.subList(Math.max(0, entries.size() - KEPT), entries.size()));
    }

    /**
     * Adds a poll: one appended line (a poll over an unchanged source must stay cheap); once the file has grown
     * past {@value #TRIM_BYTES} bytes it is rewritten atomically with the last {@value #KEPT} polls. A line cut
     * short by a crash is skipped when read.
     *
     * @param entry the poll
     * @throws PollException naming the file if it cannot be written
     */
    public void append(final Entry entry) throws PollException {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    entry.line() + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            if (Files.size(file) > TRIM_BYTES) {
                List<Entry> kept = read();
                StateFile.AtomicFiles.write(file, out -> {
                    for (Entry each : kept) {
                        out.write(each.line());
                        out.write('\n');
                    }
                });
            }
        } catch (IOException exception) {
            throw new PollException("cannot write the polling log " + file + ": " + exception.getMessage(), exception);
        }
    }
}
