package io.lenscast.launch;

import io.lenscast.config.LenscastConfig;
import io.lenscast.metrics.LenscastMetrics;
import io.lenscast.worker.JobProcessorFactory;

/**
 * What every role of one lenscast process shares: the validated configuration, the single
 * metrics registry, the bootstrap address in use and how models are opened.
 */
public record PlatformContext(LenscastConfig config, LenscastMetrics metrics,
    String bootstrapServers, JobProcessorFactory processors) {}
