package io.mlops.cli;

import io.mlops.contract.data.InputFile;
import io.mlops.contract.retrain.DataChange;
import io.mlops.contract.retrain.RetrainCondition;
import io.mlops.contract.retrain.RetrainDecision;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints a retrain decision for a person: each condition on a line, what data is new, and the decision. */
final class RetrainReport {
    private final PrintWriter out;

    RetrainReport(final PrintWriter out) {
        this.out = out;
    }

    void print(final RetrainDecision decision) {
        out.println("retrain check of " + decision.model()
                + (decision.trainedAt() == null ? "" : " (trained " + decision.trainedAt() + ")"));
        for (RetrainCondition condition : decision.conditions()) {
            out.printf(
                    Locale.ROOT,
                    "  %-9s %-15s %s%n",
                    condition.status().name().replace('_', ' '),
                    condition.kind().id(),
                    condition.detail());
        }
        DataChange change = decision.newData();
        if (change != null && change.differs()) {
            files("new file", change.added());
            files("changed file", change.changed());
            files("removed file", change.removed());
        }
        out.println("decision: " + decision.summary());
    }

    private void files(final String what, final List<InputFile> files) {
        for (InputFile file : files) {
            out.println("    " + what + ": " + file.file() + " (" + file.rows() + " rows, sha256 "
                    + file.sha256().substring(0, 12) + ")");
        }
    }
}
