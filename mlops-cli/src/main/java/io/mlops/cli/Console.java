package io.mlops.cli;

import io.mlops.contract.text.Printable;
import io.mlops.engine.ProgressListener;
import java.io.PrintWriter;

/** Where a command writes: results on standard output, progress on standard error. */
final class Console {
    private final PrintWriter out;
    private final PrintWriter err;

    Console(final PrintWriter out, final PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    PrintWriter out() {
        return out;
    }

    ProgressListener progress() {
        return message -> {
            err.println("[mlops] " + Printable.escape(message));
            err.flush();
        };
    }
}
