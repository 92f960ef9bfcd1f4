#!/usr/bin/env bash
# Runs the whole test suite and ends with "N passed, N failed". Extra arguments go to dotnet test
# (e.g. ./test.sh --filter "FullyQualifiedName~Engine").
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# In CI a missing snapshot is a failure, not a new snapshot (Snapshooter's strict mode).
if [[ "${CI:-}" == "true" ]]; then
  export SNAPSHOOTER_STRICT_MODE=true
fi
if ! dotnet tool restore >/dev/null; then
  echo "error: 'dotnet tool restore' failed (PowerShell is needed for the build.ps1 test)" >&2
  echo "0 passed, 1 failed"
  exit 2
fi
log="$(mktemp)"
dotnet test Pipeline.slnx -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
rm -f "$log"
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  failed=1 # the build or the test host failed before any test could report
fi
echo "$passed passed, $failed failed"
exit "$status"
