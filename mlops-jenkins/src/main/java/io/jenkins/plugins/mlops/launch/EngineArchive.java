package io.jenkins.plugins.mlops.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The engine distribution: the self-contained jar of the {@code mlops} command, shipped as a resource of the
 * plugin, never on its class path. Found through the class loader, so the plugin finds it the same way in an
 * installed {@code .hpi} and when it runs from {@code target/classes}. Identified by its SHA-256, which names
 * its cache folder on the agents and is checked after every copy.
 */
public final class EngineArchive {
    /** The resource name of the engine jar, next to this class. */
    public static final String RESOURCE = "mlops-engine.jar";

    private final URL url;
    private final String sha256;

    private EngineArchive(URL url, String sha256) {
        this.url = url;
        this.sha256 = sha256;
    }

    private static EngineArchive plugins;

    /**
     * Returns the engine shipped with the plugin; its checksum is computed once.
     *
     * @return the engine
     * @throws IOException if the plugin has no engine or it cannot be read
     */
    public static synchronized EngineArchive ofPlugin() throws IOException {
        if (plugins == null) {
            plugins = find(EngineArchive.class);
        }
        return plugins;
    }

    /**
     * Finds the engine resource next to a class, through that class's loader.
     *
     * @param anchor a class of the package the resource is in
     * @return the engine
     * @throws IOException if there is no engine resource or it cannot be read
     */
    public static EngineArchive find(Class<?> anchor) throws IOException {
        URL url = anchor.getResource(RESOURCE);
        if (url == null) {
            throw new IOException("[mlops] the plugin has no engine: resource " + RESOURCE + " next to "
                    + anchor.getName() + " is missing (build the plugin with its engine: ./mvnw -pl mlops-jenkins -am"
                    + " package)");
        }
        return new EngineArchive(url, sha256(url));
    }

    /** @return the SHA-256 of the engine jar, in hex */
    public String sha256() {
        return sha256;
    }

    /** @return a short, stable version of this engine: the first 16 hex digits of its SHA-256 */
    public String version() {
        return sha256.substring(0, 16);
    }

    /**
     * Opens the engine jar.
     *
     * @return its bytes
     * @throws IOException if it cannot be read
     */
    public InputStream open() throws IOException {
        return url.openStream();
    }

    private static String sha256(URL url) throws IOException {
        try (InputStream in = new DigestInputStream(url.openStream(), digest())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
