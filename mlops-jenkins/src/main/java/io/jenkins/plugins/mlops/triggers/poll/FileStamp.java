package io.jenkins.plugins.mlops.triggers.poll;

/**
 * What a poll remembers of one file: size and modification time, checked first on every poll, and the
 * SHA-256 of the content, computed only when size or time differ from the last poll.
 *
 * @param size     bytes
 * @param modified modification time, milliseconds since the epoch
 * @param sha256   hex SHA-256 of the content
 */
public record FileStamp(long size, long modified, String sha256) {
    private static final char SEPARATOR = ' ';

    /** @return the stamp as one string, the form kept in the state file and sent over remoting */
    public String encode() {
        return Long.toString(size) + SEPARATOR + modified + SEPARATOR + sha256;
    }

    /**
     * Reads a stamp written by {@link #encode()}.
     *
     * @param encoded the string
     * @return the stamp, or {@code null} if the string is not one (a state file from elsewhere)
     */
    public static FileStamp decode(final String encoded) {
        if (encoded == null) {
            return null;
        }
        String[] parts = encoded.split(" ", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            return new FileStamp(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]);
        } catch (NumberFormatException notAStamp) {
            return null;
        }
    }

    /**
     * Whether an encoded stamp has the given size and time, so the content hash need not be computed again.
     *
     * @param encoded  a stamp written by {@link #encode()}
     * @param size     the file's size now
     * @param modified the file's modification time now
     * @return whether both are the same
     */
    static boolean sameSizeAndTime(final String encoded, final long size, final long modified) {
        String prefix = Long.toString(size) + SEPARATOR + modified + SEPARATOR;
        return encoded.startsWith(prefix) && encoded.indexOf(SEPARATOR, prefix.length()) < 0;
    }
}
