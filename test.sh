#!/usr/bin/env bash
# Runs the whole test suite and ends with "N passed, N failed, N skipped". Extra arguments go to dotnet test
# (e.g. ./test.sh --filter "FullyQualifiedName~Engine"). Every 30 s it says how far it is: the test project
# running, the tests passed, failed and skipped so far, and the time.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# In CI a missing snapshot is a failure, not a new snapshot (Snapshooter's strict mode).
if [[ "${CI:-}" == "true" ]]; then
  export SNAPSHOOTER_STRICT_MODE=true
fi
if ! dotnet tool restore >/dev/null; then
  echo "error: 'dotnet tool restore' failed (PowerShell is needed for the build.ps1 test)" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 2
fi
# The Slurm sweep tests need a cluster: with none configured (SLURM_CONF), root on a machine with Slurm installed starts
# the one-node one of tools/slurm/start.sh on 127.0.0.1, and stops it when the tests end.
slurm_dir=""
if [[ -z "${SLURM_CONF:-}" && $(id -u) -eq 0 ]] && command -v slurmctld >/dev/null; then
  if line="$(tools/slurm/start.sh)"; then
    export SLURM_CONF="${line#export SLURM_CONF=}"
    slurm_dir="$(dirname "$SLURM_CONF")"
    echo "A one-node Slurm cluster is running for the sweep tests (SLURM_CONF=$SLURM_CONF)"
  else
    echo "warning: the one-node Slurm cluster did not start; the Slurm sweep tests will fail" >&2
  fi
fi
log="$(mktemp)"
SECONDS=0
count() { grep -cE "^\s+$1 " "$log"; }
( while sleep 30; do
    project="$(grep -oE '\[xUnit.net [0-9:.]+\] +(Starting|Finished): +[A-Za-z.]+' "$log" | tail -1 | awk '{ print $NF }')"
    printf '  ... %s: %d passed, %d failed, %d skipped so far (%d s)\n' "${project:-building}" \
      "$(count Passed)" "$(count Failed)" "$(count Skipped)" "$SECONDS"
  done ) &
ticker=$!
trap 'kill "$ticker" 2>/dev/null; [[ -n "$slurm_dir" ]] && tools/slurm/stop.sh "$slurm_dir"' EXIT
# Each test's own line goes to the log (for the counts above); the terminal gets failures, skips and the summaries.
dotnet test Pipeline.slnx -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" | grep -vE '^\s+Passed [A-Za-z]'
status=${PIPESTATUS[0]}
kill "$ticker" 2>/dev/null
total() { grep -oE "$1: +[0-9]+" "$log" | awk '{ s += $2 } END { print s + 0 }'; }
passed=$(total Passed)
failed=$(total Failed)
skipped=$(total Skipped)
rm -f "$log"
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  failed=1 # the build or the test host failed before any test could report
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
