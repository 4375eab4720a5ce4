package io.jenkins.plugins.mlops.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

class ModelVersionActionTest {
    @Test
    void shouldDescribeRegistrationsAndPromotionsAsPlainText() {
        assertThat(ModelVersionAction.registered("receipts", 3, "challenger", "ab", "jenkins", "t", null)
                        .describe())
                .isEqualTo("receipts@3 (challenger)");
        assertThat(ModelVersionAction.registered("receipts", 3, null, "ab", "jenkins", "t", null)
                        .describe())
                .isEqualTo("receipts@3");
        assertThat(ModelVersionAction.promoted("receipts", 3, "champion", 2, "carol", "t", "ok", null)
                        .describe())
                .isEqualTo("receipts@3 promoted to champion");
    }

    @Test
    void shouldEscapeEverythingThatMarkupWouldInterpret() {
        assertThat(ModelVersionAction.registered("a<b>", 1, "x&\"'", null, null, null, null)
                        .describe())
                .isEqualTo("a&lt;b&gt;@1 (x&amp;&quot;&#39;)");
    }

    @Test
    void shouldExportTheVersionToTheRemoteApi() throws Exception {
        assertThat(ModelVersionAction.class.getAnnotation(ExportedBean.class)).isNotNull();
        for (String getter : new String[] {
            "getFunctionName",
            "getName",
            "getVersion",
            "getReference",
            "getAlias",
            "getModelSha256",
            "getBy",
            "getAt",
            "getReason",
            "getRegistry",
            "getPreviousVersion"
        }) {
            assertThat(ModelVersionAction.class.getMethod(getter).getAnnotation(Exported.class))
                    .as(getter)
                    .isNotNull();
        }
        ModelVersionAction action =
                ModelVersionAction.registered("receipts", 3, "challenger", "ab", "jenkins", "t", "/srv/registry");
        assertThat(action.getIconFileName()).isNull();
        assertThat(action.getUrlName()).isNull();
        assertThat(action.getDisplayName()).isEqualTo("Model version receipts@3");
    }
}
