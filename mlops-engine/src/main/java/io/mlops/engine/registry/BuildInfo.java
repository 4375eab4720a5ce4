package io.mlops.engine.registry;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The CI build that produced a version, e.g. from Jenkins' {@code JOB_NAME}, {@code BUILD_NUMBER} and
 * {@code BUILD_URL}.
 *
 * @param job    the job name
 * @param number the build number
 * @param url    the build URL
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuildInfo(String job, String number, String url) {
    /**
     * Reads the build from environment variables as Jenkins sets them.
     *
     * @param env the environment
     * @return the build, or {@code null} when {@code JOB_NAME} is not set
     */
    public static BuildInfo fromEnvironment(final java.util.Map<String, String> env) {
        String job = env.get("JOB_NAME");
        if (job == null || job.isBlank()) {
            return null;
        }
        return new BuildInfo(job, env.get("BUILD_NUMBER"), env.get("BUILD_URL"));
    }
}
