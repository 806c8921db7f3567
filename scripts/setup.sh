#!/usr/bin/env bash
# Install what is missing on a Debian machine (12 for QGIS 3.22; 13 and unstable in the version
# matrix, scripts/matrix.sh), idempotently: apt packages, then .venv. Packages that another only
# recommends are named here (set-up skips recommends): xauth for xvfb-run, python3-rtree for
# GeoPandas's spatial index, python3-fiona (Debian 13's GeoPandas reads through pyogrio; the
# sample generator and its tests write through Fiona), python3-venv for .venv.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(qgis python3-qgis qgis-providers python3-geopandas python3-rtree python3-rasterio python3-scipy
  python3-requests python3-networkx python3-pytest python3-fiona python3-venv xvfb xauth gdal-bin
  qttools5-dev-tools pyqt5-dev-tools poppler-utils imagemagick fonts-liberation2)

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ ! -x .venv/bin/python ]; then
  echo "Creating .venv from /usr/bin/python3 (system site packages: PyQGIS, GDAL, GeoPandas)"
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
bash scripts/link_proj.sh .venv
if ! cmp -s requirements-dev.txt .venv/.requirements-dev.txt; then
  .venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt
  cp requirements-dev.txt .venv/.requirements-dev.txt
fi
