#!/usr/bin/env bash
# Sign-in under attack, against the packaged service (mvn -B -q package -DskipTests first; needs wrk):
# enumeration timing (unknown vs known name), then 16 wrk connections guessing one account for 20 s
# while 12 other users sign in for the first time. Prints medians and maxima; bounded, loopback only.
set -u
REPO=$(cd "$(dirname "$0")/.." && pwd)
JAR=$REPO/target/vetting-service.jar
W=$(mktemp -d); cd $W
export VETTING_SECOND_FACTOR=off VETTING_ADMIN_PASSWORD=admin-password-bench VETTING_RULES_DIR=$REPO/rules VETTING_PORT=18180 VETTING_ADMIN_PORT=18181
start() { java -jar $JAR server $REPO/config.yml > svc.log 2>&1 & PID=$!; for i in $(seq 1 90); do curl -sf localhost:18180/api/health >/dev/null && return; sleep 1; done; }
A="admin:admin-password-bench"
mk() { curl -s -o /dev/null -u $A -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"a-long-password-1\",\"roles\":[\"VETTING_OFFICER\"],\"countries\":[\"MX\"]}" localhost:18180/api/users; }
start
for i in $(seq 1 8); do mk known$i; done; mk hr.lopez; curl -s -o /dev/null -u $A -H "Content-Type: application/json" -d "{\"username\":\"aud.bench\",\"password\":\"a-long-password-1\",\"roles\":[\"AUDITOR\"],\"countries\":[\"MX\"]}" localhost:18180/api/users; for i in $(seq 1 12); do mk real$i; done
echo "enumeration (wrong password, seconds):"
for i in $(seq 1 8); do curl -s -o /dev/null -w "unknown %{http_code} %{time_total}\n" -u nobody$i:wrong-password-1 localhost:18180/api/me; curl -s -o /dev/null -w "known %{http_code} %{time_total}\n" -u known$i:wrong-password-1 localhost:18180/api/me; done > enum.txt
for k in unknown known; do grep "^$k 401" enum.txt | awk '{print $3}' | sort -n | awk -v k=$k '{a[NR]=$1} END {print k, "median", a[int((NR+1)/2)], "n", NR}'; done
kill $PID; sleep 2; start
echo "flood: wrk, 16 connections guess hr.lopez for 20 s; meanwhile 12 users sign in for the first time"
wrk -t2 -c16 -d20s -H "Authorization: Basic $(printf 'hr.lopez:wrong-guess-1' | base64)" http://127.0.0.1:18180/api/me > wrk.txt 2>&1 &
WRK=$!
sleep 3
for i in $(seq 1 12); do curl -s -o /dev/null -w "real%{http_code} %{time_total}\n" -u real$i:a-long-password-1 localhost:18180/api/me; sleep 1; done > real.txt
wait $WRK
cat wrk.txt | grep -E "Requests/sec|requests in|Non-2xx"
curl -s -u aud.bench:a-long-password-1 "localhost:18180/api/audit/sign-ins?username=hr.lopez&limit=1000" | grep -o '"outcome"' | wc -l
awk '{print $2}' real.txt | sort -n | awk '{a[NR]=$1} END {print "first sign-ins: n", NR, "median", a[int((NR+1)/2)], "max", a[NR]}'
grep -c "real200" real.txt
kill $PID
