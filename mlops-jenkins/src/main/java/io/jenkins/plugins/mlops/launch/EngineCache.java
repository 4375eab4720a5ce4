package io.jenkins.plugins.mlops.launch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The engine cache on an agent: one folder that every step on the agent shares, holding one jar per engine
 * version ({@code mlops-engine-<version>.jar}). A copy is made under a unique temporary name, its SHA-256 is
 * checked, and it is renamed into place atomically while holding the folder's lock, so concurrent steps
 * (parallel branches, several agents on one machine) never see a half-written or corrupt engine.
 */
public final class EngineCache {
    /** The lock file in the cache folder. */
    static final String LOCK_FILE = ".lock";

    /** One monitor per cache folder: a file lock is held per JVM, so threads of one agent queue here first. */
    private static final ConcurrentMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private EngineCache() {}

    /**
     * Returns the file name of an engine version in the cache.
     *
     * @param version the engine version
     * @return the file name
     */
    public static String fileName(String version) {
        return "mlops-engine-" + version + ".jar";
    }

    /**
     * Tells whether the cache holds the engine with this checksum, intact.
     *
     * @param engine the engine's place in the cache
     * @param sha256 its expected SHA-256
     * @return {@code true} if it is there and intact
     * @throws IOException if it cannot be read
     */
    public static boolean isInstalled(Path engine, String sha256) throws IOException {
        return Files.isRegularFile(engine) && sha256.equals(sha256Of(engine));
    }

    /**
     * Moves a copied engine into place, unless another step did so first.
     *
     * @param copy the copy, in the cache folder under a temporary name; it is gone afterwards
     * @param engine the engine's place in the cache
     * @param sha256 the expected SHA-256
     * @return the absolute path of the installed engine
     * @throws IOException if the copy is corrupt or cannot be moved
     */
    public static String install(Path copy, Path engine, String sha256) throws IOException {
        Path folder = engine.toAbsolutePath().getParent();
        synchronized (MONITORS.computeIfAbsent(folder, f -> new Object())) {
            try (FileChannel channel = FileChannel.open(
                            folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                if (isInstalled(engine, sha256)) {
                    return engine.toAbsolutePath().toString();
                }
                String actual = sha256Of(copy);
                if (!sha256.equals(actual)) {
                    throw new IOException("[mlops] the engine copied to " + copy + " is corrupt: SHA-256 " + actual
                            + ", expected " + sha256);
                }
                try {
                    Files.move(copy, engine, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(copy, engine, StandardCopyOption.REPLACE_EXISTING);
                }
                return engine.toAbsolutePath().toString();
            } finally {
                Files.deleteIfExists(copy);
            }
        }
    }

    static String sha256Of(Path file) throws IOException {
        MessageDigest digest = EngineArchive.digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
