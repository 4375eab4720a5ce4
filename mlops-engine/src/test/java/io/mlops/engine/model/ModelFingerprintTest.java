package io.mlops.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.UnknownFieldSet;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModelFingerprintTest {
    private static byte[] message(final String timestamp, final String other) {
        UnknownFieldSet inner = UnknownFieldSet.newBuilder()
                .addField(
                        1,
                        UnknownFieldSet.Field.newBuilder()
                                .addLengthDelimited(com.google.protobuf.ByteString.copyFromUtf8("trained-at"))
                                .build())
                .addField(
                        2,
                        UnknownFieldSet.Field.newBuilder()
                                .addLengthDelimited(com.google.protobuf.ByteString.copyFromUtf8(timestamp))
                                .build())
                .build();
        return UnknownFieldSet.newBuilder()
                .addField(1, UnknownFieldSet.Field.newBuilder().addVarint(7).build())
                .addField(
                        2,
                        UnknownFieldSet.Field.newBuilder()
                                .addLengthDelimited(inner.toByteString())
                                .build())
                .addField(
                        3,
                        UnknownFieldSet.Field.newBuilder()
                                .addLengthDelimited(com.google.protobuf.ByteString.copyFromUtf8(other))
                                .build())
                .build()
                .toByteArray();
    }

    @Test
    void shouldIgnoreNestedTimestampsEvenOfDifferentLength() {
        String a = ModelFingerprint.of(message("2026-11-27T09:12:33.12+01:00", "weights"));
        String b = ModelFingerprint.of(message("2026-11-28T10:00:01.123456Z", "weights"));

        assertThat(a).isEqualTo(b);
    }

    @Test
    void shouldSeeEveryOtherDifference() {
        String a = ModelFingerprint.of(message("2026-11-27T09:12:33Z", "weights"));
        String b = ModelFingerprint.of(message("2026-11-27T09:12:33Z", "weightz"));

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void shouldKeepNonMessageBytesAsTheyAre() {
        byte[] plain = "not a protobuf message at all".getBytes(StandardCharsets.UTF_8);

        assertThat(ModelFingerprint.normalise(message("x", "y"))).isEqualTo(message("x", "y"));
        assertThat(ModelFingerprint.of(plain)).hasSize(64);
    }
}
