package io.mlops.engine.registry;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.mlops.contract.MlopsException;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The aliases of one model. The audit log ({@value #LOG}, JSON Lines, appended and forced) is the truth;
 * {@value #SNAPSHOT} is a snapshot of the aliases after a given log entry, together with the byte offset
 * just after that entry. Readers take the snapshot and roll forward over the (usually empty) rest of the
 * log, so a crash between appending and rewriting the snapshot neither loses nor invents a move, and a
 * read costs the same however long the log is. A last line without its newline was torn by a crash: readers
 * ignore it, the next writer cuts it off.
 */
final class AliasLog {
    static final String LOG = "audit.log";
    static final String SNAPSHOT = "aliases.json";

    /**
     * The {@value #SNAPSHOT} file.
     *
     * @param sequence  the last log entry applied
     * @param logOffset the byte offset in the log just after that entry
     * @param aliases   alias to version
     */
    record Snapshot(long sequence, long logOffset, Map<String, Integer> aliases) {}

    /** The aliases after the last complete log entry, and where that entry ends. */
    record State(long sequence, long end, Map<String, Integer> aliases) {}

    private final Path folder;

    AliasLog(final Path modelFolder) {
        this.folder = modelFolder;
    }

    State read() throws IOException {
        Snapshot snapshot = snapshot();
        Map<String, Integer> aliases = new TreeMap<>(snapshot.aliases() == null ? Map.of() : snapshot.aliases());
        long sequence = snapshot.sequence();
        long offset = snapshot.logOffset();
        byte[] tail;
        try (FileChannel channel = FileChannel.open(folder.resolve(LOG), StandardOpenOption.READ)) {
            if (!endsALine(channel, offset)) {
                // the log is shorter than the snapshot says, or was rewritten since: replay it, the sequence
                // numbers filter, and a torn last line is cut off by the next append instead of prefixing it
                offset = 0;
            }
            long size = channel.size();
            tail = readFrom(channel, offset, size);
        } catch (NoSuchFileException exception) {
            return new State(sequence, 0, aliases);
        }
        long end = offset;
        int start = 0;
        for (int i = 0; i < tail.length; i++) {
            if (tail[i] != '\n') {
                continue;
            }
            AliasMove move = parse(new String(tail, start, i - start, StandardCharsets.UTF_8));
            start = i + 1;
            end = offset + start;
            if (move != null && move.seq() > sequence) {
                aliases.put(move.alias(), move.to());
                sequence = move.seq();
            }
        }
        return new State(sequence, end, aliases);
    }

    List<AliasMove> entries() throws IOException {
        List<AliasMove> moves = new ArrayList<>();
        byte[] all;
        try {
            all = Files.readAllBytes(folder.resolve(LOG));
        } catch (NoSuchFileException exception) {
            return moves;
        }
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                AliasMove move = parse(new String(all, start, i - start, StandardCharsets.UTF_8));
                if (move != null) {
                    moves.add(move);
                }
                start = i + 1;
            }
        }
        return moves;
    }

    /** Appends a move and rewrites the snapshot; the caller holds the registry lock. */
    AliasMove append(final String alias, final int to, final String by, final String at, final String reason)
            throws IOException {
        State state = read();
        AliasMove move = new AliasMove(
                state.sequence() + 1, at, by, alias, state.aliases().get(alias), to, reason);
        byte[] line = (RegistryJson.LINE.writeValueAsString(move) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel =
                FileChannel.open(folder.resolve(LOG), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            Durable.appendAt(channel, state.end(), line); // cuts off a torn line left by a crash
        }
        Map<String, Integer> aliases = new TreeMap<>(state.aliases());
        aliases.put(alias, to);
        Snapshot snapshot = new Snapshot(move.seq(), state.end() + line.length, aliases);
        Durable.replace(folder.resolve(SNAPSHOT), RegistryJson.PRETTY.writeValueAsBytes(snapshot));
        return move;
    }

    private Snapshot snapshot() throws IOException {
        Path file = folder.resolve(SNAPSHOT);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException exception) {
            return new Snapshot(0, 0, Map.of());
        }
        Snapshot snapshot;
        try {
            snapshot = RegistryJson.PRETTY.readValue(bytes, Snapshot.class);
        } catch (CharConversionException notText) {
            // Jackson guesses the encoding from the first bytes; damage there is reported like any other damage
            throw MlopsException.inFile(file, "damaged alias snapshot: " + notText.getMessage());
        } catch (JsonProcessingException notASnapshot) {
            JsonLocation where = notASnapshot.getLocation();
            throw MlopsException.inFile(
                    file,
                    "damaged alias snapshot"
                            + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr())
                            + ": " + notASnapshot.getOriginalMessage());
        }
        String damage = damage(snapshot);
        if (damage != null) {
            throw MlopsException.inFile(file, "damaged alias snapshot: " + damage);
        }
        return snapshot;
    }

    /** What makes a parsed snapshot unusable, or {@code null} when it is whole. */
    private static String damage(final Snapshot snapshot) {
        if (snapshot == null) {
            return "expected a JSON object, found null";
        }
        if (snapshot.sequence() < 0 || snapshot.logOffset() < 0) {
            return "expected sequence and logOffset of 0 or more, found " + snapshot.sequence() + " and "
                    + snapshot.logOffset();
        }
        if (snapshot.aliases() != null) {
            for (Map.Entry<String, Integer> alias : snapshot.aliases().entrySet()) {
                if (alias.getValue() == null || alias.getValue() < 1) {
                    return "expected a version number of 1 or more for alias \"" + alias.getKey() + "\", found "
                            + alias.getValue();
                }
            }
        }
        return null;
    }

    /** Whether {@code offset} is 0 or just after a newline of the log, as every offset a snapshot records is. */
    private static boolean endsALine(final FileChannel channel, final long offset) throws IOException {
        if (offset == 0) {
            return true;
        }
        if (offset > channel.size()) {
            return false;
        }
        ByteBuffer last = ByteBuffer.allocate(1);
        return channel.read(last, offset - 1) == 1 && last.get(0) == '\n';
    }

    private static byte[] readFrom(final FileChannel channel, final long offset, final long size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, size - offset));
        long position = offset;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position);
            if (read < 0) {
                break;
            }
            position += read;
        }
        return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** The move on one line of the log, or {@code null} for a damaged line (skipped; sequence numbers keep the order). */
    private static AliasMove parse(final String line) {
        if (line.isBlank()) {
            return null;
        }
        AliasMove move;
        try {
            move = RegistryJson.LINE.readValue(line, AliasMove.class);
        } catch (JsonProcessingException exception) {
            return null;
        }
        // JSON null, a line without an alias or with a sequence number or version below 1 was not written by append
        boolean whole = move != null && move.alias() != null && move.seq() >= 1 && move.to() >= 1;
        return whole ? move : null;
    }
}
