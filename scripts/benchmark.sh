#!/usr/bin/env bash
# The load benchmark of issue 3: the real bot and a baseline on the library's default consumer, against
# an in-process fake Telegram (delay per call, 30 messages/s enforced with 429) — see docs/BENCHMARKS.md —
# and the 429 storm of issue 12: Telegram allows 3 messages/s for 60 s while 100 chats wait for an answer.
#   scripts/benchmark.sh                 all: 1000 chats, 100 ms per Telegram call; the storm with 100 chats
#   BENCH_CHATS=300 BENCH_DELAY=50 scripts/benchmark.sh
#   BENCH_ONLY=limited|raw|storm scripts/benchmark.sh      one scenario (BENCH_STORM_CHATS=100 for the storm)
# The booking benchmark of issue 12 is a mode of its own: customers book at once against a YCLIENTS that enforces
# 5 requests a second and 200 a minute with 429s (the chat layer run directly, no Telegram):
#   scripts/benchmark.sh booking         100 customers, 8 workers, YCLIENTS answering in 100 ms
#   BENCH_CUSTOMERS=50 BENCH_WORKERS=100 BENCH_LATENCY=300 scripts/benchmark.sh booking
# The reminders benchmark of issue 11: N visits booked in the chat, all reminded at the same minute, against the fake
# Telegram (100 ms a call, 30/s with 429s) and the fake YCLIENTS (5/s, 200/min with 429s) reading each visit back:
#   scripts/benchmark.sh reminders       (or BENCH_ONLY=reminders; not in the full run) 300 visits, about 15 minutes;
#   BENCH_REMINDER_VISITS=100 BENCH_REMINDER_CANCELLED=10 scripts/benchmark.sh reminders   (10 cancelled by the salon)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
if [ "${1:-}" = "booking" ]; then
  exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    -Dorg.jboss.logging.provider=slf4j -Dsun.net.httpserver.nodelay=true -Dlogback.configurationFile=logback-bench.xml \
    -Dbench.customers="${BENCH_CUSTOMERS:-100}" -Dbench.workers="${BENCH_WORKERS:-8}" \
    -Dbench.latency="${BENCH_LATENCY:-100}" -Dbench.think="${BENCH_THINK:-0}" -Dbench.retry="${BENCH_RETRY:-3000}" \
    io.github.yclientsbot.bench.BookingBench
fi
if [ "${1:-}" = "reminders" ]; then
  BENCH_ONLY=reminders
fi
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  -Dbench.reminder.visits="${BENCH_REMINDER_VISITS:-300}" -Dbench.reminder.cancelled="${BENCH_REMINDER_CANCELLED:-0}" \
  -Dbench.latency="${BENCH_LATENCY:-100}" \
  -Dbench.chats="${BENCH_CHATS:-1000}" -Dbench.delay="${BENCH_DELAY:-100}" \
  -Dbench.only="${BENCH_ONLY:-}" -Dbench.storm.chats="${BENCH_STORM_CHATS:-100}" ${BENCH_JVM:+-Dbench.jvm="$BENCH_JVM"} \
  io.github.yclientsbot.bench.Benchmark
