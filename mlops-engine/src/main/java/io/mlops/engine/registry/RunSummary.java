package io.mlops.engine.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mlops.contract.data.DataFingerprint;
import io.mlops.contract.data.InputFile;
import io.mlops.contract.metadata.CodeVersion;
import io.mlops.contract.metadata.RunMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of a training run's metadata the registry queries: parameters, metrics, data and code.
 * The full {@code run-metadata.json} is kept next to it in the version folder.
 *
 * @param runId      the run id
 * @param algorithm  the algorithm
 * @param seed       the seed
 * @param parameters the resolved hyperparameters
 * @param metrics    the test metrics by name ({@code accuracy}, ..., {@code f1[class]})
 * @param data       the data fingerprints by role ({@code train}, {@code test})
 * @param code       the code version, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSummary(
        String runId,
        String algorithm,
        Long seed,
        Map<String, Object> parameters,
        Map<String, Double> metrics,
        Map<String, DataRef> data,
        CodeVersion code) {

    /**
     * The data a run read.
     *
     * @param file   the file as given to the run, or the spec's data entries joined with {@code ", "}
     * @param sha256 the SHA-256 of its content: the data fingerprint
     * @param rows   the number of rows
     * @param inputs every input file with its SHA-256 and rows; {@code null} for versions registered before data
     *               could span several files
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataRef(String file, String sha256, long rows, List<InputFile> inputs) {
        /** Creates the reference; copies the inputs. */
        public DataRef {
            inputs = inputs == null ? null : List.copyOf(inputs);
        }

        /** @return the input files; the one file itself for versions registered before inputs were recorded */
        public List<InputFile> inputFiles() {
            return inputs != null ? inputs : List.of(new InputFile(file, sha256, rows));
        }
    }

    /**
     * Extracts the summary from run metadata.
     *
     * @param metadata the run metadata of the training
     * @return the summary
     */
    static RunSummary of(final RunMetadata metadata) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (metadata.hyperparameters() != null) {
            // whole numbers as long, as the registry reads them back from version.json
            metadata.hyperparameters()
                    .forEach((name, value) ->
                            parameters.put(name, value instanceof Integer i ? Long.valueOf(i.longValue()) : value));
        }
        Map<String, DataRef> data = new LinkedHashMap<>();
        if (metadata.data() != null) {
            metadata.data().forEach((role, f) -> data.put(role, ref(f)));
        }
        return new RunSummary(
                metadata.runId(),
                metadata.algorithm(),
                metadata.seed(),
                parameters,
                metadata.metrics() == null ? Map.of() : metadata.metrics().byName(),
                data,
                metadata.codeVersion());
    }

    private static DataRef ref(final DataFingerprint fingerprint) {
        return new DataRef(fingerprint.file(), fingerprint.sha256(), fingerprint.rows(), fingerprint.inputs());
    }

    /** @return the SHA-256 of the training data, or {@code null} */
    public String trainDataSha256() {
        DataRef train = data == null ? null : data.get(RunMetadata.TRAIN_DATA);
        return train == null ? null : train.sha256();
    }
}
