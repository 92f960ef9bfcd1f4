#!/usr/bin/env bash
# Bootstrap, as Cake's build.sh: build the pipeline host once (ReadyToRun, into .pipeline/host), rebuild it
# only when a source file is newer than the last build, then run it with the arguments: ./build.sh --target=Report
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
host_dir=".pipeline/host"
stamp="$host_dir/.built"
sources=(build stages global.json Directory.Build.props Directory.Packages.props)

stale() {
  [[ ! -x "$host_dir/pipeline" || ! -f "$stamp" ]] && return 0
  [[ -n "$(find "${sources[@]}" \( -path '*/bin' -o -path '*/obj' \) -prune -o -type f -newer "$stamp" \
      \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.json' \) -print -quit)" ]]
}

if stale; then
  echo "Building the pipeline host..." >&2
  rid="$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')"
  mkdir -p "$host_dir"
  started="$host_dir/.building"
  touch "$started"
  if ! dotnet publish build/Host/Host.csproj -c Release -r "$rid" --self-contained false \
      -p:PublishReadyToRun=true -o "$host_dir" --nologo -v quiet -clp:ErrorsOnly >&2; then
    echo "error: the pipeline host did not build (see above)" >&2
    exit 2
  fi
  # The stamp takes the time the build started, so an edit made during the build still triggers the next one.
  mv "$started" "$stamp"
fi
exec "$host_dir/pipeline" "$@"
