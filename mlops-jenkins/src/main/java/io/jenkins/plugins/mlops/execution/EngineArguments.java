package io.jenkins.plugins.mlops.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the arguments of the {@code mlops train} and {@code mlops evaluate} commands from a request. */
public final class EngineArguments {
    private EngineArguments() {}

    /**
     * Returns the arguments of {@code mlops train}.
     *
     * @param request the training request
     * @return the arguments, command first
     */
    public static List<String> train(TrainRequest request) {
        List<String> args = new ArrayList<>();
        args.add("train");
        option(args, "--spec", request.spec());
        option(args, "--data", request.data());
        option(args, "--label", request.label());
        option(args, "--algorithm", request.algorithm());
        for (Map.Entry<String, String> param : request.params().entrySet()) {
            option(args, "--param", param.getKey() + "=" + param.getValue());
        }
        option(args, "--seed", request.seed());
        option(args, "--test-data", request.testData());
        option(args, "--test-fraction", request.testFraction());
        option(args, "--output", request.output());
        option(args, "--metadata", request.metadata());
        return args;
    }

    /**
     * Returns the arguments of {@code mlops evaluate}.
     *
     * @param request the evaluation request
     * @param baselineModel the baseline model path in the workspace, or {@code null} for none
     * @return the arguments, command first
     */
    public static List<String> evaluate(EvaluateRequest request, String baselineModel) {
        return evaluate(request, baselineModel, null);
    }

    /**
     * Returns the arguments of {@code mlops evaluate} with a baseline that may be a registry reference.
     *
     * @param request the evaluation request
     * @param baselineModel the baseline model path in the workspace or {@code NAME@REF}, or {@code null} for none
     * @param registry the registry folder for a {@code NAME@REF} baseline, or {@code null}
     * @return the arguments, command first
     */
    public static List<String> evaluate(EvaluateRequest request, String baselineModel, String registry) {
        List<String> args = new ArrayList<>();
        args.add("evaluate");
        option(args, "--model", request.model());
        option(args, "--data", request.data());
        for (String gate : request.gates()) {
            option(args, "--gate", gate);
        }
        option(args, "--baseline", baselineModel);
        option(args, "--registry", registry);
        option(args, "--on-gate-failure", request.onGateFailure().name());
        option(args, "--metadata", request.metadata());
        return args;
    }

    private static void option(List<String> args, String name, Object value) {
        if (value != null) {
            args.add(name);
            args.add(String.valueOf(value));
        }
    }
}
