#!/usr/bin/env bash
# Install the Debian packages QualCode needs: Qt's runtime libraries (offscreen and X11),
# fonts (text renders as boxes without one), Xvfb for screenshots of real windows, and the
# x11-utils (xwininfo: the bundle's smoke test checks its window) and binutils (PyInstaller reads
# shared libraries with objdump), the PostgreSQL server binaries (the tests start a throwaway server from /usr/lib/postgresql/*/bin;
# the package's own cluster is not used).
# Runs apt only for packages that are missing; does nothing when not root and all are present
# (without root, a missing postgresql only warns: the PostgreSQL tests then skip, except on CI).
set -eu
pkgs=(fonts-dejavu-core libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0
      libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
      libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libdbus-1-3 xvfb xauth x11-utils binutils postgresql
      "$@")
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] && [ "${missing[*]}" = "postgresql" ] && [ "${CI:-}" != "true" ]; then
  echo "Note: PostgreSQL is not installed (sudo apt-get install -y postgresql); its tests will skip." >&2
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=600 update -qq
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
