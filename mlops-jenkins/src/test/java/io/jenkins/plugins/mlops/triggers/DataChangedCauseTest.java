package io.jenkins.plugins.mlops.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataChangedCauseTest {
    @Test
    void shouldSayWhatChangedAndWhere() {
        DataChangedCause cause = new DataChangedCause("2 new (b.csv, c.csv), 1 changed (a.csv) in /mnt/data/*.csv");

        assertThat(cause.getShortDescription())
                .isEqualTo("Started by mlDataChanged: 2 new (b.csv, c.csv), 1 changed (a.csv) in /mnt/data/*.csv");
    }

    @Test
    void shouldApplyToPipelineJobsOnly() {
        assertThat(new DataChangedTrigger.DescriptorImpl().isApplicable(null)).isFalse();
        assertThat(PipelineJobs.WORKFLOW_JOB).isEqualTo("org.jenkinsci.plugins.workflow.job.WorkflowJob");
    }
}
