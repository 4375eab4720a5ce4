package io.mlops.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * pandas and scikit-learn on the benchmark's file, in a Python process of their own that waits for each
 * command, so that their measurements alternate with the engine's in the same run (see
 * {@code python_baseline.py}).
 */
final class PythonBaseline implements AutoCloseable {
    private static final String SCRIPT = "python_baseline.py";

    private final Process process;
    private final BufferedWriter commands;
    private final BufferedReader answers;
    private final Path folder;
    private final String versions;

    /** What one training run of scikit-learn gave. */
    record Training(double seconds, double accuracy, int iterations) {}

    private PythonBaseline(final Process process, final Path folder) throws IOException {
        this.process = process;
        this.folder = folder;
        this.commands = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = answers.readLine();
        if (ready == null || !ready.startsWith("ready ")) {
            throw new IOException("the Python baseline did not start: " + ready);
        }
        this.versions = ready.substring("ready ".length());
    }

    /**
     * Starts Python with pandas and scikit-learn, if they are installed.
     *
     * @param csv    the benchmark file
     * @param label  its label column
     * @param folder where to put the script and the split files
     * @return the baseline, or a reason why there is none
     */
    static Started start(final Path csv, final String label, final Path folder) {
        String python = null;
        String problem = "not found";
        // the Debian packages live in /usr/bin/python3, which a pyenv or virtualenv python3 may shadow
        for (String candidate : new String[] {"python3", "/usr/bin/python3"}) {
            String missing = missingModules(candidate);
            if (missing == null) {
                python = candidate;
                break;
            }
            problem = missing;
        }
        if (python == null) {
            return new Started(
                    null,
                    "python3 with pandas and scikit-learn not found (" + problem
                            + "); install python3-pandas and python3-sklearn to compare");
        }
        try {
            Path script = folder.resolve(SCRIPT);
            try (InputStream in = PythonBaseline.class.getResourceAsStream(SCRIPT)) {
                Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Process process = new ProcessBuilder(python, script.toString(), csv.toString(), label)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            return new Started(new PythonBaseline(process, folder), null);
        } catch (IOException exception) {
            return new Started(null, python + " could not be started: " + exception.getMessage());
        }
    }

    /** @return {@code null} if the interpreter imports pandas and scikit-learn, else what went wrong */
    private static String missingModules(final String python) {
        try {
            Process check = new ProcessBuilder(python, "-c", "import pandas, sklearn")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!check.waitFor(60, TimeUnit.SECONDS)) {
                check.destroyForcibly();
                return python + " did not answer";
            }
            return check.exitValue() == 0 ? null : python + ": " + lastLine(output);
        } catch (IOException exception) {
            return python + ": " + exception.getMessage();
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * The baseline, or why there is none.
     *
     * @param baseline the running baseline, or {@code null}
     * @param absent   why it is absent, or {@code null}
     */
    record Started(PythonBaseline baseline, String absent) {}

    /** @return the versions of pandas, scikit-learn and numpy */
    String versions() {
        return versions;
    }

    /** @return seconds {@code pandas.read_csv} took */
    double load() {
        return Double.parseDouble(ask("load")[1]);
    }

    /**
     * Hands over the engine's split, so both train and test on the same rows.
     *
     * @param train training row indexes
     * @param test  test row indexes
     */
    void split(final int[] train, final int[] test) {
        try {
            Path trainFile = folder.resolve("train-rows.txt");
            Path testFile = folder.resolve("test-rows.txt");
            Files.writeString(trainFile, lines(train));
            Files.writeString(testFile, lines(test));
            ask("split " + trainFile + " " + testFile);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    /** @return seconds, test accuracy and iterations of StandardScaler + LogisticRegression */
    Training train() {
        String[] words = ask("train");
        return new Training(Double.parseDouble(words[1]), Double.parseDouble(words[2]), Integer.parseInt(words[3]));
    }

    private static String lines(final int[] rows) {
        return Arrays.stream(rows).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n"));
    }

    private String[] ask(final String command) {
        try {
            commands.write(command);
            commands.newLine();
            commands.flush();
            String answer = answers.readLine();
            if (answer == null || answer.startsWith("error")) {
                throw new IllegalStateException("the Python baseline failed on '" + command + "': " + answer);
            }
            return answer.split(" ");
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    private static String lastLine(final String output) {
        List<String> lines = output.lines().toList();
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
    }

    @Override
    public void close() {
        try {
            commands.write("quit");
            commands.newLine();
            commands.flush();
        } catch (IOException exception) {
            // already gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException exception) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
