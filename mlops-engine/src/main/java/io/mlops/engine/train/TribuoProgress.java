package io.mlops.engine.train;

import io.mlops.engine.ProgressListener;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Tribuo's own log records during training into progress messages, and keeps them off the
 * console. SGD trainers log "At iteration N, average loss = X" every logging interval; that becomes
 * a percentage of the planned iterations.
 */
final class TribuoProgress extends Handler implements AutoCloseable {
    private static final Pattern ITERATION =
            Pattern.compile("At iteration (\\d+), average loss = ([-0-9.eE+NaInfity]+)");

    private final Logger logger = Logger.getLogger("org.tribuo");
    private final Logger ownLogger = Logger.getLogger(LbfgsLogisticTrainer.class.getName());
    private final ProgressListener listener;
    private final long totalIterations;
    private final boolean useParentHandlers;
    private final Level level;

    TribuoProgress(final ProgressListener listener, final long totalIterations) {
        this.listener = listener;
        this.totalIterations = totalIterations;
        this.useParentHandlers = logger.getUseParentHandlers();
        this.level = logger.getLevel();
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.INFO);
        logger.addHandler(this);
        ownLogger.setUseParentHandlers(false);
        ownLogger.addHandler(this);
    }

    @Override
    public void publish(final LogRecord record) {
        String message = record.getMessage();
        if (message == null) {
            return;
        }
        if (record.getParameters() != null && record.getParameters().length > 0) {
            message = java.text.MessageFormat.format(message, record.getParameters());
        }
        Matcher m = ITERATION.matcher(message);
        if (m.find() && totalIterations > 0) {
            long iteration = Long.parseLong(m.group(1));
            listener.progress(String.format(
                    Locale.ROOT,
                    "training %3d%% (iteration %d of %d, average loss %s)",
                    Math.min(100, iteration * 100 / totalIterations),
                    iteration,
                    totalIterations,
                    loss(m.group(2))));
        } else if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            listener.progress("tribuo: " + message);
        }
    }

    // Tribuo's SGD objectives report the value they maximise, the negated loss
    private static String loss(final String objective) {
        try {
            return String.format(Locale.ROOT, "%.4f", 0.0 - Double.parseDouble(objective));
        } catch (NumberFormatException exception) {
            return objective;
        }
    }

    @Override
    public void flush() {
        // messages are forwarded as they come
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        ownLogger.removeHandler(this);
        ownLogger.setUseParentHandlers(true);
        logger.setUseParentHandlers(useParentHandlers);
        logger.setLevel(level);
    }
}
