package io.jenkins.plugins.mlops.execution;

import io.mlops.contract.command.MlopsCommand;
import java.io.Serializable;

/**
 * How a step's CSV data files are written, as its {@code delimiter}, {@code decimalComma} and {@code encoding}
 * arguments say; plain values, kept with the running step.
 *
 * @param delimiter the field separator (one character or {@code tab}), or {@code null} to detect it
 * @param decimalComma whether numbers use {@code ,} as the decimal mark; {@code false} leaves it to detection
 * @param encoding the text encoding, or {@code null} for UTF-8
 */
public record CsvFormatArguments(String delimiter, boolean decimalComma, String encoding) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** No arguments: the engine detects the separator and a decimal comma, and reads UTF-8. */
    public static final CsvFormatArguments DETECT = new CsvFormatArguments(null, false, null);

    /**
     * Adds the arguments to an engine command; a request kept from before these arguments existed has none.
     *
     * @param format the arguments, or {@code null}
     * @param command the command's builder
     * @param <B> the builder type
     * @return the builder
     * @throws io.mlops.contract.MlopsException naming a value the engine would refuse
     */
    static <B extends MlopsCommand.DataCommandBuilder<B>> B applyTo(CsvFormatArguments format, B command) {
        return format == null ? command : command.csvFormat(format.delimiter, format.decimalComma, format.encoding);
    }
}
