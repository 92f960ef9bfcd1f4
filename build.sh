#!/usr/bin/env bash
# Bootstrap, as Cake's build.sh: build the pipeline host once (ReadyToRun, into .pipeline/host), rebuild it
# incrementally when a file it compiles or embeds is newer than the last build (restoring only when a project or lock
# file changed), then run it with the arguments: ./build.sh --target=Report
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
host_dir=".pipeline/host"
stamp="$host_dir/.built"
sources=(build stages global.json Directory.Build.props Directory.Packages.props)

# The files the host compiles or embeds (sources, project files, the report's script bundle, not only *.cs) that
# changed since the last build; a missing host or stamp is a first build.
changed_since_build() {
  find "${sources[@]}" \( -path '*/bin' -o -path '*/obj' \) -prune -o -type f -newer "$stamp" -print | sort
}

# A restore is needed only when a project's restore output is missing or lacks this machine's RID, or when a project,
# props, targets, global.json or package lock file changed; otherwise the build runs with --no-restore.
needs_restore() {
  local project
  for project in build/Engine build/Host stages/Stages; do
    grep -qF "\"net10.0/$rid\"" "$project/obj/project.assets.json" 2>/dev/null || return 0
  done
  grep -qE '(\.csproj|\.props|\.targets|packages\.lock\.json|global\.json)$' <<<"$1"
}

# "stages/Stages/Report/Figures.cs changed", or "... and 2 more files changed": the first line says what is rebuilt and why.
describe() {
  local count first
  count=$(grep -c . <<<"$1")
  first="$(head -1 <<<"$1")"
  if [[ $count -eq 1 ]]; then echo "$first changed"; else echo "$first and $((count - 1)) more files changed"; fi
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

changed=""
first_build=true
if [[ -x "$host_dir/pipeline" && -f "$stamp" ]]; then
  first_build=false
  changed="$(changed_since_build)"
fi
if [[ $first_build == true || -n "$changed" ]]; then
  SECONDS=0
  rid="$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')"
  restore=()
  if [[ $first_build == true ]]; then
    echo "Building the pipeline host (the first build: restore, Engine, Stages, Host, then the ReadyToRun publish; about a minute)..." >&2
  elif needs_restore "$changed"; then
    echo "Rebuilding the pipeline host: $(describe "$changed") (with a restore: a project or package lock file changed)..." >&2
  else
    # Incremental: MSBuild rebuilds only the projects whose inputs changed and ReadyToRun-compiles only the assemblies
    # that changed; MSBuild's nodes and the compiler server stay up between builds (the .NET CLI's defaults).
    echo "Rebuilding the pipeline host: $(describe "$changed") (incremental, no restore: the package lock files are unchanged)..." >&2
    restore=(--no-restore)
  fi
  mkdir -p "$host_dir"
  started="$host_dir/.building"
  touch "$started"
  ( while sleep 10; do printf '  still building (%d s)\n' "$SECONDS" >&2; done ) &
  ticker=$!
  trap 'kill "$ticker" 2>/dev/null' EXIT
  set +e
  dotnet publish build/Host/Host.csproj -c Release -r "$rid" --self-contained false "${restore[@]}" \
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
