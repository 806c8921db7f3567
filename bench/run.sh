#!/usr/bin/env bash
# `make bench`: every bench/bench_*.py, ours against its peer in one run, results in bench/results/.
# Peers that are not plugin dependencies (e.g. spopt) go in bench/requirements.txt, installed into
# .venv-bench only (system site packages: it sees PyQGIS, GDAL, GeoPandas like .venv).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv-bench/bin/python ]; then
  /usr/bin/python3 -m venv --system-site-packages .venv-bench
fi
bash scripts/link_proj.sh .venv-bench
if [ -f bench/requirements.txt ] && ! cmp -s bench/requirements.txt .venv-bench/.requirements.txt; then
  .venv-bench/bin/pip install -q --disable-pip-version-check -r bench/requirements.txt
  cp bench/requirements.txt .venv-bench/.requirements.txt
fi
mkdir -p bench/results
export QT_QPA_PLATFORM=offscreen QGIS_PREFIX_PATH=/usr PYTHONPATH="$PWD/.build/pkg${PYTHONPATH:+:$PYTHONPATH}"
mkdir -p .build/pkg && [ -e .build/pkg/territoire_numerique ] || ln -s "$PWD" .build/pkg/territoire_numerique
for bench in bench/bench_*.py; do
  name=$(basename "$bench" .py)
  echo "=== $name"
  .venv-bench/bin/python "$bench" "$@" | tee "bench/results/$name.txt"
done
