package io.lenscast.config;

/** The {@code aggregator} section: its consumer group and how often it publishes aggregates. */
public record AggregatorSettings(String groupId, long publishIntervalMs) {}
