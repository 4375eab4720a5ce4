package io.mlops.engine.model;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import io.mlops.engine.io.Hashing;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The identity of a trained model's content: the SHA-256 of its protobuf file with the training
 * timestamps normalised. Tribuo records when a model was trained inside its provenance, so two runs
 * of the same spec on the same data with the same seed write files that differ only there; this
 * fingerprint is equal for them and differs as soon as parameters, data or seed differ.
 *
 * <p>The protobuf is walked generically (as unknown fields), so every Tribuo model type is handled:
 * a length-delimited field that is a timestamp string is replaced by a constant, one that is itself
 * a well-formed message is walked recursively.</p>
 */
public final class ModelFingerprint {
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}(:\\d{2})?)?(\\[[^\\]]+])?");
    private static final ByteString NORMALISED = ByteString.copyFromUtf8("<timestamp>");
    private static final int MAX_DEPTH = 64;

    private ModelFingerprint() {}

    /**
     * Computes the fingerprint of a serialised model.
     *
     * @param protobuf the bytes of the model file
     * @return the SHA-256 of the normalised bytes, as hex
     */
    public static String of(final byte[] protobuf) {
        return Hashing.sha256(normalise(protobuf));
    }

    /**
     * Normalises the training timestamps in a serialised model.
     *
     * @param protobuf the bytes of the model file
     * @return the same message with every timestamp string replaced by a constant
     */
    static byte[] normalise(final byte[] protobuf) {
        try {
            return normalise(UnknownFieldSet.parseFrom(protobuf), 0).toByteArray();
        } catch (InvalidProtocolBufferException exception) {
            return protobuf;
        }
    }

    private static UnknownFieldSet normalise(final UnknownFieldSet fields, final int depth) {
        UnknownFieldSet.Builder result = UnknownFieldSet.newBuilder();
        fields.asMap().forEach((number, field) -> {
            List<ByteString> delimited = field.getLengthDelimitedList();
            if (delimited.isEmpty()) {
                result.addField(number, field);
                return;
            }
            UnknownFieldSet.Field.Builder copy = UnknownFieldSet.Field.newBuilder();
            field.getVarintList().forEach(copy::addVarint);
            field.getFixed32List().forEach(copy::addFixed32);
            field.getFixed64List().forEach(copy::addFixed64);
            field.getGroupList().forEach(copy::addGroup);
            delimited.forEach(bytes -> copy.addLengthDelimited(normalise(bytes, depth)));
            result.addField(number, copy.build());
        });
        return result.build();
    }

    private static ByteString normalise(final ByteString bytes, final int depth) {
        String text = utf8(bytes);
        if (text != null && TIMESTAMP.matcher(text).matches()) {
            return NORMALISED;
        }
        if (depth >= MAX_DEPTH || bytes.isEmpty()) {
            return bytes;
        }
        try {
            UnknownFieldSet nested = UnknownFieldSet.parseFrom(bytes);
            // only a message that re-encodes to exactly these bytes is walked; anything else is opaque data
            if (nested.toByteString().equals(bytes)) {
                return normalise(nested, depth + 1).toByteString();
            }
        } catch (InvalidProtocolBufferException exception) {
            // not a message: keep the bytes as they are
        }
        return bytes;
    }

    private static String utf8(final ByteString bytes) {
        if (bytes.size() > 64) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(bytes.asReadOnlyByteBuffer())
                    .toString();
        } catch (CharacterCodingException exception) {
            return null;
        }
    }
}
