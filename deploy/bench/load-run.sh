#!/usr/bin/env bash
# Load run on one machine: `./lenscast up` (embedded Kafka, a worker with the demo model, the
# dashboard and the aggregator) on spare ports with a throw-away data folder, then
# `./lenscast loadrun`: N jobs through Kafka and the worker, reporting jobs/s, p50/p95 end-to-end
# latency, time to first layer event, the engine time the results report, and the platform's
# overhead (latency minus engine time) as a share of the engine time.
#
# usage: deploy/bench/load-run.sh [JOBS=20] [CONCURRENCY=1] [extra bench/job options...]
# e.g.   deploy/bench/load-run.sh 50 1 --task polling --class circle --ablate none
# Ports: Kafka 39092/39093, dashboard 38080, worker HTTP 38081.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JOBS="${1:-20}"
CONCURRENCY="${2:-1}"
shift $(( $# > 2 ? 2 : $# ))
EXTRA=("$@")
if [ ${#EXTRA[@]} -eq 0 ]; then
  EXTRA=(--task describe)
fi
WORK="$(mktemp -d /tmp/lenscast-load-run.XXXXXX)"
UP_PID=""

cleanup() {
  if [ -n "$UP_PID" ]; then
    kill -TERM "$UP_PID" 2>/dev/null || true
    wait "$UP_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

export LENSCAST_KAFKA_BOOTSTRAPSERVERS=null
export LENSCAST_KAFKA_EMBEDDED_PORT=39092
export LENSCAST_KAFKA_EMBEDDED_CONTROLLERPORT=39093
export LENSCAST_KAFKA_EMBEDDED_DATADIR="$WORK/kafka"
export LENSCAST_DASHBOARD_PORT=38080
export LENSCAST_WORKER_HTTPPORT=38081

cd "$ROOT"
./lenscast up >"$WORK/up.log" 2>&1 &
UP_PID=$!
for _ in $(seq 1 600); do
  if grep -q "lenscast is up" "$WORK/up.log"; then
    break
  fi
  if ! kill -0 "$UP_PID" 2>/dev/null; then
    echo "lenscast up exited:" >&2
    cat "$WORK/up.log" >&2
    exit 1
  fi
  sleep 0.5
done
grep -q "lenscast is up" "$WORK/up.log" || { echo "lenscast up did not start" >&2; exit 1; }

echo "load run: $JOBS jobs, $CONCURRENCY in flight, options: ${EXTRA[*]}"
# one warm-up job so that class loading and the first forward do not count
./lenscast loadrun --bootstrap 127.0.0.1:39092 --jobs 1 "${EXTRA[@]}" >/dev/null
./lenscast loadrun --bootstrap 127.0.0.1:39092 --jobs "$JOBS" --concurrency "$CONCURRENCY" \
  "${EXTRA[@]}"
