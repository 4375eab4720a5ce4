package io.mlops.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.data.ColumnType;
import io.mlops.contract.data.DataSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path for plain decimals must give bit for bit what {@link Double#parseDouble} gives. */
class PlainDecimalParsingTest {
    @Test
    void shouldAgreeWithParseDoubleOnRandomPlainDecimals() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            int sign = random.nextInt(3);
            if (sign == 1) {
                text.append('-');
            } else if (sign == 2) {
                text.append('+');
            }
            int integerDigits = random.nextInt(0, 12);
            for (int i = 0; i < integerDigits; i++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            int decimals = random.nextInt(-1, 14);
            if (decimals >= 0) {
                text.append('.');
                for (int i = 0; i < decimals; i++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
            }
            if (integerDigits + Math.max(0, decimals) == 0) {
                text.append('0');
            }
            String s = text.toString();
            double fast = TypedData.parsePlainDecimal(s);
            if (!Double.isNaN(fast)) {
                assertThat(Double.doubleToRawLongBits(fast))
                        .as(s)
                        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0",
                "-0",
                "+0",
                "-0.0",
                "1.",
                ".5",
                "-.5",
                "12.3456",
                "0.1",
                "0.3",
                "-42",
                "900719925474098",
                "1.7976931348",
                "0.0000000000000000000001",
                "3.14159265358979"
            })
    void shouldParseExactlyAsParseDouble(final String text) {
        assertThat(Double.doubleToRawLongBits(TypedData.parsePlainDecimal(text)))
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "-",
                "+",
                ".",
                "-.",
                "1e3",
                "1E-3",
                " 1",
                "1 ",
                "1,5",
                "1.2.3",
                "NaN",
                "Infinity",
                "0x1p3",
                "12f",
                "12d",
                "--1",
                "9007199254740993",
                "12345678901234567890",
                "0.00000000000000000000001"
            })
    void shouldLeaveEverythingElseToTheFullParser(final String text) {
        assertThat(TypedData.parsePlainDecimal(text)).isNaN();
    }

    @Test
    void shouldStillParseWhatOnlyTheFullParserHandles() {
        List<String[]> rows = new ArrayList<>();
        String[] values = {"1e3", " 2.5 ", "9007199254740993", "", "-0", "0.00000000000000000000001"};
        for (String value : values) {
            rows.add(new String[] {value, "a"});
        }
        Table table = new Table(Path.of("t.csv"), List.of("x", "label"), rows, new long[] {2, 3, 4, 5, 6, 7});
        TypedData data = TypedData.of(table, new DataSchema("label", List.of(new ColumnSpec("x", ColumnType.NUMERIC))));

        assertThat(data.number(0, 0)).isEqualTo(1000.0);
        assertThat(data.number(0, 1)).isEqualTo(2.5);
        assertThat(data.number(0, 2)).isEqualTo(9007199254740992.0);
        assertThat(data.number(0, 3)).isNaN();
        assertThat(Double.doubleToRawLongBits(data.number(0, 4))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(data.number(0, 5)).isEqualTo(1e-23);
    }

    @Test
    void shouldReportTheFirstBadValueInSchemaOrderWhenParsingInParallel() {
        int n = 30_000;
        List<String[]> rows = new ArrayList<>(n);
        long[] lines = new long[n];
        for (int i = 0; i < n; i++) {
            rows.add(new String[] {Integer.toString(i), i == 20_000 ? "x2" : "1.5", i == 100 ? "x3" : "2", "a"});
            lines[i] = i + 2;
        }
        Table table = new Table(Path.of("t.csv"), List.of("a", "b", "c", "label"), rows, lines);
        DataSchema schema = new DataSchema(
                "label",
                List.of(
                        new ColumnSpec("a", ColumnType.NUMERIC),
                        new ColumnSpec("b", ColumnType.NUMERIC),
                        new ColumnSpec("c", ColumnType.NUMERIC)));

        for (int attempt = 0; attempt < 5; attempt++) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> TypedData.of(table, schema))
                    .hasMessage("t.csv line 20002: column 'b' is not a number: \"x2\"");
        }
        DataSchema missing = new DataSchema(
                "label",
                List.of(
                        new ColumnSpec("c", ColumnType.NUMERIC),
                        new ColumnSpec("nope", ColumnType.NUMERIC),
                        new ColumnSpec("b", ColumnType.NUMERIC)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TypedData.of(table, missing))
                .hasMessage("t.csv line 102: column 'c' is not a number: \"x3\"");
    }
}
