package io.jenkins.plugins.mlops.it.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished build as {@code /api/json?depth=1} and its console show it.
 *
 * @param job     the job name
 * @param number  the build number
 * @param json    the build's JSON
 * @param console the console text
 */
public record FinishedBuild(String job, int number, JsonNode json, String console) {
    /** @return SUCCESS, UNSTABLE, FAILURE or ABORTED */
    public String result() {
        return json.path("result").asText();
    }

    /** @return the path of the build below Jenkins' root */
    public String path() {
        return JenkinsClient.buildPath(job, number);
    }

    /**
     * @param className the action's class name
     * @return the build's actions of that class, in order
     */
    public List<JsonNode> actions(String className) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode action : json.path("actions")) {
            if (className.equals(action.path("_class").asText())) {
                found.add(action);
            }
        }
        return found;
    }

    /** @return the relative paths of the build's archived artifacts */
    public List<String> artifacts() {
        List<String> paths = new ArrayList<>();
        json.path("artifacts").forEach(a -> paths.add(a.path("relativePath").asText()));
        return paths;
    }

    @Override
    public String toString() {
        return job + " #" + number + " " + result() + "\n" + console;
    }
}
