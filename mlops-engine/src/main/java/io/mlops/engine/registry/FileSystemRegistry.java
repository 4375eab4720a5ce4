package io.mlops.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.contract.MlopsException;
import io.mlops.contract.bundle.BundleLayout;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.registry.ModelNames;
import io.mlops.contract.registry.ModelRef;
import io.mlops.contract.retrain.DataChange;
import io.mlops.engine.io.AtomicFiles;
import io.mlops.engine.io.BoundedFiles;
import io.mlops.engine.model.BundleChecksums;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A {@link ModelRegistry} in a folder on a local or shared disk. The layout is documented in
 * {@code docs/registry.md}; in short:
 *
 * <pre>
 * registry.json                      format marker
 * .lock                              writers' lock
 * blobs/sha256/&lt;sha256&gt;              model files, content addressed
 * index/data-sha256/&lt;sha256&gt;         versions trained from that data (JSON Lines)
 * models/&lt;name&gt;/next-version         hint: the next version number
 * models/&lt;name&gt;/versions/&lt;n&gt;/         version.json, bundle.json, run-metadata.json, MODEL_CARD.md
 * models/&lt;name&gt;/audit.log            alias moves (JSON Lines), the truth about aliases
 * models/&lt;name&gt;/aliases.json         snapshot of the aliases after a given audit entry
 * </pre>
 *
 * <p>Writers hold {@link RegistryLock}; a version folder is built as {@code models/<name>/.tmp-*} and renamed
 * into place, so it is visible complete or not at all. Readers take no lock. Registering, moving an alias
 * and resolving never list a folder, so they cost the same however many versions a model has.</p>
 */
public final class FileSystemRegistry implements ModelRegistry {
    /** The file that marks a registry folder. */
    public static final String MARKER = "registry.json";
    /** The record of a version inside its folder. */
    public static final String VERSION_FILE = "version.json";
    /** The format of {@code registry.json} and {@code version.json} this code writes. */
    public static final int FORMAT_VERSION = 1;

    private static final String NEXT_VERSION = "next-version";
    private static final String TEMP_PREFIX = ".tmp-";
    private static final int LISTED = 20;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Clock clock;
    private final RegistryLock lock;
    private final BlobStore blobs;
    private final LineageIndex lineage;
    private final RegistryListener listener;

    private FileSystemRegistry(final Path root, final Clock clock, final RegistryListener listener) {
        this.root = root;
        this.clock = clock;
        this.lock = new RegistryLock(root);
        this.blobs = new BlobStore(root);
        this.lineage = new LineageIndex(root);
        this.listener = listener;
    }

    /**
     * Opens the registry in a folder, creating it if the folder does not exist or is empty.
     *
     * @param folder the registry folder
     * @return the registry
     * @throws MlopsException if the folder holds something else or a newer registry format
     */
    public static FileSystemRegistry open(final Path folder) {
        return open(folder, Clock.systemUTC(), null);
    }

    /**
     * Opens the registry in a folder with a clock and a listener for changes (such as {@link GitMirror}).
     *
     * @param folder   the registry folder
     * @param clock    the clock for registration and audit times
     * @param listener told about every change, under the writers' lock; {@code null} for the {@link GitMirror}
     *                 configured in {@code registry.json}, if any
     * @return the registry
     */
    public static FileSystemRegistry open(final Path folder, final Clock clock, final RegistryListener listener) {
        Path absolute = folder.toAbsolutePath().normalize();
        // an existing registry is opened without write access, so that reading it needs none
        Path root = Files.isRegularFile(absolute.resolve(MARKER)) ? absolute : AtomicFiles.ensureFolder(absolute);
        try {
            root = root.toRealPath();
        } catch (IOException exception) {
            throw new MlopsException(folder + ": cannot open registry: " + exception.getMessage(), exception);
        }
        FileSystemRegistry registry =
                new FileSystemRegistry(root, clock, listener == null ? RegistryListener.NONE : listener);
        JsonNode format = registry.initialise(folder);
        JsonNode git = format.path("git");
        if (listener == null && git.isObject()) {
            return new FileSystemRegistry(
                    root,
                    clock,
                    new GitMirror(
                            git.path("remote").asText(null), git.path("branch").asText("main")));
        }
        return registry;
    }

