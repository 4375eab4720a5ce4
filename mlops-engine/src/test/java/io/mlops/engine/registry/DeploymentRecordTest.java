package io.mlops.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.MlopsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentRecordTest {
    @TempDir
    Path dir;

    private static Deployment deployment(final String target, final int version, final String status) {
        return new Deployment(
                target,
                "/srv/" + version,
                version,
                status,
                "alice",
                "2026-11-27T10:00:0" + version + "Z",
                status.equals("DEPLOYED") ? List.of() : List.of("golden check failed"));
    }

    @Test
    void shouldKeepTheCurrentDeploymentPerTargetAndTheWholeHistory() {
        FileSystemRegistry registry = FileSystemRegistry.open(dir.resolve("registry"));
        Path bundle = Bundles.shared();
        registry.register(Registration.of(bundle, "receipts", "alice"));
        registry.register(Registration.of(bundle, "receipts", "alice"));

        registry.recordDeployment("receipts", deployment("service a", 1, "DEPLOYED"));
        registry.recordDeployment("receipts", deployment("directory b", 1, "DEPLOYED"));
        registry.recordDeployment("receipts", deployment("service a", 2, "ROLLED_BACK"));
        registry.recordDeployment("receipts", deployment("directory b", 2, "DEPLOYED"));

        assertThat(registry.deployments("receipts")).containsOnlyKeys("service a", "directory b");
        assertThat(registry.deployments("receipts").get("service a").version()).isEqualTo(1);
        assertThat(registry.deployments("receipts").get("directory b").version())
                .isEqualTo(2);
        assertThat(registry.deploymentHistory("receipts"))
                .extracting(Deployment::status)
                .containsExactly("DEPLOYED", "DEPLOYED", "ROLLED_BACK", "DEPLOYED");
        assertThatThrownBy(() -> registry.recordDeployment("receipts", deployment("x", 9, "DEPLOYED")))
                .isInstanceOf(MlopsException.class)
                .hasMessageContaining("9");
    }

    @Test
    void shouldIgnoreAndRepairATornLastLine() throws Exception {
        FileSystemRegistry registry = FileSystemRegistry.open(dir.resolve("registry"));
        registry.register(Registration.of(Bundles.shared(), "receipts", "alice"));
        registry.recordDeployment("receipts", deployment("service a", 1, "DEPLOYED"));
        Path log = dir.resolve("registry/models/receipts/deployments.log");
        Files.writeString(log, "{\"target\":\"service a\",\"versi", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(registry.deploymentHistory("receipts")).hasSize(1);
        registry.recordDeployment("receipts", deployment("service a", 1, "ROLLED_BACK"));

        assertThat(Files.readAllLines(log)).hasSize(2).allMatch(line -> line.startsWith("{") && line.endsWith("}"));
        assertThat(registry.deploymentHistory("receipts"))
                .extracting(Deployment::status)
                .containsExactly("DEPLOYED", "ROLLED_BACK");
    }
}
