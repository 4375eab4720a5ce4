package io.mlops.engine.data;

import io.mlops.contract.MlopsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Tells text data files from binary files and from files in another encoding than the one they are read
 * with, and words the problem with the byte offset where it shows, so that nobody has to guess why a file
 * "has one column" or "is malformed".
 */
final class TextCheck {
    private TextCheck() {}

    /**
     * Opens a file for reading as text that fails on the first byte sequence the encoding does not allow,
     * instead of replacing it.
     *
     * @param file     the file
     * @param encoding its encoding
     * @return a reader
     * @throws IOException if the file cannot be opened
     */
    static Reader strictReader(final Path file, final Charset encoding) throws IOException {
        CharsetDecoder decoder = encoding.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(Files.newInputStream(file), decoder);
    }

    /**
     * Decodes the start of a file for format detection, ignoring a character cut off at its end.
     *
     * @param head     the first bytes
     * @param encoding the encoding
     * @return the text
     */
    static String decodePrefix(final byte[] head, final Charset encoding) {
        // REPLACE never throws; a cut-off character at the end becomes one replacement character
        return new String(head, encoding);
    }

    /**
     * Checks bytes of a file: no NUL byte, and valid in the encoding (a character cut off at the end of the
     * bytes is allowed, the bytes being the start of the file).
     *
     * @param file     the file, for the message
     * @param bytes    bytes of the file
     * @param encoding the encoding it is read with
     * @param offset   where the bytes start in the file
     * @throws MlopsException naming the first offending byte and its offset
     */
    static void requireText(final Path file, final byte[] bytes, final Charset encoding, final long offset) {
        String problem = problem(bytes, bytes.length, encoding, offset, 1, false);
        if (problem != null) {
            throw MlopsException.inFile(file, problem);
        }
    }

    /**
     * Words why a file could not be decoded, after a reader failed on it: reads it again to find the
     * first offending byte.
     *
     * @param file     the file
     * @param encoding the encoding it was read with
     * @return the exception to throw
     */
    static MlopsException notText(final Path file, final Charset encoding) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            byte[] carry = new byte[0];
            long offset = 0;
            long line = 1;
            int read;
            while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                // a character cut off at the end of a block is checked again with the next block
                byte[] block = new byte[carry.length + read];
                System.arraycopy(carry, 0, block, 0, carry.length);
                System.arraycopy(buffer, 0, block, carry.length, read);
                boolean last = read < buffer.length;
                String problem = problem(block, block.length, encoding, offset, line, last);
                if (problem != null) {
                    return MlopsException.inFile(file, problem);
                }
                int keep = last ? 0 : Math.min(3, block.length);
                for (int i = 0; i < block.length - keep; i++) {
                    line += block[i] == '\n' ? 1 : 0;
                }
                carry = java.util.Arrays.copyOfRange(block, block.length - keep, block.length);
                offset += block.length - keep;
            }
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
        return MlopsException.inFile(file, "is not valid " + encoding.name() + " text");
    }

    private static String problem(
            final byte[] bytes,
            final int length,
            final Charset encoding,
            final long offset,
            final long firstLine,
            final boolean endOfFile) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                return String.format(
                        Locale.ROOT,
                        "is a binary file, not CSV or JSON Lines text (byte 0x00 at byte offset %d)",
                        offset + i);
            }
        }
        CharsetDecoder decoder = encoding.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, endOfFile);
            if (result.isError()) {
                int at = in.position();
                long line = firstLine;
                for (int i = 0; i < at; i++) {
                    line += bytes[i] == '\n' ? 1 : 0;
                }
                return notEncoded(encoding, bytes, at, offset + at, line);
            }
            if (result.isOverflow()) {
                out.clear();
                continue;
            }
            return null;
        }
    }

    private static String notEncoded(
            final Charset encoding, final byte[] bytes, final int at, final long offset, final long line) {
        int value = bytes[at] & 0xFF;
        String message = String.format(
                Locale.ROOT,
                "is not valid %s text: byte 0x%02X at byte offset %d (line %d) is not part of a %s character",
                encoding.name(),
                value,
                offset,
                line,
                encoding.name());
        if (!encoding.equals(StandardCharsets.UTF_8)) {
            return message;
        }
        // a single high byte between ASCII bytes is how Latin-1 / Windows-1252 (Excel's "CSV") writes a letter
        boolean latin1Like = value >= 0x80 && (at + 1 >= bytes.length || (bytes[at + 1] & 0x80) == 0);
        return message
                + (latin1Like
                        ? "; the file looks Latin-1 / Windows-1252 encoded (as Excel saves \"CSV\" on Windows):"
                        : "; if it is Latin-1 / Windows-1252 encoded (as Excel saves \"CSV\" on Windows),")
                + " save it as \"CSV UTF-8\" or read it with --encoding windows-1252 (spec or Pipeline step: encoding: windows-1252)";
    }
}