    /** @return the registry folder */
    public Path root() {
        return root;
    }

    private JsonNode initialise(final Path given) {
        Path marker = root.resolve(MARKER);
        if (!Files.exists(marker)) {
            try (RegistryLock.Held held = lock.acquire();
                    Stream<Path> entries = Files.list(root)) {
                if (!Files.exists(marker)) {
                    Set<String> others = entries.map(p -> p.getFileName().toString())
                            .filter(n -> !n.equals(".lock") && !n.equals(".git") && !n.startsWith("." + MARKER))
                            .collect(Collectors.toCollection(java.util.TreeSet::new));
                    if (!others.isEmpty()) {
                        throw new MlopsException(given + ": not a model registry (no " + MARKER
                                + ") and not empty; choose a new or empty folder");
                    }
                    Durable.replace(
                            marker,
                            ("{\n  \"format\" : \"mlops-registry\",\n  \"formatVersion\" : " + FORMAT_VERSION + "\n}\n")
                                    .getBytes(StandardCharsets.UTF_8));
                    listener.changed(root, List.of(MARKER), "create registry");
                }
            } catch (IOException exception) {
                throw new MlopsException(given + ": cannot create registry: " + exception.getMessage(), exception);
            }
        }
        JsonNode format = readJson(marker);
        if (format.path("formatVersion").asInt() > FORMAT_VERSION) {
            throw MlopsException.inFile(
                    marker,
                    "registry format " + format.path("formatVersion").asInt()
                            + " is newer than this version of mlops supports (" + FORMAT_VERSION + ")");
        }
        return format;
    }

    @Override
    public ModelVersion register(final Registration registration) {
        BundleCandidate candidate = BundleCandidate.read(registration.bundle());
        RunSummary run = RunSummary.of(candidate.metadata());
        DataGitInfo dataGit = dataGit(registration.workDir(), run);
        blobs.put(candidate.modelFile(), candidate.modelSha256());
        return store(registration, candidate, run, dataGit);
    }

    private ModelVersion store(
            final Registration registration,
            final BundleCandidate candidate,
            final RunSummary run,
            final DataGitInfo dataGit) {
        String actual = candidate.modelSha256();
        long size = size(candidate.modelFile());
        String name = registration.name();
        Path modelFolder = modelFolder(name);
        try (RegistryLock.Held held = lock.acquire()) {
            Files.createDirectories(modelFolder.resolve("versions"));
            removeTemporaryFiles(modelFolder);
            int number = nextVersion(modelFolder);
            String now = now();
            ModelVersion version = new ModelVersion(
                    FORMAT_VERSION,
                    name,
                    number,
                    new ModelVersion.ModelFile(
                            actual,
                            blobs.relative(actual),
                            size,
                            candidate.manifest().modelFingerprint(),
                            candidate.manifest().algorithm(),
                            candidate.folder().toString(),
                            candidate.identity()),
                    registration.registeredBy(),
                    now,
                    registration.build(),
                    run,
                    dataGit);
            Path temp = modelFolder.resolve(TEMP_PREFIX + UUID.randomUUID());
            Files.createDirectory(temp);
            Durable.create(temp.resolve(BundleLayout.MANIFEST_FILE), candidate.manifestBytes());
            Durable.create(temp.resolve(BundleLayout.METADATA_FILE), candidate.metadataBytes());
            Durable.create(temp.resolve(BundleChecksums.FILE), candidate.checksumBytes());
            Durable.create(
                    temp.resolve(BundleLayout.CARD_FILE),
                    ModelCard.markdown(version, candidate.manifest().labels(), candidate.features())
                            .getBytes(StandardCharsets.UTF_8));
            Durable.create(temp.resolve(VERSION_FILE), RegistryJson.PRETTY.writeValueAsBytes(version));
            Durable.syncFolder(temp);
            if (run.trainDataSha256() != null
                    && SHA256.matcher(run.trainDataSha256()).matches()) {
                lineage.add(run.trainDataSha256(), name, number);
            }
            Path target = versionFolder(name, number);
            Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Durable.syncFolder(target.getParent());
            Durable.overwriteHint(
                    modelFolder.resolve(NEXT_VERSION), (number + 1 + "\n").getBytes(StandardCharsets.UTF_8));
            List<String> changed =
                    new ArrayList<>(List.of(relative(target), relative(modelFolder.resolve(NEXT_VERSION))));
            if (run.trainDataSha256() != null) {
                changed.add(LineageIndex.FOLDER + "/" + run.trainDataSha256());
            }
            String message = "register " + name + "@" + number + " by " + registration.registeredBy();
            if (registration.alias() != null) {
                new AliasLog(modelFolder)
                        .append(
                                registration.alias(),
                                number,
                                registration.registeredBy(),
                                now,
                                "registered version " + number);
                changed.add(relative(modelFolder.resolve(AliasLog.LOG)));
                changed.add(relative(modelFolder.resolve(AliasLog.SNAPSHOT)));
                message += ", alias " + registration.alias();
            }
            listener.changed(root, changed, message);
            return version;
        } catch (IOException exception) {
            throw new MlopsException(root + ": cannot register " + name + ": " + exception.getMessage(), exception);
        }
    }

