package io.jenkins.plugins.mlops.launch;

import java.io.File;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The jars the engine needs in its child JVM, as files on the controller: every jar next to the
 * plugin jar ({@code WEB-INF/lib} of the installed plugin) plus the jars of the few libraries the
 * engine shares with Jenkins core, which the plugin therefore does not bundle.
 */
public final class EngineDistribution {
    /**
     * Classes of libraries that Jenkins core provides and the engine needs, too; the plugin does not
     * bundle them, so their jars are taken from core for the engine's JVM.
     */
    public static final List<String> FROM_CORE = List.of(
            "org.slf4j.LoggerFactory",
            "org.apache.commons.logging.LogFactory",
            "org.apache.commons.beanutils.BeanUtils",
            "org.apache.commons.collections.CollectionUtils");

    private final List<File> jars;

    /**
     * Creates a distribution of the given jars.
     *
     * @param jars the jar files
     */
    public EngineDistribution(List<File> jars) {
        if (jars.isEmpty()) {
            throw new IllegalArgumentException("an engine distribution needs at least one jar");
        }
        this.jars = List.copyOf(jars);
    }

    /**
     * Locates the distribution of the installed plugin.
     *
     * @return the jars of the engine
     */
    public static EngineDistribution locate() {
        File pluginJar = jarOf(EngineDistribution.class)
                .orElseThrow(() -> new IllegalStateException("[mlops] cannot locate the plugin's jars: "
                        + EngineDistribution.class.getName() + " was not loaded from a jar"));
        Set<File> found = new LinkedHashSet<>();
        File[] files = pluginJar.getParentFile().listFiles((dir, name) -> name.endsWith(".jar"));
        Arrays.stream(files == null ? new File[0] : files)
                .sorted(Comparator.comparing(File::getName))
                .forEach(found::add);
        for (String className : FROM_CORE) {
            try {
                jarOf(Class.forName(className, false, EngineDistribution.class.getClassLoader()))
                        .ifPresent(found::add);
            } catch (ClassNotFoundException e) {
                // not provided here; the engine must bring it itself
            }
        }
        return new EngineDistribution(new ArrayList<>(found));
    }

    /**
     * Returns the jar a class was loaded from.
     *
     * @param type the class
     * @return its jar, or empty if it was not loaded from a jar file
     */
    public static Optional<File> jarOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            File file = new File(source.getLocation().toURI());
            return file.isFile() && file.getName().endsWith(".jar") ? Optional.of(file) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns the jar files.
     *
     * @return the jars, in classpath order
     */
    public List<File> getJars() {
        return jars;
    }
}
