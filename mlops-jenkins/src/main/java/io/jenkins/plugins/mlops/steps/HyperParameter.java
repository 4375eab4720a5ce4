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
 * One hyperparameter of {@code mlTrain}, such as {@code epochs = 10}: a repeatable block in the form.
 * Scripts write hyperparameters as a map ({@code params: [epochs: 10]}); the step's descriptor turns the
 * map into instances of this class and back. The value is kept as text, as the engine receives it.
 */
public class HyperParameter extends AbstractDescribableImpl<HyperParameter> {
    private final String name;
    private final String value;

    /**
     * Creates the hyperparameter.
     *
     * @param name  its name, e.g. {@code epochs}
     * @param value its value as text, e.g. {@code 10}
     */
    @DataBoundConstructor
    public HyperParameter(String name, String value) {
        super();
        this.name = Arguments.trimToNull(name);
        this.value = value == null ? "" : value.strip();
    }

    /** @return the name, or {@code null} when blank */
    public String getName() {
        return name;
    }

    /** @return the value as text */
    public String getValue() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HyperParameter p && Objects.equals(name, p.name) && value.equals(p.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, value);
    }

    @Override
    public String toString() {
        return name + "=" + value;
    }

    /** The descriptor of a hyperparameter in the form. */
    @Extension(dynamicLoadable = YesNoMaybe.YES)
    public static final class DescriptorImpl extends Descriptor<HyperParameter> {
        @Override
        public String getDisplayName() {
            return Messages.format("HyperParameter.DisplayName");
        }

        /**
         * Validates the name field (syntax only: it reveals nothing and costs no work).
         *
         * @param value the field's text
         * @return ok, or the problem
         */
        public FormValidation doCheckName(@QueryParameter("value") String value) {
            return ArgumentChecks.toForm(ArgumentChecks.paramName(value));
        }
    }
}
