package io.jenkins.plugins.mlops.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes the one {@link MlopsJenkins} of the module: started by the first class that needs it, stopped
 * (with the agent and every engine process) when all tests are done, even after a failure. Without a distribution
 * every class is skipped with the reason.
 */
public final class MlopsJenkinsExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MlopsJenkinsExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        JenkinsDistribution.Lookup lookup = JenkinsDistribution.locate(System.getenv(), repoRoot());
        if (lookup instanceof JenkinsDistribution.Missing missing) {
            String message = "skipped: no Jenkins distribution: " + missing.reason();
            System.err.println("[mlops-jenkins-it] " + message);
            Assumptions.abort(message);
        }
        JenkinsDistribution distribution = ((JenkinsDistribution.Found) lookup).distribution();
        context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(Started.class, key -> Started.start(distribution), Started.class)
                .jenkins();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MlopsJenkins.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .get(Started.class, Started.class)
                .jenkins();
    }

    private static Path repoRoot() {
        return Path.of(System.getProperty("mlops.repoRoot", ".."))
                .toAbsolutePath()
                .normalize();
    }

    /** The started Jenkins, or why it did not start (so later classes fail at once instead of starting again). */
    private record Started(MlopsJenkins running, RuntimeException failure)
            implements ExtensionContext.Store.CloseableResource {
        static Started start(JenkinsDistribution distribution) {
            Path work = Path.of(System.getProperty("mlops.it.work", "target/jenkins-it"))
                    .toAbsolutePath();
            Path hpi = Path.of(System.getProperty("mlops.hpi", "../mlops-jenkins/target/mlops.hpi"))
                    .toAbsolutePath();
            try {
                deleteRecursively(work);
                Path fixtures = ExampleData.write(work.resolve("example-data"));
                return new Started(MlopsJenkins.start(distribution, hpi, work, fixtures), null);
            } catch (RuntimeException failure) {
                return new Started(null, failure);
            } catch (AssertionError failure) {
                return new Started(null, new IllegalStateException(failure.getMessage(), failure));
            }
        }

        MlopsJenkins jenkins() {
            if (failure != null) {
                throw new IllegalStateException("Jenkins did not start: " + failure.getMessage(), failure);
            }
            return running;
        }

        @Override
        public void close() {
            if (running != null) {
                running.close();
            }
        }
    }

    static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException exception) {
            throw new UncheckedIOException("cannot clear " + folder, exception);
        }
    }
}
