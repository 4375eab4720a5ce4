package io.jenkins.plugins.mlops.launch;

import java.util.List;

/**
 * The shell script that starts the {@code mlops} command in its own JVM on the agent. It runs with the build's
 * environment, so it takes Java from there: {@code JAVA_HOME} (set by a JDK tool installation, {@code withEnv} or
 * the agent), else the Java the agent itself runs on, else {@code java} on the {@code PATH} (e.g. inside a
 * container); with none of them it fails with a message saying what to set.
 */
public final class EngineScript {
    /** The main class of the mlops command line. */
    public static final String MAIN_CLASS = "io.mlops.cli.Mlops";

    /**
     * JVM options: fail fast on out-of-memory instead of hanging, never open windows, print UTF-8 whatever the
     * agent's locale, as the log is read as UTF-8.
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true",
            "-Dfile.encoding=UTF-8",
            "-Dstdout.encoding=UTF-8",
            "-Dstderr.encoding=UTF-8");

    /** The exit code of the script when it finds no Java, the command line's usage error. */
    static final int NO_JAVA = 2;

    private EngineScript() {}

    /**
     * Writes the script.
     *
     * @param agentJavaHome the Java home of the agent's own JVM, the fallback when {@code JAVA_HOME} is unset
     * @param engineJar the staged engine jar on the agent
     * @param arguments the arguments of the mlops command
     * @return the script, starting with {@code #!/bin/sh}
     */
    public static String of(String agentJavaHome, String engineJar, List<String> arguments) {
        String agentJava = quote(agentJavaHome + "/bin/java");
        StringBuilder script = new StringBuilder();
        script.append("#!/bin/sh\n")
                .append("# Runs the mlops engine in its own JVM (written by the mlops Jenkins plugin).\n")
                .append("if [ -n \"${JAVA_HOME:-}\" ]; then\n")
                .append("  java=\"$JAVA_HOME/bin/java\"\n")
                .append("  if [ ! -x \"$java\" ]; then\n")
                .append("    echo \"mlops: JAVA_HOME is '$JAVA_HOME', but it has no bin/java;")
                .append(" set JAVA_HOME to a Java 17 or newer installation\" >&2\n")
                .append("    exit ")
                .append(NO_JAVA)
                .append('\n')
                .append("  fi\n")
                .append("elif [ -x ")
                .append(agentJava)
                .append(" ]; then\n")
                .append("  java=")
                .append(agentJava)
                .append('\n')
                .append("elif command -v java >/dev/null 2>&1; then\n")
                .append("  java=java\n")
                .append("else\n")
                .append("  echo \"mlops: no Java to run the engine: JAVA_HOME is not set, the agent's Java (")
                .append(agentJavaHome
                        .replace("'", "")
                        .replace("\"", "")
                        .replace("$", "")
                        .replace("`", ""))
                .append(") is not there and java is not on the PATH; set JAVA_HOME to a Java 17 or newer")
                .append(" installation, e.g. with a JDK tool or withEnv\" >&2\n")
                .append("  exit ")
                .append(NO_JAVA)
                .append('\n')
                .append("fi\n")
                .append("exec \"$java\"");
        for (String option : JVM_OPTIONS) {
            script.append(' ').append(option);
        }
        script.append(" -cp ").append(quote(engineJar)).append(' ').append(MAIN_CLASS);
        for (String argument : arguments) {
            script.append(' ').append(quote(argument));
        }
        return script.append('\n').toString();
    }

    /** Quotes a word for the shell: inside single quotes nothing is special but the single quote itself. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
