package io.mlops.engine.retrain;

import io.mlops.contract.MlopsException;
import io.mlops.contract.data.DataFingerprint;
import io.mlops.contract.data.DataSchema;
import io.mlops.contract.retrain.Psi;
import io.mlops.engine.data.DriftReference;
import io.mlops.engine.data.Numbers;
import io.mlops.engine.data.Table;
import io.mlops.engine.data.TableReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computes the drift of a new data batch against the training distribution a model carries (the histograms and
 * category counts of its data fingerprint): the PSI of every monitored feature, as the prediction service computes
 * it over its recent inputs. The batch needs the feature columns; a label column is not needed.
 */
final class OfflineDrift {
    private final TableReader reader;

    OfflineDrift(final TableReader reader) {
        this.reader = reader;
    }

    /**
     * Computes the PSI per feature.
     *
     * @param batch    the new data
     * @param schema   the model's schema
     * @param training the fingerprint of its training data
     * @return PSI by feature; empty if the model carries no reference for any feature
     * @throws MlopsException if the batch cannot be read or lacks a monitored feature column
     */
    Map<String, Double> psi(final Path batch, final DataSchema schema, final DataFingerprint training) {
        Table table = reader.read(batch);
        Map<String, Double> result = new LinkedHashMap<>();
        for (DriftReference.Feature feature :
                DriftReference.of(schema.features(), training).features()) {
            int column = table.indexOf(feature.name());
            if (column < 0) {
                throw MlopsException.inFile(
                        batch,
                        "has no column '" + feature.name() + "' that the model was trained on; columns are "
                                + table.columns());
            }
            long[] counts = new long[feature.expected().length];
            for (int row = 0; row < table.size(); row++) {
                String value = table.value(row, column);
                int bin;
                if (feature.numeric()) {
                    Double number = value == null ? null : Numbers.parse(value.strip());
                    bin = feature.bin(number == null ? Double.NaN : number);
                } else {
                    bin = feature.bin(value);
                }
                if (bin >= 0) {
                    counts[bin]++;
                }
            }
            if (java.util.Arrays.stream(counts).sum() > 0) {
                result.put(feature.name(), Psi.index(feature.expected(), Psi.shares(counts)));
            }
        }
        return result;
    }
}
