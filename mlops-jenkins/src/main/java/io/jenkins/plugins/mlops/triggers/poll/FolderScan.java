package io.jenkins.plugins.mlops.triggers.poll;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Looks at the files of a {@link PathPattern}: size and modification time of every file, and the SHA-256
 * only of files whose size or time differ from the previous scan, so an unchanged folder costs one
 * directory walk and no reads.
 */
public final class FolderScan {
    private static final int BUFFER = 64 * 1024;

    private FolderScan() {}

    /**
     * Scans the files of a pattern.
     *
     * @param pattern  the watched path
     * @param previous the previous scan (relative path to {@link FileStamp#encode()}), empty on the first
     * @return relative path (with {@code /}) to encoded stamp, sorted by path
     * @throws PollException if the folder or file does not exist or cannot be read
     */
    public static TreeMap<String, String> scan(final PathPattern pattern, final Map<String, String> previous)
            throws PollException {
        Path base = pattern.base();
        TreeMap<String, String> stamps = new TreeMap<>();
        try {
            if (Files.isRegularFile(base)) {
                BasicFileAttributes attributes = Files.readAttributes(base, BasicFileAttributes.class);
                String name = base.getFileName().toString();
                stamps.put(name, stamp(base, attributes, previous.get(name)));
                return stamps;
            }
            if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(base)) {
                throw new PollException("folder " + base + " does not exist or is not a folder");
            }
            PathMatcher matcher = pattern.matcher();
            int depth = pattern.descends() ? Integer.MAX_VALUE : 1;
            Files.walkFileTree(base, EnumSet.of(FileVisitOption.FOLLOW_LINKS), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(final Path file, final BasicFileAttributes attributes)
                        throws IOException {
                    if (attributes.isRegularFile()) {
                        Path relative = base.relativize(file);
                        if (matcher.matches(relative)) {
                            String key = relative.toString().replace('\\', '/');
                            stamps.put(key, stamp(file, attributes, previous.get(key)));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            return stamps;
        } catch (IOException exception) {
            throw new PollException("cannot read " + base + ": " + exception, exception);
        }
    }

    private static String stamp(final Path file, final BasicFileAttributes attributes, final String previous)
            throws IOException {
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        // the common case, an unchanged file, costs one string comparison: no parsing, no new stamp
        if (previous != null && FileStamp.sameSizeAndTime(previous, size, modified)) {
            return previous;
        }
        return new FileStamp(size, modified, sha256(file)).encode();
    }

    private static String sha256(final Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java runtime has SHA-256", missing);
        }
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
