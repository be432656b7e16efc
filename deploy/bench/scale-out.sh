#!/usr/bin/env bash
# Local scale-out without Docker: `./lenscast up` (embedded Kafka + its worker + dashboard) plus
# extra `./lenscast worker` processes against that Kafka. For 1..MAX_WORKERS workers it publishes
# JOBS jobs (fixture images, tiny model) and reports jobs/s, measured from the moment `publish`
# starts until the sum of lenscast_jobs_completed_total + lenscast_jobs_failed_total over every
# process has grown by JOBS. Each measurement follows a warm-up batch so that every worker has
# joined the group and loaded the model.
#
# usage: deploy/bench/scale-out.sh [JOBS=50] [MAX_WORKERS=3]
# Ports: Kafka 29092/29093, dashboard 28080, extra workers 28082.. (data in a temp folder).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JOBS="${1:-50}"
MAX_WORKERS="${2:-3}"
KAFKA_PORT=29092
DASHBOARD_PORT=28080
FIRST_WORKER_PORT=28082
DEADLINE_S="${DEADLINE_S:-900}"
WORK="$(mktemp -d /tmp/lenscast-scale-out.XXXXXX)"
PIDS=()
METRICS_PORTS=("$DASHBOARD_PORT")

stop_all() {
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap stop_all EXIT

wait_healthy() {
  local port="$1" until=$((SECONDS + 300))
  until curl -fsS "http://127.0.0.1:$port/health" > /dev/null 2>&1; do
    if ((SECONDS > until)); then
      echo "no /health on port $port after 300 s; logs in $WORK" >&2
      exit 1
    fi
    sleep 1
  done
}

# completed + failed jobs over every process (one metrics endpoint per process)
finished_jobs() {
  local total=0 port n
  for port in "${METRICS_PORTS[@]}"; do
    n=$(curl -fsS "http://127.0.0.1:$port/metrics" 2>/dev/null \
      | awk '/^lenscast_jobs_(completed|failed)_total/ { s += $NF } END { printf "%d", s }')
    total=$((total + ${n:-0}))
  done
  echo "$total"
}

images_for() {
  local count="$1" i=0 list=()
  mapfile -t fixtures < <(find "$ROOT/shared/fixtures/images" -maxdepth 1 \
    \( -name '*.png' -o -name '*.jpg' \) ! -name '*decoded_by_PIL*' | sort)
  while ((i < count)); do
    list+=("${fixtures[$((i % ${#fixtures[@]}))]}")
    i=$((i + 1))
  done
  printf '%s\n' "${list[@]}"
}

# publishes $1 jobs and waits until they are finished; prints elapsed seconds
run_batch() {
  local count="$1" before target start now
  before=$(finished_jobs)
  target=$((before + count))
  start=$(date +%s.%N)
  mapfile -t batch < <(images_for "$count")
  "$ROOT/lenscast" publish --bootstrap "127.0.0.1:$KAFKA_PORT" --task describe "${batch[@]}" \
    > "$WORK/publish.log" 2>&1
  local until=$((SECONDS + DEADLINE_S))
  while (($(finished_jobs) < target)); do
    if ((SECONDS > until)); then
      echo "only $(($(finished_jobs) - before))/$count jobs finished in ${DEADLINE_S}s" >&2
      exit 1
    fi
    sleep 0.2
  done
  now=$(date +%s.%N)
  awk -v a="$start" -v b="$now" 'BEGIN { printf "%.3f", b - a }'
}

cat > "$WORK/config.json" <<EOF
{
  "kafka": { "embedded": { "port": $KAFKA_PORT, "controllerPort": $((KAFKA_PORT + 1)),
                           "dataDir": "$WORK/kafka", "partitions": 4 } },
  "dashboard": { "port": $DASHBOARD_PORT }
}
EOF

"$ROOT/lenscast" help > /dev/null 2>&1 || true   # builds once, outside the measurements
"$ROOT/lenscast" up --config "$WORK/config.json" > "$WORK/up.log" 2>&1 &
PIDS+=($!)
wait_healthy "$DASHBOARD_PORT"

echo "workers  jobs  seconds  jobs/s   (JOBS=$JOBS, $(nproc) cores, tiny-llava-a)"
for ((workers = 1; workers <= MAX_WORKERS; workers++)); do
  if ((workers > 1)); then
    port=$((FIRST_WORKER_PORT + workers - 2))
    LENSCAST_KAFKA_BOOTSTRAPSERVERS="127.0.0.1:$KAFKA_PORT" LENSCAST_WORKER_HTTPPORT="$port" \
      "$ROOT/lenscast" worker > "$WORK/worker-$workers.log" 2>&1 &
    PIDS+=($!)
    METRICS_PORTS+=("$port")
    wait_healthy "$port"
  fi
  run_batch $((workers * 4)) > /dev/null
  seconds=$(run_batch "$JOBS")
  printf '%7d  %4d  %7.1f  %6.2f\n' "$workers" "$JOBS" "$seconds" "$(awk -v j="$JOBS" -v s="$seconds" 'BEGIN { print j / s }')"
done
