package io.jenkins.plugins.mlops.triggers;

import hudson.model.Item;
import hudson.model.Job;

/** Which items the triggers apply to: Pipeline jobs only. */
final class PipelineJobs {
    /**
     * The Pipeline job class (workflow-job plugin). It is final, so a name check is exact; the plugin
     * does not link against workflow-job, which every Pipeline installation has anyway.
     */
    static final String WORKFLOW_JOB = "org.jenkinsci.plugins.workflow.job.WorkflowJob";

    private PipelineJobs() {}

    /**
     * @param item a job or folder
     * @return whether it is a Pipeline job
     */
    static boolean isPipeline(final Item item) {
        return item instanceof Job<?, ?> && WORKFLOW_JOB.equals(item.getClass().getName());
    }
}
