package io.jenkins.plugins.mlops.launch;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/**
 * The calls the plugin makes on an agent. Each carries and returns only strings and booleans, so nothing of
 * the plugin but these small classes crosses the agent channel.
 */
public final class AgentCalls {
    private AgentCalls() {}

    /** Returns the Java home of the agent's own JVM, the engine's Java when the build sets no {@code JAVA_HOME}. */
    public static final class JavaHome extends MasterToSlaveFileCallable<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String invoke(File workspace, VirtualChannel channel) {
            return System.getProperty("java.home");
        }
    }

    /** Tells whether the engine file this is called on is in the cache, intact. */
    public static final class IsInstalled extends MasterToSlaveFileCallable<Boolean> {
        private static final long serialVersionUID = 1L;
        private final String sha256;

        /** @param sha256 the engine's expected SHA-256 */
        public IsInstalled(String sha256) {
            this.sha256 = sha256;
        }

        @Override
        public Boolean invoke(File engine, VirtualChannel channel) throws IOException {
            return EngineCache.isInstalled(engine.toPath(), sha256);
        }
    }

    /** Moves the copied engine this is called on into its place in the cache; returns the engine's path. */
    public static final class Install extends MasterToSlaveFileCallable<String> {
        private static final long serialVersionUID = 1L;
        private final String fileName;
        private final String sha256;

        /**
         * @param fileName the engine's file name in the cache folder
         * @param sha256 the engine's expected SHA-256
         */
        public Install(String fileName, String sha256) {
            this.fileName = fileName;
            this.sha256 = sha256;
        }

        @Override
        public String invoke(File copy, VirtualChannel channel) throws IOException {
            return EngineCache.install(copy.toPath(), copy.toPath().resolveSibling(fileName), sha256);
        }
    }
}