    @Override
    public AliasMove setAlias(
            final String name, final String alias, final int version, final String by, final String reason) {
        ModelNames.requireAlias(alias);
        Path modelFolder = existingModel(name);
        try (RegistryLock.Held held = lock.acquire()) {
            if (!Files.isRegularFile(versionFolder(name, version).resolve(VERSION_FILE))) {
                throw versionNotFound(name, version);
            }
            removeTemporaryFiles(modelFolder);
            String who = by == null || by.isBlank() ? "unknown" : by;
            AliasMove move = new AliasLog(modelFolder).append(alias, version, who, now(), reason == null ? "" : reason);
            listener.changed(
                    root,
                    List.of(
                            relative(modelFolder.resolve(AliasLog.LOG)),
                            relative(modelFolder.resolve(AliasLog.SNAPSHOT))),
                    "alias " + name + "@" + alias + " -> " + version + " by " + who + ": " + move.reason());
            return move;
        } catch (IOException exception) {
            throw new MlopsException(
                    root + ": cannot set alias " + alias + " of " + name + ": " + exception.getMessage(), exception);
        }
    }

    @Override
    public void recordDeployment(final String name, final Deployment deployment) {
        Path modelFolder = existingModel(name);
        try (RegistryLock.Held held = lock.acquire()) {
            if (!Files.isRegularFile(versionFolder(name, deployment.version()).resolve(VERSION_FILE))) {
                throw versionNotFound(name, deployment.version());
            }
            new DeploymentLog(modelFolder).append(deployment);
            listener.changed(
                    root,
                    List.of(
                            relative(modelFolder.resolve(DeploymentLog.LOG)),
                            relative(modelFolder.resolve(DeploymentLog.CURRENT))),
                    "deploy " + name + "@" + deployment.version() + " to " + deployment.target() + ": "
                            + deployment.status());
        } catch (IOException exception) {
            throw new MlopsException(
                    root + ": cannot record the deployment of " + name + ": " + exception.getMessage(), exception);
        }
    }

    @Override
    public Map<String, Deployment> deployments(final String name) {
        return new DeploymentLog(existingModel(name)).current();
    }

    @Override
    public List<Deployment> deploymentHistory(final String name) {
        return new DeploymentLog(existingModel(name)).history();
    }

    @Override
    public ModelVersion resolve(final ModelRef ref) {
        Path modelFolder = existingModel(ref.name());
        int number;
        if (ref.version() != null) {
            number = ref.version();
        } else if (ref.alias() != null) {
            Map<String, Integer> aliases = aliases(modelFolder);
            Integer target = aliases.get(ref.alias());
            if (target == null) {
                throw new ModelNotFoundException("alias '" + ref.alias() + "' of model '" + ref.name() + "' not found; "
                        + (aliases.isEmpty()
                                ? "the model has no aliases"
                                : "aliases: "
                                        + bounded(aliases.entrySet().stream()
                                                .map(e -> e.getKey() + " -> " + e.getValue())
                                                .toList())));
            }
            number = target;
        } else {
            number = latest(modelFolder);
            if (number == 0) {
                throw new ModelNotFoundException("model '" + ref.name() + "' has no versions yet");
            }
        }
        return readVersion(ref.name(), number);
    }

