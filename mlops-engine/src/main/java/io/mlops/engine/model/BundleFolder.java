package io.mlops.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops.engine.MlopsException;
import io.mlops.engine.io.AtomicFiles;
import io.mlops.engine.io.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Decides whether a folder may receive a model bundle. Writing a bundle replaces the whole folder, so
 * a folder is only replaced when it holds nothing but a model bundle that mlops wrote: recognised by
 * the bundle marker and format version in its {@value ModelStore#MANIFEST_FILE}, never by the file
 * name alone, and holding only bundle files. Anything else in it is the user's and is never deleted.
 */
public final class BundleFolder {
    /** The files a bundle folder may hold; anything else makes the folder not replaceable. */
    public static final Set<String> BUNDLE_FILES =
            Set.of(ModelStore.MODEL_FILE, ModelStore.MANIFEST_FILE, "run-metadata.json", "MODEL_CARD.md");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LISTED_FILES = 5;

    private BundleFolder() {}

    /**
     * Checks, before any work, that a bundle can be written to a folder: the folder is new, empty or a
     * bundle that mlops wrote; it is not the working directory or a folder that contains it; it
     * contains none of the run's inputs; and it can be created.
     *
     * @param folder the bundle folder
     * @param inputs the files the run reads (data, test data, spec), which must survive the run
     * @throws MlopsException if the folder cannot be used, saying why
     */
    public static void checkOutput(final Path folder, final Collection<Path> inputs) {
        Path target = real(folder);
        Path workingDirectory = real(Path.of(""));
        if (workingDirectory.startsWith(target)) {
            throw new MlopsException(folder + ": output folder "
                    + (workingDirectory.equals(target) ? "is" : "contains")
                    + " the working directory, and writing a model bundle replaces the whole folder; "
                    + "choose a subfolder such as 'model'");
        }
        for (Path input : inputs) {
            if (input != null && real(input).startsWith(target)) {
                throw new MlopsException(folder + ": output folder contains the input " + input
                        + ", and writing a model bundle replaces the whole folder; choose another folder");
            }
        }
        checkReplaceable(folder);
        AtomicFiles.checkWritableFolder(target.getParent());
    }

    /**
     * Checks that writing a bundle to a folder loses nothing: the folder is absent, empty, or a bundle
     * that mlops wrote holding only bundle files.
     *
     * @param folder the bundle folder
     * @throws MlopsException if the folder holds anything else
     */
    public static void checkReplaceable(final Path folder) {
        Path target = folder.toAbsolutePath().normalize();
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new MlopsException(folder + ": output folder is a file, expected a folder");
        }
        Set<String> entries = entries(folder, target);
        if (entries.isEmpty()) {
            return;
        }
        Set<String> foreign = new TreeSet<>(entries);
        foreign.removeAll(BUNDLE_FILES);
        if (!foreign.isEmpty()) {
            throw new MlopsException(folder + ": output folder holds files that are not part of a model bundle ("
                    + listed(foreign) + "); writing a bundle replaces the whole folder, so choose a new or"
                    + " empty folder, or move those files away");
        }
        if (!isBundle(target)) {
            throw new MlopsException(folder + ": output folder is not a model bundle written by mlops (its "
                    + ModelStore.MANIFEST_FILE + " has no bundle marker '" + ModelStore.BUNDLE_MARKER
                    + "'); choose a new or empty folder");
        }
    }

    /**
     * Whether a folder holds a bundle that mlops wrote: its manifest carries the bundle marker, or, for
     * bundles written before the marker existed, format version 1 and the SHA-256 of its model file.
     */
    private static boolean isBundle(final Path folder) {
        Path manifestFile = folder.resolve(ModelStore.MANIFEST_FILE);
        if (!Files.isRegularFile(manifestFile, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(manifestFile.toFile());
        } catch (IOException exception) {
            return false;
        }
        if (manifest == null || !manifest.isObject()) {
            return false;
        }
        if (ModelStore.BUNDLE_MARKER.equals(manifest.path("format").asText(null))) {
            return true;
        }
        return manifest.path("formatVersion").asInt() == 1
                && ModelStore.MODEL_FILE.equals(manifest.path("modelFile").asText())
                && modelMatches(
                        folder.resolve(ModelStore.MODEL_FILE),
                        manifest.path("modelSha256").asText());
    }

    private static boolean modelMatches(final Path modelFile, final String sha256) {
        return Files.isRegularFile(modelFile, LinkOption.NOFOLLOW_LINKS)
                && Objects.equals(Hashing.sha256(modelFile), sha256);
    }

    private static Set<String> entries(final Path folder, final Path target) {
        try (Stream<Path> list = Files.list(target)) {
            return list.map(entry -> entry.getFileName().toString()).collect(TreeSet::new, Set::add, Set::addAll);
        } catch (IOException exception) {
            throw new MlopsException(folder + ": cannot list output folder: " + exception.getMessage(), exception);
        }
    }

    private static String listed(final Set<String> names) {
        List<String> first = names.stream().limit(LISTED_FILES).toList();
        String more = names.size() > LISTED_FILES ? " and " + (names.size() - LISTED_FILES) + " more" : "";
        return String.join(", ", first) + more;
    }

    /** The path with symbolic links resolved as far as it exists, so that aliases of a folder compare equal. */
    private static Path real(final Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException exception) {
            return absolute;
        }
    }
}
