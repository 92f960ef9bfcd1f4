#!/usr/bin/env bash
# Stops the one-node cluster tools/slurm/start.sh started: give its folder (the one $SLURM_CONF is in).
set -uo pipefail
dir="${1:-$(dirname "${SLURM_CONF:?give the cluster folder, or set SLURM_CONF}")}"
for daemon in slurmd slurmctld; do
  [[ -f "$dir/$daemon.pid" ]] && kill "$(cat "$dir/$daemon.pid")" 2>/dev/null
done
rm -rf "$dir"
