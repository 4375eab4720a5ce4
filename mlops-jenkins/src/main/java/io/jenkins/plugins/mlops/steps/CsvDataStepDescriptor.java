package io.jenkins.plugins.mlops.steps;

import hudson.util.FormValidation;
import org.kohsuke.stapler.QueryParameter;

/** The descriptor of a {@link CsvDataStep}: checks its format arguments in the Snippet Generator. */
abstract class CsvDataStepDescriptor extends AgentStepDescriptor {
    /**
     * Creates the descriptor.
     *
     * @param functionName   the Pipeline function name, e.g. {@code mlTrain}
     * @param displayNameKey the key of the display name in {@code Messages.properties}
     */
    CsvDataStepDescriptor(final String functionName, final String displayNameKey) {
        super(functionName, displayNameKey);
    }

    /**
     * Validates the delimiter field of the Snippet Generator.
     *
     * @param value the field's text
     * @return ok, or the problem
     */
    public FormValidation doCheckDelimiter(@QueryParameter("value") String value) {
        return ArgumentChecks.toForm(ArgumentChecks.delimiter(value));
    }

    /**
     * Validates the encoding field of the Snippet Generator.
     *
     * @param value the field's text
     * @return ok, or the problem
     */
    public FormValidation doCheckEncoding(@QueryParameter("value") String value) {
        return ArgumentChecks.toForm(ArgumentChecks.encoding(value));
    }
}
