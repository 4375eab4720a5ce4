package io.mlops.contract.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void shouldEscapeControlCharactersSoNoValueStartsALineOfItsOwn() {
        assertThat(Printable.escape("ok\nFORGED row\r\t\u0007\u2028\u202e"))
                .isEqualTo("ok\\nFORGED row\\r\\t\\u0007\\u2028\\u202e")
                .doesNotContain("\n");
    }

    @Test
    void shouldKeepPlainTextAndShortenLongValues() {
        assertThat(Printable.escape("accuracy >= 0.85 (failure)")).isEqualTo("accuracy >= 0.85 (failure)");
        assertThat(Printable.escape(null)).isEqualTo("null");
        assertThat(Printable.shorten("x".repeat(100))).isEqualTo("x".repeat(60) + "...(40 more characters)");
    }
}