    @Override
    public List<ModelSummary> models() {
        return modelNames().stream()
                .map(name -> {
                    Path folder = modelFolder(name);
                    return new ModelSummary(name, latest(folder), aliases(folder));
                })
                .filter(summary -> summary.latest() > 0)
                .toList();
    }

    @Override
    public List<ModelVersion> versions(final String name) {
        Path folder = existingModel(name).resolve("versions");
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(ModelNames::isNumber)
                    .map(Integer::valueOf)
                    .sorted()
                    .map(n -> readVersion(name, n))
                    .toList();
        } catch (IOException exception) {
            throw new MlopsException(folder + ": cannot list versions: " + exception.getMessage(), exception);
        }
    }

    @Override
    public Map<String, Integer> aliases(final String name) {
        return aliases(existingModel(name));
    }

    @Override
    public List<AliasMove> auditLog(final String name) {
        Path folder = existingModel(name);
        try {
            return new AliasLog(folder).entries();
        } catch (IOException exception) {
            throw new MlopsException(
                    folder.resolve(AliasLog.LOG) + ": cannot read audit log: " + exception.getMessage(), exception);
        }
    }

    @Override
    public VersionDiff diff(final String name, final int from, final int to) {
        return VersionDiffer.diff(readVersion(name, from), readVersion(name, to));
    }

    @Override
    public Lineage lineage(final ModelRef ref) {
        ModelVersion version = resolve(ref);
        String sha = version.run().trainDataSha256();
        List<String> same = sha == null
                ? List.of()
                : versionsTrainedFrom(sha).stream()
                        .map(v -> v.name() + "@" + v.version())
                        .toList();
        ModelVersion previous = previousVersion(version);
        return new Lineage(
                version.name() + "@" + version.version(),
                version.run().data(),
                version.dataGit(),
                version.run().code(),
                version.build(),
                version.registeredAt() + " by " + version.registeredBy(),
                same,
                previous == null ? null : previous.name() + "@" + previous.version(),
                previous == null ? null : dataChange(previous, version));
    }

    /** The highest version below this one that still exists, or {@code null}. */
    private ModelVersion previousVersion(final ModelVersion version) {
        for (int n = version.version() - 1; n >= 1; n--) {
            if (Files.isRegularFile(versionFolder(version.name(), n).resolve(VERSION_FILE))) {
                return readVersion(version.name(), n);
            }
        }
        return null;
    }

    private static DataChange dataChange(final ModelVersion before, final ModelVersion now) {
        RunSummary.DataRef old =
                before.run().data() == null ? null : before.run().data().get(RunMetadata.TRAIN_DATA);
        RunSummary.DataRef current =
                now.run().data() == null ? null : now.run().data().get(RunMetadata.TRAIN_DATA);
        if (old == null || current == null) {
            return null;
        }
        return DataChange.between(old.inputFiles(), current.inputFiles());
    }

    @Override
    public List<ModelVersion> versionsTrainedFrom(final String dataSha256) {
        String sha = dataSha256 == null ? "" : dataSha256.toLowerCase(java.util.Locale.ROOT);
        if (!SHA256.matcher(sha).matches()) {
            throw new MlopsException(
                    "invalid data fingerprint '" + dataSha256 + "': expected a SHA-256 (64 hex digits)");
        }
        try {
            List<ModelVersion> versions = new ArrayList<>();
            for (LineageIndex.Entry entry : lineage.entries(sha)) {
                Path file = versionFolder(entry.name(), entry.version()).resolve(VERSION_FILE);
                if (ModelNames.isValid(entry.name()) && Files.isRegularFile(file)) {
                    ModelVersion version = readVersion(entry.name(), entry.version());
                    if (sha.equals(version.run().trainDataSha256())) {
                        versions.add(version);
                    }
                }
            }
            versions.sort(Comparator.comparing(ModelVersion::name).thenComparingInt(ModelVersion::version));
            return versions;
        } catch (IOException exception) {
            throw new MlopsException(
                    root.resolve(LineageIndex.FOLDER) + ": cannot read lineage index: " + exception.getMessage(),
                    exception);
        }
    }

    @Override
    public String modelCard(final ModelVersion version) {
        Path file = versionFolder(version.name(), version.version()).resolve(BundleLayout.CARD_FILE);
        try {
            return Files.readString(file);
        } catch (IOException exception) {
            throw MlopsException.inFile(file, "cannot read model card: " + exception.getMessage());
        }
    }

    @Override
    public byte[] readModel(final ModelVersion version) {
        return blobs.read(version.model().sha256(), version.name() + "@" + version.version());
    }

    @Override
    public ModelVersion export(final ModelRef ref, final Path folder) {
        ModelVersion version = resolve(ref);
        byte[] model = readModel(version);
        Path target = folder.toAbsolutePath().normalize();
        if (Files.exists(target) && !isEmptyFolder(target)) {
            throw new MlopsException(folder + ": output folder exists and is not empty; choose a new or empty folder");
        }
        Path parent = AtomicFiles.ensureFolder(target.getParent());
        Path temp = parent.resolve("." + target.getFileName() + TEMP_PREFIX + UUID.randomUUID());
        Path source = versionFolder(version.name(), version.version());
        try {
            Files.createDirectory(temp);
            Files.write(temp.resolve(BundleLayout.MODEL_FILE), model);
            for (String file :
                    List.of(BundleLayout.MANIFEST_FILE, BundleLayout.METADATA_FILE, BundleLayout.CARD_FILE)) {
                Files.copy(source.resolve(file), temp.resolve(file));
            }
            if (version.model().bundleSha256() != null) {
                Files.copy(source.resolve(BundleChecksums.FILE), temp.resolve(BundleChecksums.FILE));
                checkExported(temp, version);
            }
            Files.deleteIfExists(target);
            AtomicFiles.move(temp, target);
            temp = null;
        } catch (IOException exception) {
            throw new MlopsException(folder + ": cannot export " + ref + ": " + exception.getMessage(), exception);
        } finally {
            AtomicFiles.deleteQuietly(temp);
        }
        return version;
    }

    /**
     * Checks an exported bundle against the registry: its checksum file is the one registered (the bundle's
     * identity), every file matches it, and its model is the registered model.
     */
    private static void checkExported(final Path folder, final ModelVersion version) {
        BundleChecksums checksums = BundleChecksums.read(folder);
        String what = version.name() + "@" + version.version();
        if (!checksums.identity().equals(version.model().bundleSha256())) {
            throw MlopsException.inFile(
                    folder.resolve(BundleChecksums.FILE),
                    "bundle identity " + checksums.identity() + " differs from the "
                            + version.model().bundleSha256() + " registered for " + what
                            + "; the registry's copy was modified, refusing to use it");
        }
        checksums.verifyAll(BoundedFiles.MAX_MODEL_BYTES, "use");
        if (!version.model().sha256().equals(checksums.sums().get(BundleLayout.MODEL_FILE))) {
            throw MlopsException.inFile(
                    folder.resolve(BundleLayout.MODEL_FILE),
                    "is not the model registered for " + what + "; refusing to use it");
        }
    }

    /**
     * Reads one version's record.
     *
     * @param name    the model
     * @param version the version
     * @return the version
     */
    public ModelVersion readVersion(final String name, final int version) {
        Path file = versionFolder(name, version).resolve(VERSION_FILE);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException exception) {
            existingModel(name);
            throw versionNotFound(name, version);
        } catch (IOException exception) {
            throw MlopsException.inFile(file, "cannot read version: " + exception.getMessage());
        }
        try {
            return RegistryJson.PRETTY.readValue(bytes, ModelVersion.class);
        } catch (IOException exception) {
            throw MlopsException.inFile(file, "unreadable version record: " + exception.getMessage());
        }
    }

    /**
     * Returns the folder of a version.
     *
     * @param name    the model
     * @param version the version
     * @return {@code models/<name>/versions/<version>}
     */
    public Path versionFolder(final String name, final int version) {
        return modelFolder(name).resolve("versions").resolve(Integer.toString(version));
    }

    private Path modelFolder(final String name) {
        return root.resolve("models").resolve(ModelNames.requireModelName(name));
    }

    private Path existingModel(final String name) {
        Path folder = modelFolder(name);
        if (!Files.isDirectory(folder)) {
            List<String> names = modelNames();
            throw new ModelNotFoundException("model '" + name + "' not found in registry " + root + "; "
                    + (names.isEmpty() ? "the registry is empty" : "models: " + bounded(names)));
        }
        return folder;
    }

    private ModelNotFoundException versionNotFound(final String name, final int version) {
        int latest = latest(modelFolder(name));
        return new ModelNotFoundException("version " + version + " of model '" + name + "' not found; "
                + (latest == 0
                        ? "the model has no versions yet"
                        : latest == 1 ? "it has version 1 only" : "versions are 1 to " + latest));
    }

    private List<String> modelNames() {
        Path models = root.resolve("models");
        if (!Files.isDirectory(models)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(models)) {
            return entries.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(ModelNames::isValid)
                    .sorted()
                    .toList();
        } catch (IOException exception) {
            throw new MlopsException(models + ": cannot list models: " + exception.getMessage(), exception);
        }
    }

    private Map<String, Integer> aliases(final Path modelFolder) {
        try {
            return new AliasLog(modelFolder).read().aliases();
        } catch (IOException exception) {
            throw new MlopsException(
                    modelFolder.resolve(AliasLog.SNAPSHOT) + ": cannot read aliases: " + exception.getMessage(),
                    exception);
        }
    }

    /**
     * The newest version, without listing: start at the hint and probe. The renamed version folder is the
     * truth; the hint is at most one behind it after a crash.
     */
    private static int latest(final Path modelFolder) {
        int next = firstFree(modelFolder);
        int latest = next - 1;
        while (latest > 0 && !Files.isDirectory(modelFolder.resolve("versions").resolve(Integer.toString(latest)))) {
            latest--;
        }
        return latest;
    }

    private static int nextVersion(final Path modelFolder) {
        return firstFree(modelFolder);
    }

    private static int firstFree(final Path modelFolder) {
        int next = hint(modelFolder);
        Path versions = modelFolder.resolve("versions");
        while (Files.exists(versions.resolve(Integer.toString(next)))) {
            next++;
        }
        return next;
    }

    private static int hint(final Path modelFolder) {
        try {
            int value = Integer.parseInt(
                    Files.readString(modelFolder.resolve(NEXT_VERSION)).trim()); // damaged: probe from 1
            return Math.max(1, value);
        } catch (IOException | NumberFormatException exception) {
            return 1;
        }
    }

    /**
     * Removes what a killed writer left in a model folder: half-built version folders ({@code .tmp-*}) and
     * temporary snapshot files ({@code .aliases.json.tmp-*}). The caller holds the lock, so none is in use.
     */
    private static void removeTemporaryFiles(final Path modelFolder) throws IOException {
        try (Stream<Path> entries = Files.list(modelFolder)) {
            entries.filter(p -> p.getFileName().toString().startsWith(".")
                            && p.getFileName().toString().contains(TEMP_PREFIX))
                    .forEach(AtomicFiles::deleteQuietly);
        }
    }

    private static DataGitInfo dataGit(final Path workDir, final RunSummary run) {
        RunSummary.DataRef train = run.data() == null ? null : run.data().get("train");
        if (workDir == null || train == null || train.file() == null) {
            return null;
        }
        // the first input file: a data set of several files sits in one Git work tree, if in any
        return DataGitInfo.of(workDir.resolve(train.inputFiles().get(0).file())).orElse(null);
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private String relative(final Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    private static JsonNode parse(final Path file, final byte[] bytes) {
        try {
            JsonNode node = RegistryJson.PRETTY.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw MlopsException.inFile(file, "not a JSON object");
            }
            return node;
        } catch (IOException exception) {
            throw MlopsException.inFile(file, "not valid JSON: " + exception.getMessage());
        }
    }

    private static JsonNode readJson(final Path file) {
        try {
            return parse(file, Files.readAllBytes(file));
        } catch (IOException exception) {
            throw MlopsException.inFile(file, "cannot read: " + exception.getMessage());
        }
    }

    private static long size(final Path file) {
        try {
            return Files.size(file);
        } catch (IOException exception) {
            throw MlopsException.inFile(file, "cannot read: " + exception.getMessage());
        }
    }

    private static boolean isEmptyFolder(final Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException exception) {
            return false;
        }
    }

    static String bounded(final List<String> items) {
        if (items.size() <= LISTED) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, LISTED)) + " and " + (items.size() - LISTED) + " more";
    }
}
