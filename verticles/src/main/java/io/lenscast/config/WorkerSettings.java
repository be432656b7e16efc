package io.lenscast.config;

import java.util.Map;

/**
 * The {@code worker} section: consumer group, the models it can run by name, where
 * {@code image.path} jobs may read from, and the input limits a job must respect.
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
    int topK) {}
