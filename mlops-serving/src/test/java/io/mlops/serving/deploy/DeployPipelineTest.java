package io.mlops.serving.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.contract.deploy.DeployStatus;
import io.mlops.contract.metadata.RunKind;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metadata.RunMetadataReader;
import io.mlops.engine.metadata.MetadataWriter;
import io.mlops.engine.registry.FileSystemRegistry;
import io.mlops.engine.registry.Registration;
import io.mlops.serving.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deploy run of the real engine, from a registry reference to run metadata read back through the contract. */
class DeployPipelineTest {
    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    @Test
    void shouldDeployARegisteredVersionRecordItAndWriteMetadataThatRoundTripsThroughTheContract() throws Exception {
        FileSystemRegistry registry = FileSystemRegistry.open(dir.resolve("registry"));
        registry.register(Registration.of(TestModels.modelA(), "receipts", "ci"));
        Path golden = Files.writeString(
                dir.resolve("golden.jsonl"),
                "{\"input\": {\"description\": \"Taxi zum Flughafen\", \"amount\": 35.5, \"currency\": \"EUR\","
                        + " \"country\": \"DE\", \"payment_method\": \"card\"}, \"expected\": \"transport\"}\n");

        DeployPipeline.Run run = new DeployPipeline(log::add, dir)
                .deploy(
                        new DeployPipeline.Request("receipts@1", () -> registry, null, null, golden, null, "ci"),
                        new DirectoryTarget(dir.resolve("releases"), ServerRuntime.current()));

        assertThat(run.result().status()).as(log.toString()).isEqualTo(DeployStatus.DEPLOYED);
        assertThat(run.result().name()).isEqualTo("receipts");
        assertThat(run.result().version()).isEqualTo("1");
        assertThat(registry.deployments("receipts")).hasSize(1);
        assertThat(registry.deployments("receipts").values().iterator().next().status())
                .isEqualTo(DeployStatus.DEPLOYED.name());
        RunMetadata read = new RunMetadataReader().read("deploy.json", run.metadataJson());
        assertThat(read).isEqualTo(run.metadata());
        assertThat(read.kind()).isEqualTo(RunKind.DEPLOY);
        assertThat(read.deployment()).isEqualTo(run.result());
        assertThat(new MetadataWriter().toJson(read)).isEqualTo(run.metadataJson());
    }
}
