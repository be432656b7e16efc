#!/usr/bin/env bash
# Local scale-out without Docker: `./lenscast up` (embedded Kafka + its worker + dashboard) plus
# extra `./lenscast worker` processes against that Kafka. For 1..MAX_WORKERS workers it publishes
# JOBS jobs (fixture images, tiny model) and reports jobs/s, measured from the moment `publish`
# starts until the dashboard (GET /api/jobs, which sees every job's status events whichever
# worker ran it) counts JOBS more jobs completed or failed. A new worker is measured only after
# it has joined the consumer group (Kafka Admin API) and a warm-up batch has run.
#
# usage: deploy/bench/scale-out.sh [JOBS=50] [MAX_WORKERS=3]
# Ports: Kafka 29092/29093, dashboard 28080 (data in a temp folder, removed at the end).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JOBS="${1:-50}"
MAX_WORKERS="${2:-3}"
KAFKA_PORT=29092
DASHBOARD_PORT=28080
DEADLINE_S="${DEADLINE_S:-900}"
WORK="$(mktemp -d /tmp/lenscast-scale-out.XXXXXX)"
PIDS=()

stop_all() {
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ -n "${KEEP_LOGS:-}" ]; then
    echo "logs kept in $WORK" >&2
  else
    rm -rf "$WORK"
  fi
}
trap stop_all EXIT

# waits for /health on $1 while process $2 lives; shows the end of its log $3 if it died
wait_healthy() {
  local port="$1" pid="$2" log="$3" deadline=$((SECONDS + 300))
  until curl -fsS "http://127.0.0.1:$port/health" > /dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the process serving port $port exited:" >&2
      tail -5 "$log" >&2
      exit 1
    fi
    if ((SECONDS > deadline)); then
      echo "no /health on port $port after 300 s" >&2
      exit 1
    fi
    sleep 1
  done
}

# jobs the dashboard has seen completed or failed
finished_jobs() {
  local state n total=0
  for state in completed failed; do
    n=$(curl -fsS "http://127.0.0.1:$DASHBOARD_PORT/api/jobs?state=$state" 2>/dev/null \
      | grep -o '"jobId"' | wc -l)
    total=$((total + n))
  done
  echo "$total"
}

# members of the worker consumer group, through the Kafka Admin API
group_members() {
  java -cp "$ROOT/verticles/target/lib/*" "$WORK/GroupMembers.java" \
    "127.0.0.1:$KAFKA_PORT" lenscast-workers 2>/dev/null || echo 0
}

wait_members() {
  local want="$1" deadline=$((SECONDS + 300))
  while (($(group_members) < want)); do
    if ((SECONDS > deadline)); then
      echo "the worker group never reached $want members" >&2
      exit 1
    fi
    sleep 1
  done
}

images_for() {
  local count="$1" i=0
  local -a fixtures list=()
  mapfile -t fixtures < <(find "$ROOT/shared/fixtures/images" -maxdepth 1 \
    \( -name '*.png' -o -name '*.jpg' \) ! -name '*decoded_by_PIL*' | sort)
  while ((i < count)); do
    list+=("${fixtures[$((i % ${#fixtures[@]}))]}")
    i=$((i + 1))
  done
  printf '%s\n' "${list[@]}"
}

# publishes $1 jobs, waits until they are finished, prints the elapsed seconds
run_batch() {
  local count="$1" before target start now deadline
  local -a batch
  before=$(finished_jobs)
  target=$((before + count))
  mapfile -t batch < <(images_for "$count")
  start=$(date +%s.%N)
  "$ROOT/lenscast" publish --bootstrap "127.0.0.1:$KAFKA_PORT" --task describe "${batch[@]}" \
    >> "$WORK/publish.log" 2>&1
  deadline=$((SECONDS + DEADLINE_S))
  while (($(finished_jobs) < target)); do
    if ((SECONDS > deadline)); then
      echo "only $(($(finished_jobs) - before))/$count jobs finished in ${DEADLINE_S}s" >&2
      exit 1
    fi
    sleep 0.2
  done
  now=$(date +%s.%N)
  awk -v a="$start" -v b="$now" 'BEGIN { printf "%.3f", b - a }'
}

cat > "$WORK/GroupMembers.java" <<'JAVA'
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/** Prints the member count of one consumer group. */
public class GroupMembers {
  public static void main(String[] args) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", args[0]))) {
      System.out.println(admin.describeConsumerGroups(List.of(args[1])).all().get()
          .get(args[1]).members().size());
    }
  }
}
JAVA

cat > "$WORK/config.json" <<JSON
{
  "kafka": { "embedded": { "port": $KAFKA_PORT, "controllerPort": $((KAFKA_PORT + 1)),
                           "dataDir": "$WORK/kafka", "partitions": 4 } },
  "dashboard": { "port": $DASHBOARD_PORT }
}
JSON

"$ROOT/lenscast" help > /dev/null 2>&1 || true   # builds once, outside the measurements
export DJL_OFFLINE=true
"$ROOT/lenscast" up --config "$WORK/config.json" > "$WORK/up.log" 2>&1 &
PIDS+=($!)
wait_healthy "$DASHBOARD_PORT" "$!" "$WORK/up.log"

echo "workers  jobs  seconds  jobs/s   (JOBS=$JOBS, $(nproc) cores, tiny-llava-a)"
for ((workers = 1; workers <= MAX_WORKERS; workers++)); do
  if ((workers > 1)); then
    LENSCAST_KAFKA_BOOTSTRAPSERVERS="127.0.0.1:$KAFKA_PORT" \
      "$ROOT/lenscast" worker > "$WORK/worker-$workers.log" 2>&1 &
    PIDS+=($!)
  fi
  wait_members "$workers"
  run_batch $((workers * 4)) > /dev/null
  seconds=$(run_batch "$JOBS")
  printf '%7d  %4d  %7.1f  %6.2f\n' "$workers" "$JOBS" "$seconds" \
    "$(awk -v j="$JOBS" -v s="$seconds" 'BEGIN { print j / s }')"
done
