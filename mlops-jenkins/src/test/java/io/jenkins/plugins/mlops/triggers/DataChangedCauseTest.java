package io.jenkins.plugins.mlops.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.triggers.poll.PollException;
import org.junit.jupiter.api.Test;

class DataChangedCauseTest {
    @Test
    void shouldSayWhatChangedAndWhere() {
        DataChangedCause cause = new DataChangedCause("2 new (b.csv, c.csv), 1 changed (a.csv) in /mnt/data/*.csv");

        assertThat(cause.getShortDescription())
                .isEqualTo("Started by mlDataChanged: 2 new (b.csv, c.csv), 1 changed (a.csv) in /mnt/data/*.csv");
    }

    @Test
    void shouldTakeEitherAPathOrAUrl() throws Exception {
        DataChangedTrigger trigger = new DataChangedTrigger("H/15 * * * *");
        assertThatThrownBy(trigger::source)
                .isInstanceOf(PollException.class)
                .hasMessage("mlDataChanged needs path (a folder, file or glob) or url");

        trigger.setPath("/mnt/data/*.csv");
        trigger.setNode("ml-data-1");
        assertThat(trigger.source()).isEqualTo("ml-data-1:/mnt/data/*.csv");

        trigger.setUrl("https://data.example.com/receipts.csv");
        assertThatThrownBy(trigger::source).hasMessage("mlDataChanged takes either path or url, not both");
    }

    @Test
    void shouldApplyToPipelineJobsOnly() {
        assertThat(new DataChangedTrigger.DescriptorImpl().isApplicable(null)).isFalse();
        assertThat(PipelineJobs.WORKFLOW_JOB).isEqualTo("org.jenkinsci.plugins.workflow.job.WorkflowJob");
    }
}
