package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlops.execution.CsvFormatArguments;
import io.jenkins.plugins.mlops.execution.TrainRequest;
import io.jenkins.plugins.mlops.execution.TrainRunner;
import io.mlops.contract.bundle.BundleLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jenkins.YesNoMaybe;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * The {@code mlTrain} step: trains a model on the agent that holds the workspace.
 * <pre>
 * mlTrain(data: 'data/receipts.csv', label: 'category', algorithm: 'logistic', params: [epochs: 10], seed: 42, output: 'model')
 * mlTrain(spec: 'ml/train.yaml')
 * </pre>
 * Either {@code spec} or {@code data} and {@code label} must be given; the other arguments are optional.
 */
public class TrainStep extends CsvDataStep {
    private String spec;
    private String data;
    private String label;
    private String algorithm;
    private List<HyperParameter> params = new ArrayList<>();
    private Integer seed;
    private String testData;
    private Double testFraction;
    private String output;
    private String metadata;

    /** Creates the step; all arguments are set through the setters. */
    @DataBoundConstructor
    public TrainStep() {
        super();
    }

    /** @return the spec file (YAML or JSON), or {@code null} */
    public String getSpec() {
        return spec;
    }

    /** @param spec the spec file (YAML or JSON) in the workspace */
    @DataBoundSetter
    public void setSpec(String spec) {
        this.spec = Arguments.trimToNull(spec);
    }

    /** @return the training data CSV, or {@code null} */
    public String getData() {
        return data;
    }

    /** @param data the training data CSV in the workspace */
    @DataBoundSetter
    public void setData(String data) {
        this.data = Arguments.trimToNull(data);
    }

    /** @return the label column, or {@code null} */
    public String getLabel() {
        return label;
    }

    /** @param label the column to predict */
    @DataBoundSetter
    public void setLabel(String label) {
        this.label = Arguments.trimToNull(label);
    }

    /** @return the algorithm, or {@code null} for the engine's default */
    public String getAlgorithm() {
        return algorithm;
    }

    /** @param algorithm an algorithm id of the contract's {@link io.mlops.contract.algorithm.Algorithm} */
    @DataBoundSetter
    public void setAlgorithm(String algorithm) {
        this.algorithm = Arguments.trimToNull(algorithm);
    }

    /** @return the hyperparameters */
    public List<HyperParameter> getParams() {
        return params;
    }

    /**
     * Sets the hyperparameters. Scripts write them as a map, {@code params: [epochs: 10]}; the descriptor turns
     * the map into {@link HyperParameter}s.
     *
     * @param params the hyperparameters
     */
    @DataBoundSetter
    public void setParams(List<HyperParameter> params) {
        this.params = params == null ? new ArrayList<>() : new ArrayList<>(params);
    }

    /** @return the random seed, or {@code null} */
    public Integer getSeed() {
        return seed;
    }

    /** @param seed the random seed, at least 0 */
    @DataBoundSetter
    public void setSeed(Integer seed) {
        this.seed = seed;
    }

    /** @return the separate test CSV, or {@code null} */
    public String getTestData() {
        return testData;
    }

    /** @param testData a separate test CSV in the workspace */
    @DataBoundSetter
    public void setTestData(String testData) {
        this.testData = Arguments.trimToNull(testData);
    }

    /** @return the held-out fraction, or {@code null} */
    public Double getTestFraction() {
        return testFraction;
    }

    /** @param testFraction the fraction of the data held out for testing, between 0 and 1 */
    @DataBoundSetter
    public void setTestFraction(Double testFraction) {
        this.testFraction = testFraction;
    }

    /** @return the output folder of the model bundle, or {@code null} */
    public String getOutput() {
        return output;
    }

    /** @param output the workspace folder the model bundle is written to */
    @DataBoundSetter
    public void setOutput(String output) {
        this.output = Arguments.trimToNull(output);
    }

    /** @return the metadata file, or {@code null} for the default */
    public String getMetadata() {
        return metadata;
    }

    /** @param metadata the workspace file the run metadata is written to */
    @DataBoundSetter
    public void setMetadata(String metadata) {
        this.metadata = Arguments.trimToNull(metadata);
    }

