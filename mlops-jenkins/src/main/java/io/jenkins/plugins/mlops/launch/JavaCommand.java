package io.jenkins.plugins.mlops.launch;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line that starts the {@code mlops} command in its own JVM:
 * {@code <java> <jvm options> -cp <jars> io.mlops.cli.Mlops <arguments>}.
 */
public final class JavaCommand {
    /** The main class of the mlops command line. */
    public static final String MAIN_CLASS = "io.mlops.cli.Mlops";

    /** JVM options: fail fast on out-of-memory instead of hanging, never open windows. */
    static final List<String> JVM_OPTIONS = List.of("-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");

    private JavaCommand() {}

    /**
     * Returns the java executable of a Java installation.
     *
     * @param javaHome the Java home directory
     * @param windows whether the machine runs Windows
     * @return the path of the java executable
     */
    public static String javaExecutable(String javaHome, boolean windows) {
        return javaHome + File.separator + "bin" + File.separator + (windows ? "java.exe" : "java");
    }

    /**
     * Builds the full command line.
     *
     * @param java the java executable
     * @param classpath the jars of the engine and the command line
     * @param arguments the arguments of the mlops command, e.g. {@code train --data x.csv}
     * @return the command line, program first
     */
    public static List<String> of(String java, List<String> classpath, List<String> arguments) {
        if (classpath.isEmpty()) {
            throw new IllegalArgumentException("classpath must not be empty");
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(MAIN_CLASS);
        command.addAll(arguments);
        return command;
    }
}
