package io.mlops.engine.registry;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a model's audit log: an alias was set or moved.
 *
 * @param seq    the sequence number in the model's log, 1, 2, 3 ...
 * @param at     when, ISO-8601 UTC
 * @param by     who
 * @param alias  the alias
 * @param from   the version it pointed to before, or {@code null} if it was new
 * @param to     the version it points to now
 * @param reason why
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AliasMove(long seq, String at, String by, String alias, Integer from, int to, String reason) {}
