package io.lenscast.config;

import java.util.Map;

/**
 * The {@code worker} section: consumer group, the models it can run by name, where
 * {@code image.path} jobs may read from, the input limits a job must respect, and the port
 * of the worker role's own {@code /health} and {@code /metrics} endpoint.
 */
public record WorkerSettings(
    int instances,
    String groupId,
    Map<String, String> models,
    String defaultModel,
    String device,
    String allowedImageDir,
    long maxImagePixels,
    long maxImageBytes,
    int maxPromptTokens,
    int topK,
    int httpPort) {}
