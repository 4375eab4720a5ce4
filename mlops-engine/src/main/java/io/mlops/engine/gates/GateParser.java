package io.mlops.engine.gates;

import io.mlops.contract.MlopsException;
import io.mlops.contract.gates.Criticality;
import io.mlops.contract.metrics.MetricNames;
import io.mlops.contract.text.Printable;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses gate expressions: {@code METRIC OP THRESHOLD [(unstable|failure)]}, where METRIC is
 * {@code accuracy}, {@code macroPrecision}, {@code macroRecall}, {@code macroF1}, {@code weightedF1},
 * {@code logLoss}, or {@code precision[CLASS]}, {@code recall[CLASS]}, {@code f1[CLASS]}; OP is one of
 * {@code >= > <= <}; THRESHOLD is a number, or {@code baseline}, {@code baseline - 0.01},
 * {@code baseline + 0.01}. The optional suffix overrides the default criticality.
 */
public final class GateParser {
    /** The metric names gates accept, without the per-class ones. */
    public static final List<String> METRICS = MetricNames.OVERALL;
    /** The per-class metric names, used as {@code name[class]}. */
    public static final List<String> CLASS_METRICS = MetricNames.PER_CLASS;

    private static final Pattern BASELINE =
            Pattern.compile("baseline(?:\\s*([+-])\\s*(\\S+))?", Pattern.CASE_INSENSITIVE);

    private final Criticality defaultCriticality;

    /**
     * Creates a parser.
     *
     * @param defaultCriticality the criticality of gates without a suffix
     */
    public GateParser(final Criticality defaultCriticality) {
        this.defaultCriticality = defaultCriticality;
    }

    /**
     * Parses several gates.
     *
     * @param expressions the expressions
     * @return the gates, in order
     */
    public List<Gate> parse(final List<String> expressions) {
        return expressions.stream().map(this::parse).toList();
    }

    /**
     * Parses one gate.
     *
     * @param expression e.g. {@code accuracy >= baseline - 0.01 (unstable)}
     * @return the gate
     * @throws MlopsException naming the expression and what was expected
     */
    public Gate parse(final String expression) {
        Parts parts = Parts.of(expression == null ? "" : expression);
        if (parts == null) {
            throw new MlopsException("gate \"" + Printable.shorten(expression)
                    + "\" is not of the form 'METRIC OP THRESHOLD', "
                    + "e.g. 'accuracy >= 0.9' or 'macroF1 >= baseline - 0.01'");
        }
        String metric = metric(expression, parts.name(), parts.label());
        Gate.Operator operator = operator(parts.operator());
        Criticality criticality =
                parts.criticality() == null ? defaultCriticality : criticality(expression, parts.criticality());
        String threshold = parts.threshold();
        Matcher b = BASELINE.matcher(threshold);
        if (b.matches()) {
            double offset = 0;
            if (b.group(1) != null) {
                offset = number(expression, b.group(2)) * (b.group(1).equals("-") ? -1 : 1);
            }
            return new Gate(expression.strip(), metric, operator, offset, true, criticality);
        }
        return new Gate(expression.strip(), metric, operator, number(expression, threshold), false, criticality);
    }

