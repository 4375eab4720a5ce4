package io.mlops.cli;

import java.util.Map;

/** An option group that falls back to environment variables, which {@link Mlops#run} hands over. */
abstract class EnvironmentOptions implements EnvironmentAware {
    private Map<String, String> env = Map.of();

    @Override
    public void environment(final Map<String, String> variables) {
        this.env = variables;
    }

    /** @return the environment variables */
    Map<String, String> env() {
        return env;
    }
}
