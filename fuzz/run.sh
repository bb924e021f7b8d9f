#!/bin/sh
# Run one fuzz target, niced, in one process, for SECONDS:
#   fuzz/run.sh yaml_case|markdown|pipeline SECONDS [libFuzzer options…]
# Seeds the corpus first (fuzz/seed.sh). Crashes go to fuzz/artifacts/<target>/, the
# libFuzzer log to fuzz/logs/<target>-<UTC time>.log.
# Known findings can be skipped so a run goes on past them, e.g.
#   CERTDOC_FUZZ_IGNORE=slow fuzz/run.sh pipeline 600
set -eu
FLAGS="--sanitizer none --debug-assertions --codegen-units 4 --strip-dead-code=true"
fuzz=$(cd "$(dirname "$0")" && pwd)
target=$1
secs=$2
shift 2
case $target in
    yaml_case) max=16384; dict="-dict=$fuzz/dicts/yaml_case.dict" ;;
    markdown) max=4096; dict="-dict=$fuzz/dicts/markdown.dict" ;;
    pipeline) max=4096; dict="" ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
esac
"$fuzz/seed.sh" >/dev/null
mkdir -p "$fuzz/logs" "$fuzz/artifacts/$target"
log="$fuzz/logs/$target-$(date -u +%Y%m%dT%H%M%S).log"
cd "$fuzz/.."
# `--sanitizer none` works on the stable toolchain. Debug assertions on (overflow checks, as
# in `cargo test`); 4 codegen units and line tables only keep the first build bearable on a
# small machine. The same flags must be given to `cargo fuzz tmin`, or it rebuilds.
export RUSTFLAGS="${RUSTFLAGS:--Cdebuginfo=line-tables-only}"
nice -n 19 cargo fuzz run $FLAGS "$target" "$fuzz/corpus/$target" -- \
    -max_len=$max -timeout=10 -rss_limit_mb=2048 -max_total_time="$secs" \
    -print_final_stats=1 $dict "$@" 2>&1 | tee "$log"
