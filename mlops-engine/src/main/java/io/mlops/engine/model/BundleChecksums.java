package io.mlops.engine.model;

import io.mlops.contract.MlopsException;
import io.mlops.contract.bundle.BundleLayout;
import io.mlops.engine.io.BoundedFiles;
import io.mlops.engine.io.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 of every file of a model bundle ({@value #FILE}, in the format of {@code sha256sum}, so that
 * {@code sha256sum -c checksums.sha256} checks a bundle by hand too), and the bundle's identity: the SHA-256
 * of that file. Loading verifies each file it reads against it, so an edited {@code bundle.json} (a feature
 * mean, a label) or edited training metrics are refused like an edited model; the registry records the
 * identity, so a bundle exported from it is checked against what was registered.
 */
public final class BundleChecksums {
    /** The checksum file inside a bundle. */
    public static final String FILE = BundleLayout.CHECKSUMS_FILE;

    private static final int HEX = 64;
    private static final long MAX_BYTES = 1L << 20;

    private final Path folder;
    private final String identity;
    private final Map<String, String> sums;

    private BundleChecksums(final Path folder, final String identity, final Map<String, String> sums) {
        this.folder = folder;
        this.identity = identity;
        this.sums = Collections.unmodifiableMap(sums);
    }

    /**
     * Computes and writes the checksum file of a bundle folder that is being written.
     *
     * @param folder the (temporary) bundle folder
     * @param names  the files to cover, bare names inside the folder
     * @return the bundle's identity
     * @throws IOException if writing fails
     */
    public static String write(final Path folder, final Collection<String> names) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        for (String name : names) {
            sums.put(checkName(folder, name), Hashing.sha256(folder.resolve(name)));
        }
        byte[] text = text(sums);
        Files.write(folder.resolve(FILE), text);
        return Hashing.sha256(text);
    }

    /**
     * Reads a bundle's checksum file.
     *
     * @param folder the bundle folder
     * @return its checksums
     * @throws MlopsException if the file is missing, not a regular file, too large or malformed
     */
    public static BundleChecksums read(final Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            throw MlopsException.inFile(
                    file,
                    "not found; every bundle written by mlops train lists the SHA-256 of its files here"
                            + " (a bundle from an older mlops: train it again)");
        }
        byte[] bytes = BoundedFiles.read(file, MAX_BYTES);
        Map<String, String> sums = new TreeMap<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() && i == lines.length - 1) {
                break;
            }
            if (line.length() < HEX + 3 || !line.startsWith("  ", HEX) || !hex(line.substring(0, HEX))) {
                throw MlopsException.atLine(file, i + 1L, "expected '<64 lower-case hex digits>  <file name>'");
            }
            String name = line.substring(HEX + 2);
            if (!bareName(name) || sums.put(name, line.substring(0, HEX)) != null) {
                throw MlopsException.atLine(
                        file, i + 1L, "file name must be a plain name inside the bundle, listed once");
            }
        }
        return new BundleChecksums(folder, Hashing.sha256(bytes), sums);
    }

    /**
     * Checks that a name from a bundle's files is a plain file name inside the bundle folder (no path, no
     * {@code ..}, not hidden), so that nothing outside the bundle is ever read through it.
     *
     * @param folder the bundle folder, for the message
     * @param name   the name
     * @return the name
     * @throws MlopsException if it is not
     */
    public static String checkName(final Path folder, final String name) {
        if (!bareName(name)) {
            throw MlopsException.inFile(
                    folder,
                    "file name \"" + io.mlops.contract.text.Printable.shorten(name)
                            + "\" is not a plain file name inside the bundle");
        }
        return name;
    }

    /** @return the bundle's identity: the SHA-256 of its checksum file */
    public String identity() {
        return identity;
    }

    /** @return the listed files and their SHA-256, by name */
    public Map<String, String> sums() {
        return sums;
    }

    /**
     * Reads a listed file, within a size cap, and verifies it.
     *
     * @param name     the file name
     * @param maxBytes the size cap
     * @param what     what the file is, for the message (e.g. {@code model file})
     * @param verb     what is refused, for the message (e.g. {@code load})
     * @return its verified bytes
     * @throws MlopsException if it is not listed, not a regular file, too large or differs
     */
    public byte[] readVerified(final String name, final long maxBytes, final String what, final String verb) {
        Path file = folder.resolve(checkName(folder, name));
        String expected = sums.get(name);
        if (expected == null) {
            throw MlopsException.inFile(file, "not listed in " + FILE + "; refusing to " + verb + " the bundle");
        }
        byte[] bytes = BoundedFiles.read(file, maxBytes);
        String actual = Hashing.sha256(bytes);
        if (!actual.equals(expected)) {
            throw MlopsException.inFile(
                    file,
                    "checksum mismatch: expected SHA-256 " + expected + ", found " + actual + "; the " + what
                            + " is corrupted or was modified, refusing to " + verb + " it");
        }
        return bytes;
    }

    /**
     * Verifies every listed file, each read only after a type and size check.
     *
     * @param maxBytes the size cap per file
     * @param verb     what is refused, for the message
     * @throws MlopsException naming the first file that is missing or differs
     */
    public void verifyAll(final long maxBytes, final String verb) {
        for (String name : sums.keySet()) {
            readVerified(name, maxBytes, "file", verb);
        }
    }

    private static byte[] text(final Map<String, String> sums) {
        StringBuilder text = new StringBuilder();
        sums.forEach((name, sum) -> text.append(sum).append("  ").append(name).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean bareName(final String name) {
        if (name == null || name.isEmpty() || name.length() > 255 || name.charAt(0) == '.') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private static boolean hex(final String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
