package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlops.Messages;
import java.util.Objects;
import jenkins.YesNoMaybe;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;

/**
 * One quality gate of {@code mlEvaluate}, such as {@code accuracy >= 0.90}: a repeatable block in the form.
 * Scripts write gates as plain strings ({@code gates: ['accuracy >= 0.90']}); the step's descriptor turns
 * them into instances of this class and back.
 */
public class QualityGate extends AbstractDescribableImpl<QualityGate> {
    private final String expression;

    /**
     * Creates the gate.
     *
     * @param expression the gate, e.g. {@code macroF1 >= baseline - 0.005}
     */
    @DataBoundConstructor
    public QualityGate(String expression) {
        super();
        this.expression = Arguments.trimToNull(expression);
    }

    /** @return the gate expression, or {@code null} when blank */
    public String getExpression() {
        return expression;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QualityGate gate && Objects.equals(expression, gate.expression);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(expression);
    }

    @Override
    public String toString() {
        return String.valueOf(expression);
    }

    /** The descriptor of a quality gate in the form. */
    @Extension(dynamicLoadable = YesNoMaybe.YES)
    public static final class DescriptorImpl extends Descriptor<QualityGate> {
        @Override
        public String getDisplayName() {
            return Messages.format("QualityGate.DisplayName");
        }

        /**
         * Validates the expression field (syntax only: it reveals nothing and costs no work).
         *
         * @param value the field's text
         * @return ok, or the problem
         */
        public FormValidation doCheckExpression(@QueryParameter("value") String value) {
            return ArgumentChecks.toForm(ArgumentChecks.required("expression", value));
        }
    }
}
