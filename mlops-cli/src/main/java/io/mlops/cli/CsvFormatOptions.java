package io.mlops.cli;

import io.mlops.contract.command.CommandNames;
import io.mlops.engine.data.CsvFormat;
import picocli.CommandLine.Option;

/** {@code --delimiter}, {@code --decimal-comma} and {@code --encoding}: how the CSV data files are written. */
final class CsvFormatOptions {
    @Option(
            names = CommandNames.DELIMITER_OPTION,
            paramLabel = "CHAR",
            description = "CSV field separator, e.g. ';' or tab (default: detected from the header line).")
    String delimiter;

    @Option(
            names = CommandNames.DECIMAL_COMMA_OPTION,
            paramLabel = "true|false",
            arity = "0..1",
            fallbackValue = "true",
            description = "CSV numbers use ',' as the decimal mark, as European Excel exports do (default: detected).")
    Boolean decimalComma;

    @Option(
            names = CommandNames.ENCODING_OPTION,
            paramLabel = "CHARSET",
            description = "Text encoding of the data files, e.g. windows-1252 (default UTF-8).")
    String encoding;

    /**
     * @return the format the options describe
     * @throws io.mlops.contract.MlopsException naming a bad value
     */
    CsvFormat format() {
        return CsvFormat.of(delimiter, decimalComma, encoding);
    }
}
