package io.lenscast.launch;

import io.lenscast.config.LenscastConfig;
import io.lenscast.metrics.LenscastMetrics;

/**
 * What every role of one lenscast process shares: the validated configuration and the single
 * metrics registry. Handed to {@link RoleProvider}s when {@code up} (or a single-role command)
 * deploys them.
 */
public record PlatformContext(LenscastConfig config, LenscastMetrics metrics) {}
