package io.mlops.cli;

import io.mlops.cli.report.ReportPages;
import io.mlops.cli.report.ReportedRun;
import io.mlops.contract.ExitCode;
import io.mlops.contract.command.CommandNames;
import io.mlops.engine.io.AtomicFiles;
import io.mlops.report.MetricTrend;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mlops report RUN...}: one self-contained HTML file of one run, the comparison of two runs, or the trend of a
 * series of runs, with ECharts embedded, so it opens anywhere without a network.
 */
@Command(
        name = CommandNames.REPORT,
        mixinStandardHelpOptions = true,
        description = {
            "Writes one self-contained HTML report: of one run, a comparison of two runs, or a trend over three or"
                    + " more runs (or with --trend).",
            "A RUN is a run-metadata JSON file (as train and evaluate write) or a model bundle folder.",
            "Prints the path of the report."
        })
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "Run-metadata JSON files or model bundle folders.")
    List<Path> runs;

    @Option(
            names = {"-o", CommandNames.OUTPUT_OPTION},
            paramLabel = "FILE",
            defaultValue = "mlops-report.html",
            description = "The HTML file to write. Default: ${DEFAULT-VALUE}.")
    Path output;

    @Option(
            names = CommandNames.TREND_OPTION,
            description = "Draw the trend of the runs even when there are only one or two.")
    boolean trend;

    @Option(
            names = CommandNames.METRIC_OPTION,
            paramLabel = "NAME",
            description = "A metric on the trend, repeatable, e.g. logLoss or recall[lodging]."
                    + " Default: accuracy, macroF1 and, from retrain checks, liveAccuracy.")
    List<String> metrics;

    @Override
    public Integer call() {
        if (metrics != null && !trend && runs.size() < 3) {
            throw new ParameterException(
                    command.commandLine(),
                    CommandNames.METRIC_OPTION + " chooses the metrics of a trend: add " + CommandNames.TREND_OPTION
                            + " or give three or more runs");
        }
        PrintWriter out = command.commandLine().getOut();
        out.println(write(output, runs, trend, metrics));
        out.flush();
        return ExitCode.OK.code();
    }

    /**
     * Writes the report of the given runs: of one run, the comparison of two, or the trend of more.
     *
     * @param output  the HTML file, replaced atomically
     * @param runs    run-metadata files or bundle folders
     * @param trend   whether to draw a trend even of one or two runs
     * @param metrics the metrics of a trend, or {@code null} for {@link MetricTrend#DEFAULT_SERIES}
     * @return the absolute path of the report
     * @throws io.mlops.contract.MlopsException naming a run that cannot be read or a metric that is not known
     */
    static Path write(final Path output, final List<Path> runs, final boolean trend, final List<String> metrics) {
        List<ReportedRun> reported = runs.stream().map(ReportedRun::read).toList();
        String html;
        if (trend || reported.size() > 2) {
            html = ReportPages.trend(reported, metrics);
        } else if (reported.size() == 2) {
            html = ReportPages.comparison(reported.get(0), reported.get(1));
        } else {
            html = ReportPages.run(reported.get(0));
        }
        AtomicFiles.writeString(output, html);
        return output.toAbsolutePath().normalize();
    }
}
