package io.jenkins.plugins.mlops.it.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code config.xml} of a Pipeline job whose script is inline (run in the Groovy sandbox, as a Jenkinsfile
 * from SCM is), optionally with string build parameters.
 */
public final class PipelineJob {
    private final String script;
    private final Map<String, String> parameters = new LinkedHashMap<>();

    /** @param script the Pipeline script (a Jenkinsfile's text) */
    public PipelineJob(String script) {
        this.script = script;
    }

    /**
     * Declares a string parameter, so even the first build has it.
     *
     * @param name         the parameter name
     * @param defaultValue its default
     * @return this
     */
    public PipelineJob parameter(String name, String defaultValue) {
        parameters.put(name, defaultValue);
        return this;
    }

    /** @return the job's {@code config.xml} */
    public String configXml() {
        StringBuilder xml = new StringBuilder("<?xml version='1.1' encoding='UTF-8'?>\n<flow-definition>\n");
        if (!parameters.isEmpty()) {
            xml.append("  <properties>\n    <hudson.model.ParametersDefinitionProperty>\n")
                    .append("      <parameterDefinitions>\n");
            parameters.forEach((name, value) -> xml.append("        <hudson.model.StringParameterDefinition>")
                    .append("<name>")
                    .append(escape(name))
                    .append("</name><defaultValue>")
                    .append(escape(value))
                    .append("</defaultValue><trim>true</trim></hudson.model.StringParameterDefinition>\n"));
            xml.append("      </parameterDefinitions>\n    </hudson.model.ParametersDefinitionProperty>\n")
                    .append("  </properties>\n");
        }
        xml.append("  <definition class=\"org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition\">\n")
                .append("    <script>")
                .append(escape(script))
                .append("</script>\n    <sandbox>true</sandbox>\n  </definition>\n")
                .append("  <disabled>false</disabled>\n</flow-definition>\n");
        return xml.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