    /**
     * The pieces of {@code METRIC[LABEL] OP THRESHOLD (CRITICALITY)}, cut by one left-to-right scan, so that
     * parsing takes time linear in the length of the expression whatever it holds (a backtracking regular
     * expression took cubic time on long thresholds).
     */
    private record Parts(String name, String label, String operator, String threshold, String criticality) {
        static Parts of(final String text) {
            int end = text.length();
            while (end > 0 && space(text.charAt(end - 1))) {
                end--;
            }
            int i = skipSpace(text, 0, end);
            int nameStart = i;
            if (i >= end || !asciiLetter(text.charAt(i))) {
                return null;
            }
            while (i < end && (asciiLetter(text.charAt(i)) || asciiDigit(text.charAt(i)))) {
                i++;
            }
            String name = text.substring(nameStart, i);
            String label = null;
            if (i < end && text.charAt(i) == '[') {
                int close = text.indexOf(']', i + 1);
                if (close < 0 || close >= end || close == i + 1) {
                    return null;
                }
                label = text.substring(i + 1, close);
                i = close + 1;
            }
            i = skipSpace(text, i, end);
            String operator;
            if (text.startsWith(">=", i) || text.startsWith("<=", i)) {
                operator = text.substring(i, i + 2);
            } else if (i < end && (text.charAt(i) == '>' || text.charAt(i) == '<')) {
                operator = text.substring(i, i + 1);
            } else {
                return null;
            }
            i = skipSpace(text, i + operator.length(), end);
            if (i >= end) {
                return null;
            }
            String criticality = null;
            int thresholdEnd = end;
            if (text.charAt(end - 1) == ')') {
                int open = text.lastIndexOf('(', end - 1);
                if (open > i) {
                    int wordStart = skipSpace(text, open + 1, end - 1);
                    int wordEnd = end - 1;
                    while (wordEnd > wordStart && space(text.charAt(wordEnd - 1))) {
                        wordEnd--;
                    }
                    boolean word = wordEnd > wordStart;
                    for (int c = wordStart; c < wordEnd && word; c++) {
                        word = asciiLetter(text.charAt(c));
                    }
                    if (word) {
                        criticality = text.substring(wordStart, wordEnd);
                        thresholdEnd = open;
                        while (space(text.charAt(thresholdEnd - 1))) {
                            thresholdEnd--;
                        }
                    }
                }
            }
            return new Parts(name, label, operator, text.substring(i, thresholdEnd), criticality);
        }

        private static int skipSpace(final String text, final int from, final int end) {
            int i = from;
            while (i < end && space(text.charAt(i))) {
                i++;
            }
            return i;
        }

        // the characters regular expressions call \s
        private static boolean space(final char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
        }

        private static boolean asciiLetter(final char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }

        private static boolean asciiDigit(final char c) {
            return c >= '0' && c <= '9';
        }
    }

    private static String metric(final String expression, final String name, final String label) {
        if (label != null) {
            return CLASS_METRICS.stream()
                    .filter(c -> c.equalsIgnoreCase(name))
                    .findFirst()
                    .map(c -> c + "[" + label.strip() + "]")
                    .orElseThrow(() -> new MlopsException("gate \"" + Printable.shorten(expression)
                            + "\": unknown per-class metric '"
                            + Printable.shorten(name) + "'; expected one of "
                            + CLASS_METRICS.stream().map(c -> c + "[CLASS]").toList()));
        }
        return METRICS.stream()
                .filter(c -> c.equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new MlopsException(
                        "gate \"" + Printable.shorten(expression) + "\": unknown metric '" + Printable.shorten(name)
                                + "'; expected one of " + METRICS + " or "
                                + CLASS_METRICS.stream().map(c -> c + "[CLASS]").toList()));
    }

    private static Gate.Operator operator(final String symbol) {
        for (Gate.Operator operator : Gate.Operator.values()) {
            if (operator.symbol().equals(symbol)) {
                return operator;
            }
        }
        throw new IllegalStateException("the pattern only matches known operators: " + symbol);
    }

    private static Criticality criticality(final String expression, final String text) {
        try {
            return Criticality.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException exception) {
            throw new MlopsException("gate \"" + Printable.shorten(expression) + "\": unknown criticality '"
                    + Printable.shorten(text) + "'; expected (unstable) or (failure)");
        }
    }

    private static double number(final String expression, final String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException exception) {
            // reported below
        }
        throw new MlopsException("gate \"" + Printable.shorten(expression) + "\": threshold \""
                + Printable.shorten(text.strip()) + "\" is not a number or 'baseline [+|- NUMBER]'");
    }
}
