#!/usr/bin/env bash
# `make test-matrix`: the whole suite and every algorithm end to end (`make demo`: each one
# through qgis_process on the sample territory) on each QGIS that planners run:
#   host   — this machine's QGIS (Debian 12: 3.22);
#   trixie — QGIS 3.40 LTR in a Debian 13 root;
#   sid    — QGIS 3.44 in a Debian unstable root.
# Usage: scripts/matrix.sh [host] [trixie] [sid]   (default: all three)
#        scripts/matrix.sh build trixie sid          (build the cached roots only)
#        scripts/matrix.sh exec sid make bench       (one command in a root's checkout, after set-up)
#
# Each root is built once with `debootstrap --variant=minbase` (bare: only make and CA
# certificates), cached outside the checkout in $TERRITOIRE_MATRIX_CACHE, and rebuilt when missing
# or when the bootstrap recipe below changes. Inside it the project installs what it needs exactly
# as on a fresh machine (`make test` → scripts/setup.sh: Debian packages, .venv, pip), so a
# missing install step fails here. Runs happen in a private mount namespace: /proc, /sys and /dev
# are bound for the run only and disappear with it, whatever the exit path.
# A registry that cannot be reached skips that version with a loud `SKIPPED:` line; a test or
# algorithm failure on any version fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO_ROOT=$PWD
CACHE=${TERRITOIRE_MATRIX_CACHE:-/var/cache/territoire-matrix}
MIRROR=${TERRITOIRE_MATRIX_MIRROR:-http://deb.debian.org/debian}
BOOTSTRAP_RECIPE="minbase make ca-certificates v1"
[ $# -gt 0 ] || set -- host trixie sid

say() { printf '\n=== matrix: %s\n' "$*"; }

# The checkout as git sees it (tracked and untracked-not-ignored files), and shared/ beside it.
copy_checkout() {
  local target=$1
  mkdir -p "$target/main"
  find "$target/main" -mindepth 1 -maxdepth 1 ! -name .venv -exec rm -rf {} +
  git ls-files -z -co --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$target/main"
  if [ -d ../shared ]; then
    rm -rf "$target/shared" && cp -a ../shared "$target/shared"
  fi
}

build_root() {
  local suite=$1
  local root=$CACHE/$suite
  if [ -f "$root/.territoire-root" ] && [ "$(cat "$root/.territoire-root")" = "$BOOTSTRAP_RECIPE" ]; then
    return 0
  fi
  command -v debootstrap >/dev/null || apt-get install -y -q --no-install-recommends debootstrap
  say "building the $suite root in $root (debootstrap, a few minutes, cached afterwards)"
  rm -rf "$root" "$root.partial"
  mkdir -p "$CACHE"
  if ! debootstrap --variant=minbase --include=make,ca-certificates "$suite" "$root.partial" "$MIRROR" \
      >"$CACHE/$suite.debootstrap.log" 2>&1; then
    tail -n 20 "$CACHE/$suite.debootstrap.log"
    rm -rf "$root.partial"
    return 1
  fi
  # sid's Release file can be past its Valid-Until on mirrors; the host's pip set-up and CA
  # bundle let pip reach the registry from inside the root.
  echo 'Acquire::Check-Valid-Until "false";' >"$root.partial/etc/apt/apt.conf.d/99territoire-valid-until"
  echo "$BOOTSTRAP_RECIPE" >"$root.partial/.territoire-root"
  mv "$root.partial" "$root"
}

# Host files that a root needs to reach the registries, refreshed before every run.
prepare_root() {
  local root=$1
  cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/host-ca-bundle.crt"
  cat >"$root/etc/pip.conf" <<'PIP'
[global]
cert = /etc/ssl/certs/host-ca-bundle.crt
disable-pip-version-check = true
PIP
  local index
  index=$(pip config get global.index-url 2>/dev/null || true)
  [ -z "$index" ] || printf 'index-url = %s\n' "$index" >>"$root/etc/pip.conf"
}

# Run the commands "$2" in the checkout copied into the root of suite "$1".
run_in_root() {
  local suite=$1 commands=$2
  local root=$CACHE/$suite
  # One run at a time per root (its checkout copy is shared): wait for the one before.
  exec 9>"$CACHE/$suite.lock"
  flock 9
  prepare_root "$root"
  copy_checkout "$root/work"
  # A private mount namespace: the bind mounts vanish with the namespace on any exit.
  unshare --mount --propagation private bash -euo pipefail -c '
    root=$1
    mount -t proc proc "$root/proc"
    mount --rbind /sys "$root/sys"
    mount --rbind /dev "$root/dev"
    chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      LANG=C.UTF-8 CI="${CI:-}" TERRITOIRE_MATRIX=1 /bin/bash -euo pipefail -c "
        cd /work/main
        export DEBIAN_FRONTEND=noninteractive
        # a developer machine has git (it cloned the repo): the packaging test lists files with it
        command -v git >/dev/null || { apt-get update -q && apt-get install -y -q --no-install-recommends git; } >/dev/null
        git init -q . && git add -A
        $2
      "
  ' _ "$root" "$commands"
}

if [ "$1" = build ]; then  # only build (or refresh) the roots named after it
  shift
  for suite in "$@"; do build_root "$suite"; done
  exit 0
fi
if [ "$1" = exec ]; then  # scripts/matrix.sh exec SUITE COMMAND…: one command in that root's checkout
  suite=$2
  shift 2
  build_root "$suite"
  run_in_root "$suite" "make setup && $*"
  exit
fi

status=0
declare -a summary
for version in "$@"; do
  case "$version" in
    host)
      say "host ($(dpkg-query -W -f='QGIS ${Version}' qgis 2>/dev/null || echo 'QGIS'))"
      if make test && make demo; then summary+=("host: passed"); else summary+=("host: FAILED"); status=1; fi
      ;;
    trixie|sid)
      if ! build_root "$version"; then
        echo "SKIPPED: $version — the Debian mirror could not be reached to build its root (see $CACHE/$version.debootstrap.log)"
        summary+=("$version: SKIPPED (no mirror)")
        continue
      fi
      say "$version root"
      log=$CACHE/$version.run.log
      if run_in_root "$version" "make test && make demo" 2>&1 | tee "$log"; then
        summary+=("$version: passed")
      elif grep -qE "Temporary failure resolving|Could not connect to|Network is unreachable|Failed to fetch .*(Connection|resolv)|Max retries exceeded|ProxyError|No matching distribution found" "$log" \
          && ! grep -qE "^(FAILED|ERROR) |[0-9]+ failed" "$log"; then
        echo "SKIPPED: $version — a package registry could not be reached from the root (see $log)"
        summary+=("$version: SKIPPED (registry unreachable)")
      else
        summary+=("$version: FAILED (log: $log)")
        status=1
      fi
      ;;
    *) echo "unknown version '$version' (host, trixie, sid)"; exit 2 ;;
  esac
done
say "summary"
printf '%s\n' "${summary[@]}"
exit $status
