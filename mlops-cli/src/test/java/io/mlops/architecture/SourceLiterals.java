package io.mlops.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The string literals written in Java sources. Sources, not class files: the compiler copies a constant such as
 * {@code BundleLayout.MODEL_FILE} into every class that uses it, so only the source tells a use of the contract's
 * constant from a copy of its value.
 */
final class SourceLiterals {
    private SourceLiterals() {}

    /** A string literal and where it is written. */
    record Literal(Path file, int line, String value) {
        @Override
        public String toString() {
            return file + ":" + line + " \"" + value + "\"";
        }
    }

    /**
     * Reads the string literals of every Java source under a folder.
     *
     * @param folder a source folder, e.g. {@code mlops-engine/src/main/java}
     * @return the literals, in file order
     */
    static List<Literal> under(final Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Literal> literals = new ArrayList<>();
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                literals.addAll(in(file, Files.readString(file)));
            }
            return literals;
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    /**
     * Finds the string literals of one source, skipping comments, character literals and text blocks.
     *
     * @param file   the file, for the result
     * @param source its text
     * @return the literals
     */
    static List<Literal> in(final Path file, final String source) {
        List<Literal> literals = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end + 3;
                line += count(source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c) {
                    if (source.charAt(j) == '\\') {
                        j++;
                    }
                    if (j < source.length()) {
                        value.append(source.charAt(j));
                    }
                    j++;
                }
                if (c == '"') {
                    literals.add(new Literal(file, line, value.toString()));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int count(final String source, final int from, final int to) {
        int lines = 0;
        for (int k = from; k < to; k++) {
            if (source.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
