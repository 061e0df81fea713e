#!/usr/bin/env bash
# Throughput of the packaged service on loopback (docs/performance.md): starts
# target/vetting-service.jar on a fresh database, times start-up to a healthy /api/health, creates
# a vetting officer, then runs wrk (Debian package) for submissions, dry runs and reads, each after
# a warm-up (a minute for submissions: WARMUP seconds), stops the service, times a start-up on the now existing database, and verifies the
# audit chain offline.
#
#   src/test/wrk/throughput.sh [h2 | jdbc:postgresql://… | jdbc:h2:/path/…] [seconds per run, default 30]
#
# h2 is a fresh file with the service's default settings. For PostgreSQL give the URL of an empty
# database, or of one seeded before (VETTING_DB_USER defaults to postgres); an H2 URL names a file
# seeded before with PolicyChangeBenchmark (user sa), to see how cost grows with stored rows.
# Bounded: every wrk run has a fixed duration; the service is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/../../.."
DB=${1:-h2}
SECONDS_PER_RUN=${2:-30}
JAR=target/vetting-service.jar
[ -f "$JAR" ] || { echo "build the jar first: mvn -B -q package -DskipTests" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/vetting-throughput.XXXXXX)
export VETTING_ADMIN_PASSWORD="bench-admin-$RANDOM$RANDOM"
# wrk speaks HTTP Basic, which people may use only with second factors off (a session costs the same
# per request: one indexed read where Basic reads the user)
export VETTING_SECOND_FACTOR=off
export VETTING_PORT=${VETTING_PORT:-18080}
export VETTING_ADMIN_PORT=${VETTING_ADMIN_PORT:-18081}
if [ "$DB" = h2 ]; then
  export VETTING_DB_URL="jdbc:h2:$WORK/vetting;LOCK_TIMEOUT=10000;WRITE_DELAY=0${H2_OPTIONS:-}"
elif [[ "$DB" == jdbc:h2:* ]]; then
  # an H2 file seeded before (PolicyChangeBenchmark … seed-only creates it as user sa)
  export VETTING_DB_URL="$DB"
  export VETTING_DB_USER=${VETTING_DB_USER:-sa}
else
  export VETTING_DB_URL="$DB"
  export VETTING_DB_USER=${VETTING_DB_USER:-postgres}
fi
BASE="http://127.0.0.1:$VETTING_PORT"
PID=
stop() { [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true; PID=; }
trap 'stop' EXIT

start() {
  local t0 t1
  t0=$(date +%s.%N)
  # the class archive the build writes beside the jar, as the README's start command uses it
  java -XX:SharedArchiveFile=target/vetting-service.jsa ${JAVA_OPTS:-} -jar "$JAR" server config.yml > "$WORK/service-$1.log" 2>&1 &
  PID=$!
  until curl -fsS "$BASE/api/health" >/dev/null 2>&1; do
    kill -0 "$PID" 2>/dev/null || { tail -20 "$WORK/service-$1.log" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s.%N)
  printf 'start-up to healthy (%s start on this database): %.1f s\n' "$1" "$(echo "$t1 - $t0" | bc)"
}

start first
ADMIN=$(printf 'admin:%s' "$VETTING_ADMIN_PASSWORD" | base64 -w0)
curl -sS -o /dev/null -X POST "$BASE/api/users" -H "Authorization: Basic $ADMIN" -H 'Content-Type: application/json' \
  -d '{"username":"hr.bench","password":"bench-password-1","roles":["VETTING_OFFICER"],"countries":["MX","US"]}'
export AUTH
AUTH=$(printf 'hr.bench:bench-password-1' | base64 -w0)

run() { # name, seconds, wrk arguments…
  local name=$1 seconds=$2 logged; shift 2
  echo "== $name ($seconds s, 8 connections)"
  logged=$(wc -l < "$WORK/service-first.log")
  wrk -t2 -c8 -d"${seconds}s" --latency "$@" | grep -E 'Requests/sec|Latency  |^ +50%|^ +99%|Non-2xx|Socket errors'
  # wrk corrects its latencies for coordinated omission (one stall of every connection adds samples
  # all along it); the service's own times, from its request log (the last field, in ms), show
  # whether a tail is the service's stalls or its steady spread
  tail -n +"$((logged + 1))" "$WORK/service-first.log" | grep -F "\"${name//\{id\}/${ID:-}} HTTP/1.1\"" | awk '{print $NF}' | sort -n \
    | awk '{t[NR] = $1} END {if (NR) printf "    service (request log): p50 %d ms, p99 %d ms, max %d ms, %d requests\n",
        t[int(NR * .5) + 1], t[int(NR * .99) + 1], t[NR], NR}' || true
}
# warm-up: the JIT compilers keep a core busy for the first minute of load (Drools' generated
# classes, Jersey, H2); shorter warm-ups measure the compiler, not the service
wrk -t2 -c8 -d"${WARMUP:-60}s" -s src/test/wrk/submit.lua "$BASE" >/dev/null
run "POST /api/candidates" "$SECONDS_PER_RUN" -s src/test/wrk/submit.lua "$BASE"
wrk -t2 -c8 -d10s -s src/test/wrk/dry-run.lua "$BASE" >/dev/null   # warm-up
run "POST /api/evaluations/dry-run" "$SECONDS_PER_RUN" -s src/test/wrk/dry-run.lua "$BASE"
ID=$(curl -fsS -X POST "$BASE/api/candidates" -H "Authorization: Basic $AUTH" -H 'Content-Type: application/json' \
  -d '{"officerId":"MX-READ-1","givenName":"Ana","familyName":"Ruiz","dateOfBirth":"1988-02-11","country":"MX","agency":"Guardia Nacional","serviceStartDate":"2012-06-01","targetUnit":"JU-FENTANYL"}' \
  | sed -E 's/.*"evaluationId":"([^"]+)".*/\1/; s/^\{"id":"([^"]+)".*/\1/')
run "GET /api/evaluations/{id}" "$SECONDS_PER_RUN" -H "Authorization: Basic $AUTH" "$BASE/api/evaluations/$ID"
echo "== memory after the runs"
jcmd "$PID" GC.run >/dev/null && jcmd "$PID" GC.heap_info | grep -E 'garbage-first heap|used' | head -1 | sed 's/^ */heap after a full GC: /'
grep VmRSS /proc/"$PID"/status | sed 's/VmRSS:\s*/resident set size: /'
stop
start second
stop
echo "== audit chain"
java -jar "$JAR" verify-audit config.yml 2>&1 | tail -3
[ "$DB" = h2 ] && du -sh "$WORK"
rm -rf "$WORK"
