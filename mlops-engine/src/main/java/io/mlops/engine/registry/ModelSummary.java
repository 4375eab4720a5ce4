package io.mlops.engine.registry;

import java.util.Map;

/**
 * One registered model at a glance.
 *
 * @param name    the name
 * @param latest  the newest version number
 * @param aliases alias to version
 */
public record ModelSummary(String name, int latest, Map<String, Integer> aliases) {}
