package io.mlops.contract;

import java.nio.file.Path;

/**
 * A problem with the user's input (data, spec, model file, output location) that stops a run.
 *
 * <p>Its message is one line a person can act on: it names the file, line, column or value at fault
 * and says what was expected, e.g. {@code data/train.csv line 812: column 'amount' is not a number: "12,5O"}.
 * Programmer errors stay {@link IllegalArgumentException} or {@link IllegalStateException}.</p>
 */
public class MlopsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a complete, user-facing message.
     *
     * @param message the message, naming what is at fault and what was expected
     */
    public MlopsException(final String message) {
        super(message);
    }

    /**
     * Creates an exception with a complete, user-facing message and the underlying cause.
     *
     * @param message the message, naming what is at fault and what was expected
     * @param cause   the cause
     */
    public MlopsException(final String message, final Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates an exception about a file, prefixing the message with the file name.
     *
     * @param file    the file at fault
     * @param message what is wrong with it
     * @return the exception
     */
    public static MlopsException inFile(final Path file, final String message) {
        return new MlopsException(file + ": " + message);
    }

    /**
     * Creates an exception about one line of a data file.
     *
     * @param file    the file at fault
     * @param line    the 1-based line number
     * @param message what is wrong on that line
     * @return the exception
     */
    public static MlopsException atLine(final Path file, final long line, final String message) {
        return new MlopsException(file + " line " + line + ": " + message);
    }
}
