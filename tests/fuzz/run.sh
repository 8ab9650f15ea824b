#!/bin/sh
# run.sh SECONDS TARGET... - run each libFuzzer target for SECONDS.
#
# Each target keeps its corpus in build/fuzz/corpus/NAME (new inputs are added
# there) and also reads the seeds in tests/fuzz/seeds; it uses the dictionary
# tests/fuzz/krant.dict. A crash, leak, sanitizer report, timeout or broken
# invariant leaves its input in build/fuzz/artifacts/ and fails the run.
# Prints the executions per target, and the running total over all runs
# (build/fuzz/totals.tsv).
set -u
secs=$1; shift
mkdir -p build/fuzz/artifacts build/fuzz/logs
totals=build/fuzz/totals.tsv
[ -f "$totals" ] || : > "$totals"
status=0
summary=""
for bin in "$@"; do
  name=$(basename "$bin")
  mkdir -p "build/fuzz/corpus/$name"
  log="build/fuzz/logs/$name.log"
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
  "$bin" -max_total_time="$secs" -dict=tests/fuzz/krant.dict -max_len=16384 -timeout=30 \
    -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="build/fuzz/artifacts/$name-" \
    "build/fuzz/corpus/$name" tests/fuzz/seeds > "$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  execs=${execs:-0}
  prev=$(awk -v n="$name" '$1 == n {print $2}' "$totals")
  total=$(( ${prev:-0} + execs ))
  awk -v n="$name" '$1 != n' "$totals" > "$totals.tmp"; printf '%s\t%s\n' "$name" "$total" >> "$totals.tmp"
  mv "$totals.tmp" "$totals"
  if [ $rc -ne 0 ]; then
    status=1
    echo "FUZZ FAIL $name (exit $rc), see $log:"
    grep -m5 -E 'ERROR|invariant|SUMMARY|runtime error|Test unit written' "$log"
    verdict=FAILED
  else
    verdict=ok
  fi
  summary="$summary$(printf '%-26s %12s execs in %ss  (%s total)  %s' "$name" "$execs" "$secs" "$total" "$verdict")
"
done
printf '\nfuzz: executions per target\n%s' "$summary"
exit $status
