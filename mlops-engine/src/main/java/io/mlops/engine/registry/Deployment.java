package io.mlops.engine.registry;

import java.util.List;

/**
 * A deployment of a model version, as recorded in the registry: the answer to "what is in production".
 *
 * @param target   where to, e.g. {@code service http://127.0.0.1:8080} or {@code directory /srv/receipts}
 * @param location the release folder or service URL
 * @param version  the version deployed
 * @param status   {@code DEPLOYED}, or {@code ROLLED_BACK} when its checks failed
 * @param by       who deployed it
 * @param at       when, ISO-8601 UTC
 * @param reasons  why it was rolled back; empty when deployed
 */
public record Deployment(
        String target, String location, int version, String status, String by, String at, List<String> reasons) {
    /**
     * Creates a record.
     */
    public Deployment {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
