package io.mlops.engine.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import io.mlops.contract.MlopsException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deployments of one model: {@code deployments.log} (JSON Lines, every deployment and rollback, appended
 * and forced) and {@code deployments.json} (per target, the version deployed there now, replaced atomically).
 * Writers hold the registry lock; a torn last log line from a crash is ignored.
 */
final class DeploymentLog {
    static final String LOG = "deployments.log";
    static final String CURRENT = "deployments.json";

    private final Path folder;

    DeploymentLog(final Path folder) {
        this.folder = folder;
    }

    void append(final Deployment deployment) throws IOException {
        byte[] line = (RegistryJson.LINE.writeValueAsString(deployment) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(
                folder.resolve(LOG), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            Durable.appendAt(channel, validLength(channel), line);
        }
        if ("DEPLOYED".equals(deployment.status())) {
            Map<String, Deployment> current = new LinkedHashMap<>(current());
            current.put(deployment.target(), deployment);
            Durable.replace(folder.resolve(CURRENT), RegistryJson.PRETTY.writeValueAsBytes(current));
        }
    }

    // a crash can leave a last line without its newline: the next append starts after the last complete line
    private static long validLength(final FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return 0;
        }
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) Math.min(size, 1 << 20));
        channel.read(buffer, size - buffer.capacity());
        byte[] tail = buffer.array();
        for (int i = tail.length - 1; i >= 0; i--) {
            if (tail[i] == '\n') {
                return size - tail.length + i + 1;
            }
        }
        return size - tail.length;
    }

    Map<String, Deployment> current() {
        Path file = folder.resolve(CURRENT);
        try {
            return RegistryJson.PRETTY.readValue(
                    Files.readAllBytes(file), new TypeReference<LinkedHashMap<String, Deployment>>() {});
        } catch (NoSuchFileException exception) {
            return Map.of();
        } catch (IOException exception) {
            throw MlopsException.inFile(file, "unreadable deployments: " + exception.getMessage());
        }
    }

    List<Deployment> history() {
        Path file = folder.resolve(LOG);
        List<Deployment> deployments = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    deployments.add(RegistryJson.LINE.readValue(line, Deployment.class));
                } catch (IOException torn) {
                    // only a crash mid-append writes a partial line, and only the last one
                }
            }
        } catch (NoSuchFileException exception) {
            return List.of();
        } catch (IOException exception) {
            throw MlopsException.inFile(file, "unreadable deployment log: " + exception.getMessage());
        }
        return deployments;
    }
}
