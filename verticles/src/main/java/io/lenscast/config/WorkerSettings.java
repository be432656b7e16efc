package io.lenscast.config;

import java.util.Map;

/**
 * The {@code worker} section: consumer group, where a stand-alone worker serves
 * {@code /health} and {@code /metrics} ({@code httpHost}:{@code httpPort}), the models it can
 * run by name, where {@code image.path} jobs may read from, and the input limits of a job.
 */
public record WorkerSettings(
    int instances,
    String groupId,
    String httpHost,
    int httpPort,
    Map<String, String> models,
    String defaultModel,
    String device,
    String allowedImageDir,
    long maxImagePixels,
    long maxImageBytes,
    int maxPromptTokens,
    int topK) {}
