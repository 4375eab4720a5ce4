package io.mlops.contract.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.MlopsException;
import org.junit.jupiter.api.Test;

class ServiceUrlsTest {
    @Test
    void shouldAcceptAServiceUrlWithoutUserInfo() {
        assertThat(ServiceUrls.requireNoUserInfo("http://127.0.0.1:8080/v1?x=a@b"))
                .isEqualTo("http://127.0.0.1:8080/v1?x=a@b");
    }

    @Test
    void shouldRefuseUserInfoWithoutRepeatingTheSecret() {
        assertThatThrownBy(() -> ServiceUrls.requireNoUserInfo("http://admin:T0ken@host:8080/path"))
                .isInstanceOf(MlopsException.class)
                .hasMessageContaining("user info (user:password@) refused")
                .hasMessageContaining("http://host:8080/path")
                .hasMessageNotContaining("T0ken")
                .hasMessageNotContaining("admin:");
    }

    @Test
    void shouldRefuseUserInfoEvenInTextThatIsNoValidUri() {
        assertThatThrownBy(() -> ServiceUrls.requireNoUserInfo("http://ad min:T0ken@host/"))
                .isInstanceOf(MlopsException.class)
                .hasMessageNotContaining("T0ken");
    }

    @Test
    void shouldStripUserInfoForPrinting() {
        assertThat(ServiceUrls.withoutUserInfo("https://u:p@h:1/a@b")).isEqualTo("https://h:1/a@b");
        assertThat(ServiceUrls.withoutUserInfo("https://u:p@w@h")).isEqualTo("https://h");
        assertThat(ServiceUrls.withoutUserInfo("dir:/srv/models")).isEqualTo("dir:/srv/models");
        assertThat(ServiceUrls.withoutUserInfo(null)).isNull();
    }
}
