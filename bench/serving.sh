#!/usr/bin/env bash
# Load-test benchmark of the prediction service (mlops-serving) against a constant-response Jetty
# server on the same stack, measured in the same run. See docs/serving-benchmark.md.
#
# Usage: bench/serving.sh [--runs N] [--duration S] [--warmup S] [--threads T] [--connections C]
#                         [--half S] [--out report.md]
# Set SKIP_BUILD=1 to reuse the classes of an earlier build.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v wrk >/dev/null || (apt-get update && apt-get install -y wrk)

if [ "${SKIP_BUILD:-}" != 1 ]; then
  # one reactor session, so that mlops-engine resolves to its fresh target/classes
  ./mvnw -q -B -pl mlops-serving -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
fi

cp="mlops-serving/target/test-classes:mlops-serving/target/classes:mlops-engine/target/classes:$(cat mlops-serving/target/bench.classpath)"
echo "[bench] load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# each server runs in its own JVM with the service's options (ServerRuntime.JVM_OPTIONS); BENCH_JVM_OPTS,
# read by the benchmark, adds options to the servers, e.g. a flight recording
exec java -cp "$cp" io.mlops.serving.bench.ServingBenchmark "$@"
