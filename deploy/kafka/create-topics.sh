#!/bin/bash
# One-shot topic creation for deploy/compose.yaml (runs in the apache/kafka image, then exits 0).
# Idempotent: existing topics are left alone. Each line: topic, partitions, topic configs.
# jobs: partitions cap the number of busy workers (one job at a time per worker), so keep it
#       >= the largest `--scale worker=N`; 32 MiB messages allow base64 images up to 20 MiB.
# results, aggregates: compacted, one record per key forever (the durable outcome of each job).
# layers/ablations/knockouts/status: the streamed detail, kept 7 days (layers 3: they are big).
set -euo pipefail
BOOTSTRAP="${BOOTSTRAP:-kafka:19092}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"
WEEK=604800000

create() {
  local topic="$1" partitions="$2" configs="$3"
  "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor 1 \
    $(printf -- '--config %s ' ${configs//,/ })
}

create lenscast.jobs.v1        8 "cleanup.policy=delete,retention.ms=$WEEK,max.message.bytes=33554432"
create lenscast.layers.v1      8 "cleanup.policy=delete,retention.ms=259200000,compression.type=zstd"
create lenscast.ablations.v1   8 "cleanup.policy=delete,retention.ms=$WEEK"
create lenscast.knockouts.v1   8 "cleanup.policy=delete,retention.ms=$WEEK"
create lenscast.results.v1     8 "cleanup.policy=compact,min.compaction.lag.ms=3600000"
create lenscast.status.v1      8 "cleanup.policy=delete,retention.ms=$WEEK"
create lenscast.aggregates.v1  1 "cleanup.policy=compact"
create lenscast.jobs.v1.dlq    1 "cleanup.policy=delete,retention.ms=2592000000,max.message.bytes=33554432"

"$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --describe --topic 'lenscast\..*' \
  | grep -E '^Topic:' || true
