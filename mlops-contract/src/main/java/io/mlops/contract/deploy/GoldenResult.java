package io.mlops.contract.deploy;

import java.util.List;

/**
 * The result of the integration check with golden requests.
 *
 * @param total    golden requests sent
 * @param passed   answered 200 with the expected label
 * @param failures one line per failed request
 */
public record GoldenResult(int total, int passed, List<String> failures) {
    /**
     * Creates a result.
     */
    public GoldenResult {
        failures = List.copyOf(failures);
    }

    /** @return whether every golden request passed */
    public boolean ok() {
        return failures.isEmpty() && total > 0;
    }
}
