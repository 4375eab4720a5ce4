package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlops.execution.RetrainCheckRequest;
import io.jenkins.plugins.mlops.execution.RetrainCheckRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * The {@code mlRetrainWhen} step: decides whether a model should be retrained (new data, live accuracy or drift from
 * the prediction service, age, or forced) and, with a block, runs the block only when it is due. It returns the
 * decision as a map, after the block; a retraining that is not due leaves the build result as it is. Pipeline
 * requires the block of a step that takes one: {@link RetrainCheckStep} ({@code mlRetrainCheck}) is the check
 * without a block.
 * <pre>
 * mlRetrainWhen(model: 'receipts@champion', data: ['data/*.csv'], maxAgeDays: 30) {
 *     mlTrain(spec: 'ml/train.yaml', output: 'model')
 * }
 * </pre>
 */
public class RetrainWhenStep extends CsvDataStep {
    /** The {@code ifUnavailable} value that fails the check when the service cannot be reached (the default). */
    public static final String UNAVAILABLE_FAIL = "fail";
    /** The {@code ifUnavailable} value that makes the service's conditions inactive when it cannot be reached. */
    public static final String UNAVAILABLE_INACTIVE = "inactive";

    private static final String DEFAULT_METADATA = ".mlops/retrain-check-metadata.json";

    private final String model;
    private List<String> data = new ArrayList<>();
    private String spec;
    private String service;
    private String driftData;
    private Double accuracyBelow;
    private Double maxAccuracyDrop;
    private Integer minFeedback;
    private Double driftAbove;
    private Integer maxAgeDays;
    private Integer minNewRows;
    private boolean force;
    private String ifUnavailable = UNAVAILABLE_FAIL;
    private String registry;
    private String metadata;

    /**
     * Creates the step.
     *
     * @param model the current model: a bundle folder in the workspace or {@code NAME@REF}, e.g.
     *     {@code receipts@champion}
     */
    @DataBoundConstructor
    public RetrainWhenStep(String model) {
        super();
        this.model = Arguments.trimToNull(model);
    }

    /** @return the model checked */
    public String getModel() {
        return model;
    }

    /** @return the training data files, folders or globs */
    public List<String> getData() {
        return data;
    }

    /** @param data training data files, folders or globs in the workspace, compared with the model's input files */
    @DataBoundSetter
    public void setData(List<String> data) {
        this.data = new ArrayList<>();
        if (data != null) {
            data.stream().map(Arguments::trimToNull).filter(d -> d != null).forEach(this.data::add);
        }
    }

    /** @return the training spec, or {@code null} */
    public String getSpec() {
        return spec;
    }

    /** @param spec a training spec whose {@code data} is compared with the model's input files (instead of data) */
    @DataBoundSetter
    public void setSpec(String spec) {
        this.spec = Arguments.trimToNull(spec);
    }

    /** @return the prediction service URL, or {@code null} */
    public String getService() {
        return service;
    }

    /** @param service a running prediction service; its {@code /metrics} gives live accuracy and drift */
    @DataBoundSetter
    public void setService(String service) {
        this.service = Arguments.trimToNull(service);
    }

    /** @return the new batch for offline drift, or {@code null} */
    public String getDriftData() {
        return driftData;
    }

    /** @param driftData a new data batch in the workspace whose drift against the training data is measured */
    @DataBoundSetter
    public void setDriftData(String driftData) {
        this.driftData = Arguments.trimToNull(driftData);
    }

    /** @return the live-accuracy threshold, or {@code null} */
    public Double getAccuracyBelow() {
        return accuracyBelow;
    }

    /** @param accuracyBelow live accuracy below this fires */
    @DataBoundSetter
    public void setAccuracyBelow(Double accuracyBelow) {
        this.accuracyBelow = accuracyBelow;
    }

    /** @return the allowed drop from test accuracy, or {@code null} */
    public Double getMaxAccuracyDrop() {
        return maxAccuracyDrop;
    }

    /** @param maxAccuracyDrop live accuracy below the model's test accuracy minus this fires */
    @DataBoundSetter
    public void setMaxAccuracyDrop(Double maxAccuracyDrop) {
        this.maxAccuracyDrop = maxAccuracyDrop;
    }

    /** @return the fewest labelled events, or {@code null} */
    public Integer getMinFeedback() {
        return minFeedback;
    }

    /** @param minFeedback the fewest labelled feedback events for live accuracy to count */
    @DataBoundSetter
    public void setMinFeedback(Integer minFeedback) {
        this.minFeedback = minFeedback;
    }

    /** @return the drift threshold, or {@code null} */
    public Double getDriftAbove() {
        return driftAbove;
    }

    /** @param driftAbove a feature's population stability index above this fires (engine default 0.2) */
    @DataBoundSetter
    public void setDriftAbove(Double driftAbove) {
        this.driftAbove = driftAbove;
    }

    /** @return the age limit in days, or {@code null} */
    public Integer getMaxAgeDays() {
        return maxAgeDays;
    }

    /** @param maxAgeDays a model trained more than this many days ago fires */
    @DataBoundSetter
    public void setMaxAgeDays(Integer maxAgeDays) {
        this.maxAgeDays = maxAgeDays;
    }

    /** @return the fewest new rows, or {@code null} */
    public Integer getMinNewRows() {
        return minNewRows;
    }

    /** @param minNewRows fewer new rows than this, when the data only grew, do not fire */
    @DataBoundSetter
    public void setMinNewRows(Integer minNewRows) {
        this.minNewRows = minNewRows;
    }

