#!/usr/bin/env bash
# Point a venv's pyproj at Debian's PROJ data: pyproj looks for it under sys.prefix (the venv).
# Usage: scripts/link_proj.sh <venv folder>
set -euo pipefail
if [ ! -e "$1/share/proj" ] && [ -d /usr/share/proj ]; then
  mkdir -p "$1/share" && ln -s /usr/share/proj "$1/share/proj"
fi
