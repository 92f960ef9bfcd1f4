#!/usr/bin/env bash
# Bootstrap, as Cake's build.sh: build the pipeline host once (ReadyToRun, into .pipeline/host), rebuild it
# only when a file it compiles or embeds is newer than the last build, then run it with the arguments: ./build.sh --target=Report
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
host_dir=".pipeline/host"
stamp="$host_dir/.built"
sources=(build stages global.json Directory.Build.props Directory.Packages.props)

stale() {
  [[ ! -x "$host_dir/pipeline" || ! -f "$stamp" ]] && return 0
  # Any file the host compiles or embeds (sources, project files, the report's script bundle), not only *.cs.
  [[ -n "$(find "${sources[@]}" \( -path '*/bin' -o -path '*/obj' \) -prune -o -type f -newer "$stamp" -print -quit)" ]]
}

# Each project built is a line with the count and the seconds so far; a slow step says it is still going.
progress() {
  local built=0 line
  while IFS= read -r line; do
    case "$line" in
      *" -> "*)
        built=$((built + 1)); name="${line%% -> *}"; name="${name#"${name%%[![:space:]]*}"}"
        [[ $built -eq 4 ]] && what="published (ReadyToRun)" || what="built"
        printf '  %s %s (%d of 4 steps, %d s)\n' "$name" "$what" "$built" "$SECONDS" >&2 ;;
      *": error "*|*": warning "*) printf '%s\n' "$line" >&2 ;;
    esac
  done
}

if stale; then
  SECONDS=0
  echo "Building the pipeline host (Engine, Stages, Host, then the ReadyToRun publish; about a minute the first time)..." >&2
  rid="$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')"
  mkdir -p "$host_dir"
  started="$host_dir/.building"
  touch "$started"
  ( while sleep 10; do printf '  still building (%d s)\n' "$SECONDS" >&2; done ) &
  ticker=$!
  trap 'kill "$ticker" 2>/dev/null' EXIT
  set +e
  dotnet publish build/Host/Host.csproj -c Release -r "$rid" --self-contained false \
      -p:PublishReadyToRun=true -o "$host_dir" --nologo -v minimal -clp:NoSummary 2>&1 | progress
  status=${PIPESTATUS[0]}
  set -e
  kill "$ticker" 2>/dev/null || true
  trap - EXIT
  if [[ $status -ne 0 ]]; then
    echo "error: the pipeline host did not build (see above)" >&2
    exit 2
  fi
  echo "Built the pipeline host in $SECONDS s" >&2
  # The stamp takes the time the build started, so an edit made during the build still triggers the next one.
  mv "$started" "$stamp"
fi
exec "$host_dir/pipeline" "$@"
