package io.mlops.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.data.ColumnType;
import io.mlops.engine.model.ModelStore;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link InputReader} reads prediction bodies token by token into instances that {@link Predictor#validate} judges
 * as it judged the Jackson tree of the same body: fields in any order, the last of duplicate fields wins, nested
 * values skipped, every fault named; whole-body faults are 400 or 413 with their messages.
 */
class InputReaderTest {
    private static final ObjectMapper TREES = new ObjectMapper();
    private static final String TAXI = "{\"description\":\"Taxi zum Flughafen\",\"amount\":35.5,"
            + "\"currency\":\"EUR\",\"country\":\"DE\",\"payment_method\":\"card\"}";

    private static Predictor predictor;
    private static List<ColumnSpec> features;
    private static String unknown;
    private static String notAnObject;

    @BeforeAll
    static void load() {
        predictor = new Predictor(new ModelStore().load(TestModels.modelA()));
        features = new ModelStore()
                .load(TestModels.modelA())
                .preparation()
                .getSchema()
                .features();
        assertThat(predictor.fieldNames())
                .containsExactly("description", "amount", "currency", "country", "payment_method");
        unknown = "unknown field; expected only [description, amount, currency, country, payment_method]";
        notAnObject = "expected a JSON object with the fields [description, amount, currency, country, payment_method]";
    }

    private static InputReader.Inputs read(final String body, final int maxBatch) throws PredictionHandler.HttpProblem {
        return predictor.reader().read(body.getBytes(StandardCharsets.UTF_8), maxBatch);
    }

    private static Instance one(final String body) throws PredictionHandler.HttpProblem {
        InputReader.Inputs inputs = read(body, 10);
        assertThat(inputs.batch()).isFalse();
        assertThat(inputs.instances()).hasSize(1);
        return inputs.instances().get(0);
    }

    /** The fields validation names, empty if the instance is valid. */
    private static Map<String, String> problems(final Instance instance) {
        try {
            predictor.validate(instance);
            return Map.of();
        } catch (InvalidInputException exception) {
            assertThat(exception).hasMessage("input does not match the model's schema");
            return exception.fields();
        }
    }

    private static PredictionHandler.HttpProblem problem(final String body, final int maxBatch) {
        PredictionHandler.HttpProblem problem =
                catchThrowableOfType(PredictionHandler.HttpProblem.class, () -> read(body, maxBatch));
        assertThat(problem).as("an HTTP problem for %s", body).isNotNull();
        return problem;
    }

    private static int at(final String field) {
        return predictor.fieldNames().indexOf(field);
    }

    private static String receipt(final String amount) {
        return "{\"description\":\"Taxi\",\"amount\":" + amount + ",\"currency\":\"EUR\",\"country\":\"DE\","
                + "\"payment_method\":\"card\"}";
    }

    @Test
    void shouldReadAValidObject() throws Exception {
        Instance taxi = one(TAXI);

        assertThat(taxi.isObject()).isTrue();
        assertThat(taxi.problems()).isNull();
        assertThat(taxi.string(at("description"))).isEqualTo("Taxi zum Flughafen");
        assertThat(taxi.number(at("amount"))).isEqualTo(35.5);
        assertThat(taxi.string(at("currency"))).isEqualTo("EUR");
        assertThat(taxi.string(at("payment_method"))).isEqualTo("card");
        assertThat(problems(taxi)).isEmpty();
        assertThat(predictor.predict(taxi).label()).isEqualTo("transport");
    }

    @Test
    void shouldReadFieldsInAnyOrder() throws Exception {
        Instance reversed = one("{\"payment_method\":\"card\",\"country\":\"DE\",\"currency\":\"EUR\",\"amount\":35.5,"
                + "\"description\":\"Taxi zum Flughafen\"}");
        Instance inOrder = one(TAXI);

        assertThat(problems(reversed)).isEmpty();
        assertSameValues(reversed, inOrder);
        assertThat(predictor.predict(reversed).scores())
                .isEqualTo(predictor.predict(inOrder).scores());
        // a reader that has seen one order does not mix up fields given in another
        Instance shuffled = one("{\"amount\":35.5,\"description\":\"Taxi zum Flughafen\",\"country\":\"DE\","
                + "\"payment_method\":\"card\",\"currency\":\"EUR\"}");
        assertSameValues(shuffled, inOrder);
    }

    @Test
    void shouldLetTheLastOfDuplicateFieldsWin() throws Exception {
        assertThat(one(receipt("1, \"amount\": 2")).number(at("amount"))).isEqualTo(2.0);

        Instance wrongThenRight = one(receipt("\"35\", \"amount\": 3"));
        assertThat(problems(wrongThenRight)).isEmpty();
        assertThat(wrongThenRight.number(at("amount"))).isEqualTo(3.0);

        Instance rightThenWrong = one(receipt("3, \"amount\": \"35\""));
        assertThat(problems(rightThenWrong)).containsExactly(Map.entry("amount", "expected a number, got string"));
        assertThat(rightThenWrong.number(at("amount"))).isNaN();

        Instance objectThenRight = one(receipt("{\"a\": [1, 2]}, \"amount\": 4"));
        assertThat(problems(objectThenRight)).isEmpty();
        assertThat(objectThenRight.number(at("amount"))).isEqualTo(4.0);

        Instance rightThenNull = one(receipt("3, \"amount\": null"));
        assertThat(problems(rightThenNull)).isEmpty();
        assertThat(rightThenNull.isPresent(at("amount"))).isTrue();
        assertThat(rightThenNull.number(at("amount"))).isNaN();

        Instance strings = one("{\"description\":\"Taxi\",\"amount\":1,\"currency\":5,\"country\":\"DE\","
                + "\"payment_method\":\"card\",\"currency\":\"EUR\",\"country\":true}");
        assertThat(problems(strings)).containsExactly(Map.entry("country", "expected a string, got boolean"));
        assertThat(strings.string(at("currency"))).isEqualTo("EUR");
        assertThat(strings.string(at("country"))).isNull();
    }

    @Test
    void shouldTakeNullAsAPresentMissingValue() throws Exception {
        Instance nulls = one("{\"description\":null,\"amount\":null,\"currency\":null,\"country\":\"DE\","
                + "\"payment_method\":\"card\"}");

        assertThat(nulls.problems()).isNull();
        assertThat(problems(nulls)).isEmpty();
        assertThat(nulls.isPresent(at("amount"))).isTrue();
        assertThat(nulls.number(at("amount"))).isNaN();
        assertThat(nulls.string(at("currency"))).isNull();
        // the model's policy imputes them
        assertThat(java.util.Arrays.stream(predictor.predict(nulls).scores())).allMatch(Double::isFinite);
    }

    @Test
    void shouldNameUnknownFieldsAndSkipTheirValues() throws Exception {
        Instance input = one("{\"colour\":\"red\",\"extra\":{\"amount\":\"x\",\"nested\":[1,{\"currency\":2}]},"
                + TAXI.substring(1));

        assertThat(problems(input)).containsExactly(Map.entry("colour", unknown), Map.entry("extra", unknown));
        assertThat(input.number(at("amount"))).isEqualTo(35.5);
        assertThat(input.string(at("currency"))).isEqualTo("EUR");
    }

    @Test
    void shouldNameWrongTypesAndReadTheFieldsAfterThem() throws Exception {
        assertThat(problems(one(receipt("\"35\""))))
                .containsExactly(Map.entry("amount", "expected a number, got string"));
        assertThat(problems(one(receipt("true"))))
                .containsExactly(Map.entry("amount", "expected a number, got boolean"));
        assertThat(problems(one(receipt("false"))))
                .containsExactly(Map.entry("amount", "expected a number, got boolean"));

        Instance object = one(receipt("{\"currency\": 1, \"country\": {\"deep\": [\"x\"]}}"));
        assertThat(problems(object)).containsExactly(Map.entry("amount", "expected a number, got object"));
        assertThat(object.string(at("currency")))
                .as("read after the nested object")
                .isEqualTo("EUR");
        assertThat(object.string(at("country"))).isEqualTo("DE");
        assertThat(object.string(at("payment_method"))).isEqualTo("card");

        Instance array = one(receipt("[1, [2, {\"currency\": 3}], {}]"));
        assertThat(problems(array)).containsExactly(Map.entry("amount", "expected a number, got array"));
        assertThat(array.string(at("currency"))).isEqualTo("EUR");
        assertThat(array.string(at("payment_method"))).isEqualTo("card");

        Instance strings = one("{\"description\":5,\"amount\":1,\"currency\":{\"x\":1},\"country\":[\"DE\"],"
                + "\"payment_method\":false}");
        assertThat(problems(strings))
                .containsExactly(
                        Map.entry("country", "expected a string, got array"),
                        Map.entry("currency", "expected a string, got object"),
                        Map.entry("description", "expected a string, got number"),
                        Map.entry("payment_method", "expected a string, got boolean"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1e400",
                "-1e400",
                "1E+309",
                "1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                        + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                        + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                        + "0000000000000"
            })
    void shouldRejectNumbersBeyondTheDoubleRange(final String number) throws Exception {
        Instance input = one(receipt(number));

        assertThat(problems(input)).containsExactly(Map.entry("amount", "expected a finite number"));
        assertThat(input.isPresent(at("amount"))).isTrue();
    }

    @Test
    void shouldNameMissingFields() throws Exception {
        assertThat(problems(one("{}")))
                .containsExactly(
                        Map.entry("amount", "missing; expected a number"),
                        Map.entry("country", "missing; expected a string"),
                        Map.entry("currency", "missing; expected a string"),
                        Map.entry("description", "missing; expected a string"),
                        Map.entry("payment_method", "missing; expected a string"));
        assertThat(problems(one("{\"description\":\"Taxi\",\"currency\":\"EUR\",\"country\":\"DE\","
                        + "\"payment_method\":\"card\",\"colour\":1}")))
                .containsExactly(Map.entry("amount", "missing; expected a number"), Map.entry("colour", unknown));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "3", "\"x\"", "true", "null", "[{\"amount\": 1}]", "  [ ]  "})
    void shouldRejectATopLevelValueThatIsNotAnObject(final String body) throws Exception {
        Instance input = one(body);

        assertThat(input.isObject()).isFalse();
        assertThatThrownBy(() -> predictor.validate(input))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(notAnObject)
                .satisfies(e -> assertThat(((InvalidInputException) e).fields()).isEmpty());
    }

    @Test
    void shouldReadABatch() throws Exception {
        InputReader.Inputs inputs = read("{\"instances\":[" + TAXI + "," + receipt("240") + "," + TAXI + "]}", 3);

        assertThat(inputs.batch()).isTrue();
        assertThat(inputs.instances()).hasSize(3);
        assertThat(inputs.instances().get(1).number(at("amount"))).isEqualTo(240.0);
        for (Instance instance : inputs.instances()) {
            assertThat(problems(instance)).isEmpty();
        }
        assertSameValues(inputs.instances().get(2), one(TAXI));
    }

    @Test
    void shouldNameABatchElementThatIsNotAnObject() throws Exception {
        InputReader.Inputs inputs = read("{\"instances\":[" + TAXI + ",7,[" + TAXI + "]," + TAXI + "]}", 10);

        assertThat(inputs.instances()).hasSize(4);
        assertThat(problems(inputs.instances().get(0))).isEmpty();
        assertThatThrownBy(() -> predictor.validate(inputs.instances().get(1))).hasMessage(notAnObject);
        assertThatThrownBy(() -> predictor.validate(inputs.instances().get(2))).hasMessage(notAnObject);
        assertThat(problems(inputs.instances().get(3)))
                .as("read after the nested array")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"instances\":[]}",
                "{\"instances\":5}",
                "{\"instances\":null}",
                "{\"instances\":{}}",
                "{\"instances\":\"[]\"}",
                "{\"instances\":[" + TAXI + "],\"instances\":{\"a\":[1]}}"
            })
    void shouldRejectABatchThatIsNotANonEmptyArray(final String body) {
        PredictionHandler.HttpProblem problem = problem(body, 10);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem).hasMessage("'instances' must be a non-empty array of objects");
    }

    @Test
    void shouldLetTheLastInstancesFieldWin() throws Exception {
        InputReader.Inputs inputs = read("{\"instances\":5,\"instances\":[" + TAXI + "]}", 10);

        assertThat(inputs.batch()).isTrue();
        assertThat(inputs.instances()).hasSize(1);
    }

    @Test
    void shouldRejectABatchLargerThanTheLimitWith413CountingEveryInstance() throws Exception {
        StringBuilder body = new StringBuilder("{\"instances\":[");
        for (int i = 0; i < 7; i++) {
            body.append(i == 0 ? "" : ",").append(i % 2 == 0 ? TAXI : "[1,{\"x\":2}]");
        }
        String seven = body.append("]}").toString();

        PredictionHandler.HttpProblem problem = problem(seven, 3);

        assertThat(problem.status()).isEqualTo(413);
        assertThat(problem).hasMessage("batch of 7 instances is larger than the limit of 3");
        assertThat(read(seven, 7).instances()).hasSize(7);
        assertThat(problem("{\"instances\":[" + TAXI + "," + TAXI + ",{\"amount\":]}", 1))
                .as("instances beyond the limit are still checked")
                .hasMessageStartingWith("malformed JSON: ")
                .extracting(PredictionHandler.HttpProblem::status)
                .isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"amount\":",
                "{\"amount\": 1,}",
                "{\"amount\" 1}",
                "{'amount': 1}",
                "{\"amount\": 01}",
                "{\"amount\": NaN}",
                "{\"amount\": 1.}",
                "{\"colour\":{\"x\":[1,}}",
                "{\"instances\":[" + TAXI + ",]}",
                "{\"instances\":[",
                "[1,2",
                "{\"description\":\"unterminated}",
                "}",
                "{\"amount\": tru}",
                "nul",
                "{\"a\":1]"
            })
    void shouldRejectMalformedJsonWith400(final String body) {
        assertThatThrownBy(() -> TREES.readTree(body))
                .as("Jackson's tree rejects it too")
                .isInstanceOf(JsonProcessingException.class);

        PredictionHandler.HttpProblem problem = problem(body, 10);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.getMessage()).startsWith("malformed JSON: ").hasSizeGreaterThan("malformed JSON: ".length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\r\n\t  \n"})
    void shouldRejectAnEmptyBodyWith400(final String body) {
        PredictionHandler.HttpProblem problem = problem(body, 10);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem).hasMessage("empty request body; expected JSON");
    }

    /** A body is one JSON value: anything after it but white space makes it malformed (400), unlike Jackson's readTree. */
    @ParameterizedTest
    @ValueSource(strings = {" x", "}", "]", TAXI, "{\"amount\": \"junk\"}", " 42 ", "{\"instances\":[{}]}"})
    void shouldRejectContentAfterTheJsonValueWith400(final String trailing) {
        PredictionHandler.HttpProblem problem = problem(TAXI + trailing, 10);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.getMessage()).startsWith("malformed JSON: ");
        assertThat(problem(" [1] x", 10).getMessage()).startsWith("malformed JSON: ");
    }

    @Test
    void shouldAcceptWhiteSpaceAfterTheJsonValue() throws Exception {
        assertSameValues(one(TAXI + " \r\n\t "), one(TAXI));
    }

    /** Bodies read token by token are judged as the Jackson tree of the same body was, field by field. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                TAXI,
                "{}",
                "{\"amount\":\"1\",\"amount\":1}",
                "{\"amount\":1,\"amount\":\"1\"}",
                "{\"amount\":[1],\"currency\":{\"c\":1},\"description\":7,\"country\":false,\"payment_method\":null}",
                "{\"colour\":1,\"colour\":\"x\",\"size\":[{}],\"amount\":1e400}",
                "{\"amount\":-0.0,\"description\":\"\",\"currency\":\"\\u00dcber \\\"q\\\"\",\"country\":\"DE\",\"payment_method\":\"card\"}",
                "{\"payment_method\":\"card\",\"amount\":12,\"amount\":null,\"description\":{},\"description\":\"Taxi\"}",
                "{\"amount\":1.7976931348623157E308,\"currency\":null,\"currency\":3,\"x\":null}",
                "{\"amount\":123456789012345678901234567890,\"country\":\"CH\",\"country\":\"AT\"}"
            })
    void shouldJudgeInputsAsTheTreeWasJudged(final String body) throws Exception {
        JsonNode tree = TREES.readTree(body);
        Instance streamed = one(body);

        assertThat(problems(streamed)).isEqualTo(treeProblems(tree));
        assertSameValues(streamed, predictor.reader().read(tree));
        for (int f = 0; f < features.size(); f++) {
            JsonNode value = tree.get(features.get(f).name());
            assertThat(streamed.isPresent(f)).isEqualTo(value != null);
            boolean numeric = features.get(f).type() == ColumnType.NUMERIC;
            if (numeric && value != null && value.isNumber() && Double.isFinite(value.doubleValue())) {
                assertThat(streamed.number(f)).isEqualTo(value.doubleValue());
            }
            if (!numeric && value != null && value.isTextual()) {
                assertThat(streamed.string(f)).isEqualTo(value.textValue());
            }
        }
    }

    /** The fields the tree-based validation named (as the service validated Jackson trees before). */
    private static Map<String, String> treeProblems(final JsonNode input) {
        Map<String, String> problems = new TreeMap<>();
        for (ColumnSpec spec : features) {
            JsonNode value = input.get(spec.name());
            boolean numeric = spec.type() == ColumnType.NUMERIC;
            String expected = numeric ? "a number" : "a string";
            if (value == null) {
                problems.put(spec.name(), "missing; expected " + expected);
            } else if (!value.isNull() && (numeric ? !value.isNumber() : !value.isTextual())) {
                problems.put(
                        spec.name(),
                        "expected " + expected + ", got "
                                + value.getNodeType().name().toLowerCase());
            } else if (numeric && value.isNumber() && !Double.isFinite(value.doubleValue())) {
                problems.put(spec.name(), "expected a finite number");
            }
        }
        for (Iterator<String> it = input.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!predictor.fieldNames().contains(name)) {
                problems.put(name, unknown);
            }
        }
        return problems;
    }

    private static Map<String, String> orEmpty(final Map<String, String> problems) {
        return problems == null ? Map.of() : problems;
    }

    private static void assertSameValues(final Instance actual, final Instance expected) {
        assertThat(actual.isObject()).isEqualTo(expected.isObject());
        assertThat(orEmpty(actual.problems())).isEqualTo(orEmpty(expected.problems()));
        for (int f = 0; f < features.size(); f++) {
            assertThat(actual.isPresent(f))
                    .as("%s present", features.get(f).name())
                    .isEqualTo(expected.isPresent(f));
            assertThat(Double.doubleToRawLongBits(actual.number(f)))
                    .as("%s number", features.get(f).name())
                    .isEqualTo(Double.doubleToRawLongBits(expected.number(f)));
            assertThat(actual.string(f)).as("%s string", features.get(f).name()).isEqualTo(expected.string(f));
        }
    }
}
