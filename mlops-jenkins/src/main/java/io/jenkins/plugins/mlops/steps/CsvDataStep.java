package io.jenkins.plugins.mlops.steps;

import io.jenkins.plugins.mlops.execution.CsvFormatArguments;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A step that reads CSV data files, with the arguments that say how they are written. Without them the engine
 * detects a {@code ;} separator and a decimal comma (as European Excel exports have) and reads UTF-8.
 */
public abstract class CsvDataStep extends Step {
    private String delimiter;
    private boolean decimalComma;
    private String encoding;

    /** @return the field separator, or {@code null} to detect it */
    public String getDelimiter() {
        return delimiter;
    }

    /**
     * @param delimiter the field separator: one character such as {@code ;}, or {@code tab}; blank to detect it
     */
    @DataBoundSetter
    public void setDelimiter(String delimiter) {
        // one character is kept as typed, as stripping would remove a tab or a space
        this.delimiter = delimiter != null && delimiter.length() == 1 ? delimiter : Arguments.trimToNull(delimiter);
    }

    /** @return whether numbers use {@code ,} as the decimal mark; {@code false} leaves it to detection */
    public boolean isDecimalComma() {
        return decimalComma;
    }

    /** @param decimalComma whether numbers use {@code ,} as the decimal mark */
    @DataBoundSetter
    public void setDecimalComma(boolean decimalComma) {
        this.decimalComma = decimalComma;
    }

    /** @return the text encoding, or {@code null} for UTF-8 */
    public String getEncoding() {
        return encoding;
    }

    /** @param encoding the text encoding of the data files, e.g. {@code windows-1252}; blank for UTF-8 */
    @DataBoundSetter
    public void setEncoding(String encoding) {
        this.encoding = Arguments.trimToNull(encoding);
    }

    /**
     * Checks the format arguments by the engine's rules.
     *
     * @param function the step's function name, for the message
     * @return the arguments
     * @throws IllegalArgumentException naming the step and the argument
     */
    CsvFormatArguments csvFormat(String function) {
        Optional<String> problem = ArgumentChecks.csvFormat(delimiter, decimalComma, encoding);
        if (problem.isPresent()) {
            throw Arguments.invalid(function, problem.get());
        }
        return new CsvFormatArguments(delimiter, decimalComma, encoding);
    }
}
