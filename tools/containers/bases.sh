#!/usr/bin/env bash
# Builds the local base images the container test builds the Dockerfile on, each only when podman does not have it
# yet, and prints the build arguments that select them. No registry is reachable on the test machines, so the
# official mcr.microsoft.com images are stood in for by Debian bookworm (debootstrap from Debian's packages) with the
# machine's own .NET SDK copied in, and a runtime image with only the .NET runtime. Needs root, podman, buildah and
# debootstrap (apt). About 4 minutes the first time, under a second when all three exist.
#   tools/containers/bases.sh   ->   SDK_IMAGE=localhost/pipeline-sdk:10.0 RUNTIME_IMAGE=localhost/pipeline-runtime:10.0
set -euo pipefail

debian=localhost/pipeline-debian:bookworm
sdk=localhost/pipeline-sdk:10.0
runtime=localhost/pipeline-runtime:10.0
dotnet_root="${DOTNET_ROOT:-/usr/share/dotnet}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
# What a .NET app needs from the system besides glibc: the trust store, ICU and OpenSSL (as Microsoft's images have).
packages=(ca-certificates libicu72 libssl3 tzdata)

has() { podman image exists "$1"; }
say() { echo "bases: $*" >&2; }

if ! has "$debian"; then
  say "making $debian with debootstrap (about 3 minutes)"
  root="$(mktemp -d /var/tmp/pipeline-debian.XXXXXX)"
  trap 'rm -rf "$root"' EXIT
  debootstrap --variant=minbase bookworm "$root" "$mirror" >/dev/null
  # The root file system as an image, then the apt packages a run needs installed in it.
  tar -C "$root" -c . | podman import --quiet - "$debian-minbase" >/dev/null
  container="$(buildah from --pull=never "$debian-minbase")"
  buildah run --isolation chroot "$container" -- sh -c \
    "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${packages[*]} >/dev/null && apt-get clean && rm -rf /var/lib/apt/lists/*"
  buildah commit --quiet --rm "$container" "$debian" >/dev/null
  podman rmi "$debian-minbase" >/dev/null
  rm -rf "$root"
  trap - EXIT
fi

if ! has "$sdk"; then
  say "making $sdk from $debian and $dotnet_root"
  container="$(buildah from --pull=never "$debian")"
  buildah copy --quiet "$container" "$dotnet_root" /usr/share/dotnet >/dev/null
  buildah run --isolation chroot "$container" -- ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
  buildah config --env DOTNET_ROOT=/usr/share/dotnet --env DOTNET_NOLOGO=1 "$container"
  buildah commit --quiet --rm "$container" "$sdk" >/dev/null
fi

if ! has "$runtime"; then
  # The runtime the host targets, as mcr.microsoft.com/dotnet/runtime has it: the muxer, the host resolver and
  # Microsoft.NETCore.App; no SDK, no ASP.NET Core.
  version="$(ls "$dotnet_root/shared/Microsoft.NETCore.App" | sort -V | tail -1)"
  say "making $runtime (Microsoft.NETCore.App $version)"
  container="$(buildah from --pull=never "$debian")"
  buildah run --isolation chroot "$container" -- mkdir -p /usr/share/dotnet/shared/Microsoft.NETCore.App
  for item in dotnet LICENSE.txt ThirdPartyNotices.txt host; do
    [[ -e "$dotnet_root/$item" ]] && buildah copy --quiet "$container" "$dotnet_root/$item" "/usr/share/dotnet/$item" >/dev/null
  done
  buildah copy --quiet "$container" "$dotnet_root/shared/Microsoft.NETCore.App/$version" \
    "/usr/share/dotnet/shared/Microsoft.NETCore.App/$version" >/dev/null
  buildah run --isolation chroot "$container" -- ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
  buildah config --env DOTNET_ROOT=/usr/share/dotnet "$container"
  buildah commit --quiet --rm "$container" "$runtime" >/dev/null
fi

echo "SDK_IMAGE=$sdk RUNTIME_IMAGE=$runtime"
