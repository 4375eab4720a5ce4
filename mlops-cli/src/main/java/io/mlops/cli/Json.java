package io.mlops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;

/** Prints values as indented JSON for {@code --json}, with the shared JSON configuration of the contract. */
final class Json {
    private Json() {}

    static void print(final PrintWriter out, final Object value) {
        try {
            out.println(io.mlops.contract.Json.pretty().writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException exception) {
            throw new IllegalStateException("registry values are always writable as JSON", exception);
        }
    }
}