    /** @return whether retraining is forced */
    public boolean isForce() {
        return force;
    }

    /** @param force retrain whatever the conditions say */
    @DataBoundSetter
    public void setForce(boolean force) {
        this.force = force;
    }

    /** @return {@code fail} or {@code inactive} */
    public String getIfUnavailable() {
        return ifUnavailable;
    }

    /** @param ifUnavailable {@code fail} (default) or {@code inactive}: what an unreachable service does */
    @DataBoundSetter
    public void setIfUnavailable(String ifUnavailable) {
        String value = Arguments.trimToNull(ifUnavailable);
        this.ifUnavailable = value == null ? UNAVAILABLE_FAIL : value.toLowerCase(Locale.ROOT);
    }

    /** @return the registry folder overriding the global one, or {@code null} */
    public String getRegistry() {
        return registry;
    }

    /** @param registry the registry folder on the agent, overriding Manage Jenkins &gt; System &gt; MLOps */
    @DataBoundSetter
    public void setRegistry(String registry) {
        this.registry = Arguments.trimToNull(registry);
    }

    /** @return the metadata file, or {@code null} for the default */
    public String getMetadata() {
        return metadata;
    }

    /** @param metadata the workspace file the decision (run metadata) is written to */
    @DataBoundSetter
    public void setMetadata(String metadata) {
        this.metadata = Arguments.trimToNull(metadata);
    }

    /**
     * Validates the arguments.
     *
     * @return the request
     * @throws IllegalArgumentException with a message naming the step and the argument
     */
    public RetrainCheckRequest toRequest() {
        String f = functionName();
        if (model == null) {
            throw Arguments.invalid(f, "'model' must be given: a bundle folder or NAME@REF, e.g. receipts@champion");
        }
        if (!UNAVAILABLE_FAIL.equals(ifUnavailable) && !UNAVAILABLE_INACTIVE.equals(ifUnavailable)) {
            throw Arguments.invalid(f, "'ifUnavailable' must be 'fail' or 'inactive', got '" + ifUnavailable + "'");
        }
        if (!data.isEmpty() && spec != null) {
            throw Arguments.invalid(f, "give 'data' or 'spec', not both");
        }
        requireRange(f, "accuracyBelow", accuracyBelow, 0, 1);
        requireRange(f, "maxAccuracyDrop", maxAccuracyDrop, 0, 1);
        requireRange(f, "driftAbove", driftAbove, 0, Double.MAX_VALUE);
        requireAtLeast(f, "minFeedback", minFeedback, 1);
        requireAtLeast(f, "maxAgeDays", maxAgeDays, 0);
        requireAtLeast(f, "minNewRows", minNewRows, 1);
        if (data.isEmpty() && spec == null && service == null && driftData == null && maxAgeDays == null && !force) {
            throw Arguments.invalid(
                    f,
                    "nothing to check: give at least one of 'data', 'spec', 'service', 'driftData', 'maxAgeDays'"
                            + " or 'force'");
        }
        return new RetrainCheckRequest(
                f,
                model,
                data,
                spec,
                service,
                driftData,
                accuracyBelow,
                maxAccuracyDrop,
                minFeedback,
                driftAbove,
                maxAgeDays,
                minNewRows == null ? null : minNewRows.longValue(),
                force,
                UNAVAILABLE_INACTIVE.equals(ifUnavailable),
                registry,
                metadata != null ? metadata : DEFAULT_METADATA,
                csvFormat(f));
    }

    /** @return the Pipeline function name of this step, for messages, the log and the records */
    protected String functionName() {
        return RetrainCheckRunner.FUNCTION;
    }

    private static void requireRange(String f, String name, Double value, double min, double max) {
        if (value != null && (value.isNaN() || value < min || value > max)) {
            throw Arguments.invalid(
                    f,
                    "'" + name + "' must be between " + min + " and " + (max == Double.MAX_VALUE ? "any" : max)
                            + ", got " + value);
        }
    }

    private static void requireAtLeast(String f, String name, Integer value, int min) {
        if (value != null && value < min) {
            throw Arguments.invalid(f, "'" + name + "' must be >= " + min + ", got " + value);
        }
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        try {
            return new RetrainWhenExecution(context, toRequest());
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** Registers {@code mlRetrainWhen}, a step with a block. */
    @Extension(dynamicLoadable = YesNoMaybe.YES)
    @Symbol(RetrainCheckRunner.FUNCTION)
    public static final class DescriptorImpl extends CsvDataStepDescriptor {
        /** Creates the descriptor. */
        public DescriptorImpl() {
            super(RetrainCheckRunner.FUNCTION, "RetrainWhenStep.DisplayName");
        }

        /** @return {@code true}: the block runs only when retraining is due */
        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        /**
         * Validates the model field of the Snippet Generator.
         *
         * @param value the field's text
         * @return ok, or the problem
         */
        public FormValidation doCheckModel(@QueryParameter("value") String value) {
            return ArgumentChecks.toForm(ArgumentChecks.required("model", value));
        }

        /**
         * Validates the ifUnavailable field of the Snippet Generator.
         *
         * @param value the field's text
         * @return ok, or the problem
         */
        public FormValidation doCheckIfUnavailable(@QueryParameter("value") String value) {
            String text = Arguments.trimToNull(value);
            return ArgumentChecks.toForm(
                    text == null || UNAVAILABLE_FAIL.equals(text) || UNAVAILABLE_INACTIVE.equals(text)
                            ? Optional.empty()
                            : Optional.of("'ifUnavailable' must be 'fail' or 'inactive'"));
        }
    }
}
