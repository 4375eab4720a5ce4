package io.jenkins.plugins.mlops.records;

import hudson.model.Run;
import java.io.File;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;

/**
 * An action whose typed result lives in a file of the build folder, like plugin-util-api's {@code BuildAction}: the
 * action itself (in {@code build.xml}, written by XStream) keeps only what identifies the result, and the result is
 * loaded on first use and kept while memory allows.
 *
 * @param <T> the type of the result
 */
public abstract class BuildAction<T> implements RunAction2 {
    private transient File buildDir;
    private transient SoftReference<T> loaded;

    /**
     * Creates the action of a running build.
     *
     * @param buildDir the build folder, where the result is stored
     */
    protected BuildAction(File buildDir) {
        this.buildDir = buildDir;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        buildDir = r.getRootDir();
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        buildDir = r.getRootDir();
    }

    /**
     * Reads the result from the build folder.
     *
     * @param folder the build folder
     * @return the result, or empty if its file is gone
     * @throws IOException if the file cannot be read or holds no valid result
     */
    protected abstract Optional<T> load(File folder) throws IOException;

    /**
     * Returns the result, loading it on first use.
     *
     * @return the result, or empty if it is not stored (any more) or cannot be read
     */
    protected final synchronized Optional<T> result() {
        T result = loaded == null ? null : loaded.get();
        if (result == null && buildDir != null) {
            try {
                result = load(buildDir).orElse(null);
            } catch (IOException e) {
                // a page shows what is there; the reason is logged, not a stack trace on the build page
                Logger.getLogger(getClass().getName()).log(Level.WARNING, e.getMessage(), e);
                result = null;
            }
            loaded = result == null ? null : new SoftReference<>(result);
        }
        return Optional.ofNullable(result);
    }
}
