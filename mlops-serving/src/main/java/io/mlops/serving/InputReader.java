package io.mlops.serving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops.contract.Json;
import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.data.ColumnType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads prediction inputs from JSON straight into {@link Instance}s, token by token, without building a
 * tree: one object, or a batch {@code {"instances": [ ... ]}}. Type errors and unknown fields are noted on
 * the instance for {@link Predictor#validate}; a body that is not JSON at all is rejected at once.
 */
public final class InputReader {
    private static final JsonFactory JSON = Json.mapper().getFactory();
    private static final ObjectMapper TREES = Json.mapper();

    /** The field that makes a request a batch. */
    static final String BATCH_FIELD = "instances";

    private final List<ColumnSpec> features;
    private final Map<String, Integer> positions = new HashMap<>();
    private final String unknownField;
    private final FlatInputScanner scanner;

    /**
     * The inputs of one prediction request.
     *
     * @param batch     whether the request was a batch
     * @param instances the instances, one unless it was a batch
     */
    public record Inputs(boolean batch, List<Instance> instances) {}

    /**
     * Creates a reader for a model's features.
     *
     * @param features the feature columns, in schema order
     */
    public InputReader(final List<ColumnSpec> features) {
        this.features = List.copyOf(features);
        this.scanner = new FlatInputScanner(features);
        for (int f = 0; f < features.size(); f++) {
            positions.put(features.get(f).name(), f);
        }
        this.unknownField = "unknown field; expected only "
                + features.stream().map(ColumnSpec::name).toList();
    }

    /**
     * Reads the body of a prediction request.
     *
     * @param body     the body
     * @param maxBatch the most instances a batch may hold
     * @return the inputs
     * @throws PredictionHandler.HttpProblem 400 if the body is empty or not JSON or its batch is empty or not an
     *                                       array, 413 if its batch is larger than {@code maxBatch}
     */
    Inputs read(final byte[] body, final int maxBatch) throws PredictionHandler.HttpProblem {
        Instance simple = scanner.scan(body);
        if (simple != null) {
            return new Inputs(false, List.of(simple));
        }
        return readWithJackson(body, maxBatch);
    }

    /** Reads a body with Jackson, token by token: every case, with the wording of every error. */
    Inputs readWithJackson(final byte[] body, final int maxBatch) throws PredictionHandler.HttpProblem {
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new PredictionHandler.HttpProblem(400, "empty request body; expected JSON");
            }
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                requireEnd(parser);
                return new Inputs(false, List.of(Instance.notAnObject(features.size())));
            }
            Instance single = Instance.object(features.size());
            List<Instance> batch = null;
            int batchSize = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                token = parser.nextToken();
                if (BATCH_FIELD.equals(name)) {
                    batch = null;
                    batchSize = 0;
                    if (token == JsonToken.START_ARRAY) {
                        batch = new ArrayList<>();
                        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                            batchSize++;
                            if (batchSize <= maxBatch) {
                                batch.add(instance(parser, token));
                            } else {
                                // counted, syntax checked, not kept
                                parser.skipChildren();
                            }
                        }
                    } else {
                        parser.skipChildren();
                        batchSize = -1;
                    }
                } else {
                    field(single, name, token, parser);
                }
            }
            requireEnd(parser);
            if (batchSize < 0 || batch != null && batchSize == 0) {
                throw new PredictionHandler.HttpProblem(
                        400, "'" + BATCH_FIELD + "' must be a non-empty array of objects");
            }
            if (batchSize > maxBatch) {
                throw new PredictionHandler.HttpProblem(
                        413, "batch of " + batchSize + " instances is larger than the limit of " + maxBatch);
            }
            return batch != null ? new Inputs(true, batch) : new Inputs(false, List.of(single));
        } catch (JsonProcessingException exception) {
            throw new PredictionHandler.HttpProblem(400, "malformed JSON: " + exception.getOriginalMessage());
        } catch (IOException exception) {
            throw new PredictionHandler.HttpProblem(400, "cannot read request body: " + exception.getMessage());
        }
    }

    /** A body is one JSON value: anything but white space after it makes the body malformed. */
    private static void requireEnd(final JsonParser parser) throws IOException, PredictionHandler.HttpProblem {
        if (parser.nextToken() != null) {
            throw new PredictionHandler.HttpProblem(
                    400,
                    "malformed JSON: more content after the JSON value, at byte "
                            + parser.currentTokenLocation().getByteOffset() + "; send one object or {\"" + BATCH_FIELD
                            + "\": [...]}");
        }
    }

    /**
     * Reads one input given as a JSON tree, e.g. a smoke-test sample.
     *
     * @param input the input
     * @return the instance
     */
    public Instance read(final JsonNode input) {
        try (JsonParser parser = TREES.treeAsTokens(input)) {
            return instance(parser, parser.nextToken());
        } catch (IOException exception) {
            throw new UncheckedIOException("a tree in memory cannot fail to read", exception);
        }
    }

    private Instance instance(final JsonParser parser, final JsonToken start) throws IOException {
        if (start != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return Instance.notAnObject(features.size());
        }
        Instance instance = Instance.object(features.size());
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            field(instance, name, parser.nextToken(), parser);
        }
        return instance;
    }

    private void field(final Instance instance, final String name, final JsonToken token, final JsonParser parser)
            throws IOException {
        Integer position = positions.get(name);
        if (position == null) {
            parser.skipChildren();
            instance.problem(name, unknownField);
            return;
        }
        int f = position;
        boolean numeric = features.get(f).type() == ColumnType.NUMERIC;
        instance.clearProblem(name);
        if (token == JsonToken.VALUE_NULL) {
            instance.noValue(f);
            return;
        }
        if (numeric && token.isNumeric()) {
            double value = parser.getDoubleValue();
            if (Double.isFinite(value)) {
                instance.number(f, value);
                return;
            }
            instance.noValue(f);
            instance.problem(name, "expected a finite number");
            return;
        }
        if (!numeric && token == JsonToken.VALUE_STRING) {
            instance.string(f, parser.getText());
            return;
        }
        parser.skipChildren();
        instance.noValue(f);
        instance.problem(name, "expected " + (numeric ? "a number" : "a string") + ", got " + kind(token));
    }

    private static String kind(final JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case START_OBJECT -> "object";
            case START_ARRAY -> "array";
            default -> token.asString() == null ? token.name().toLowerCase(java.util.Locale.ROOT) : token.asString();
        };
    }
}
