#!/usr/bin/env bash
# Starts a one-node Slurm cluster on this machine (127.0.0.1, its own ports, state in a temp folder), as the sweep
# tests use it: munged, slurmctld and slurmd, as root. Needs Debian's slurm-wlm and munge (apt-get install slurm-wlm munge).
# Prints the line to paste (export SLURM_CONF=...); tools/slurm/stop.sh DIR stops it.
#   eval "$(tools/slurm/start.sh)"
set -euo pipefail
for tool in munged slurmctld slurmd sinfo; do
  command -v "$tool" >/dev/null || { echo "error: $tool is not installed (apt-get install slurm-wlm munge)" >&2; exit 2; }
done
dir="$(mktemp -d /tmp/pipeline-slurm.XXXXXX)"
chmod 755 "$dir"
host="$(hostname)"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# munge: a key, its run folder, the daemon as the munge user (once per machine; an existing one is kept).
if ! pgrep -x munged >/dev/null; then
  if [[ ! -s /etc/munge/munge.key ]]; then
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  fi
  chown munge:munge /etc/munge/munge.key && chmod 0400 /etc/munge/munge.key
  mkdir -p /run/munge && chown munge:munge /run/munge
  runuser -u munge -- /usr/sbin/munged
fi

mkdir -p "$dir/state" "$dir/spool"
cat >"$dir/slurm.conf" <<CONF
ClusterName=pipeline
SlurmctldHost=$host
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
AuthType=auth/munge
SlurmUser=root
SlurmdUser=root
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
MinJobAge=600
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=8000 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$dir/slurm.conf"
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
# The node is up when sinfo shows it idle (about 4 s); a 2-minute hang guard.
for _ in $(seq 1 240); do
  if [[ "$(sinfo -h -o '%T' 2>/dev/null)" == idle* ]]; then
    echo "export SLURM_CONF=$SLURM_CONF"
    exit 0
  fi
  sleep 0.5
done
echo "error: the one-node Slurm cluster did not come up; see $dir/slurmctld.log and $dir/slurmd.log" >&2
exit 1