    /**
     * Validates the arguments.
     *
     * @return the request for the engine
     * @throws IllegalArgumentException with a message naming the step and the argument
     */
    public TrainRequest toRequest() {
        String f = TrainRunner.FUNCTION;
        if (spec == null && (data == null || label == null)) {
            if (data != null) {
                throw Arguments.invalid(f, "'label' must be given together with 'data'");
            }
            if (label != null) {
                throw Arguments.invalid(f, "'data' must be given together with 'label'");
            }
            throw Arguments.invalid(f, "either 'spec' or 'data' and 'label' must be given");
        }
        for (Optional<String> problem : List.of(
                ArgumentChecks.seed(seed),
                ArgumentChecks.algorithm(algorithm),
                ArgumentChecks.testFraction(testFraction))) {
            if (problem.isPresent()) {
                throw Arguments.invalid(f, problem.get());
            }
        }
        if (testData != null && testFraction != null) {
            throw Arguments.invalid(f, "give either 'testData' or 'testFraction', not both");
        }
        Map<String, String> engineParams = new LinkedHashMap<>();
        for (HyperParameter param : params) {
            String key = param == null ? null : param.getName();
            Optional<String> problem = ArgumentChecks.paramName(key);
            if (problem.isPresent()) {
                throw Arguments.invalid(f, problem.get());
            }
            if (engineParams.put(key, param.getValue()) != null) {
                throw Arguments.invalid(f, "'params' names the hyperparameter '" + key + "' twice");
            }
        }
        if (algorithm != null) {
            // the contract's hyperparameter names and limits, so a typo fails before an engine JVM starts
            ArgumentChecks.hyperparameters(algorithm, engineParams).ifPresent(problem -> {
                throw Arguments.invalid(f, problem);
            });
        }
        CsvFormatArguments format = csvFormat(f);
        TrainRequest draft = new TrainRequest(
                spec, data, label, algorithm, engineParams, seed, testData, testFraction, output, null, format);
        String metadataFile = metadata != null
                ? metadata
                : draft.knownOutput() != null
                        ? draft.knownOutput() + "/" + BundleLayout.METADATA_FILE
                        : ".mlops/train-run-metadata.json";
        return new TrainRequest(
                spec, data, label, algorithm, engineParams, seed, testData, testFraction, output, metadataFile, format);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        try {
            return new EngineStepExecution(context, toRequest());
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** Registers {@code mlTrain}. */
    @Extension(dynamicLoadable = YesNoMaybe.YES)
    public static final class DescriptorImpl extends CsvDataStepDescriptor implements CustomDescribableModel {
        /** Creates the descriptor. */
        public DescriptorImpl() {
            super(TrainRunner.FUNCTION, "TrainStep.DisplayName");
        }

        /** Accepts hyperparameters as a map, {@code params: [epochs: 10]}, as scripts write them. */
        @Override
        public Map<String, Object> customInstantiate(Map<String, Object> arguments) {
            return ShortForms.paramsIn(arguments);
        }

        /** Writes hyperparameters as a map in generated snippets. */
        @Override
        public UninstantiatedDescribable customUninstantiate(UninstantiatedDescribable step) {
            return step.withArguments(ShortForms.paramsOut(step.getArguments(), AgentStepDescriptor::argumentsOf));
        }

        /**
         * Validates the seed field of the Snippet Generator.
         *
         * @param value the field's text
         * @return ok, or the problem
         */
        public FormValidation doCheckSeed(@QueryParameter("value") String value) {
            return ArgumentChecks.toForm(ArgumentChecks.seed(value));
        }

        /**
         * Validates the algorithm field of the Snippet Generator.
         *
         * @param value the field's text
         * @return ok, or the problem
         */
        public FormValidation doCheckAlgorithm(@QueryParameter("value") String value) {
            return ArgumentChecks.toForm(ArgumentChecks.algorithm(value));
        }

        /**
         * Validates the test fraction field of the Snippet Generator.
         *
         * @param value the field's text
         * @return ok, or the problem
         */
        public FormValidation doCheckTestFraction(@QueryParameter("value") String value) {
            return ArgumentChecks.toForm(ArgumentChecks.testFraction(value));
        }
    }
}
