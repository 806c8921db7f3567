#!/usr/bin/env bash
# `make bench`: every bench/bench_*.py, ours against its peer in one run, results in bench/results/.
# Peers that are not plugin dependencies go in bench/requirements.txt, installed into .venv-bench
# only (system site packages: it sees PyQGIS, GDAL, GeoPandas like .venv). The system's numpy,
# Shapely, GDAL, ... are pinned (bench/constraints.py) so that the benches measure the stack users
# run in QGIS, and the venv is checked to import them from the system.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv-bench/bin/python ]; then
  /usr/bin/python3 -m venv --system-site-packages .venv-bench
fi
bash scripts/link_proj.sh .venv-bench
/usr/bin/python3 bench/constraints.py > .venv-bench/constraints.txt
cat bench/requirements.txt .venv-bench/constraints.txt > .venv-bench/.wanted
if ! cmp -s .venv-bench/.wanted .venv-bench/.installed; then
  .venv-bench/bin/pip install -q --disable-pip-version-check -c .venv-bench/constraints.txt \
    -r bench/requirements.txt
  cp .venv-bench/.wanted .venv-bench/.installed
fi
.venv-bench/bin/python bench/constraints.py --check .venv-bench/constraints.txt
mkdir -p bench/results
export QT_QPA_PLATFORM=offscreen QGIS_PREFIX_PATH=/usr PYTHONPATH="$PWD/.build/pkg${PYTHONPATH:+:$PYTHONPATH}"
mkdir -p .build/pkg && [ -e .build/pkg/territoire_numerique ] || ln -s "$PWD" .build/pkg/territoire_numerique
for bench in ${BENCHES:-bench/bench_*.py}; do  # BENCHES="bench/bench_wifi.py …": only those
  name=$(basename "$bench" .py)
  echo "=== $name"
  started=$(date +%s)
  .venv-bench/bin/python -u "$bench" "$@" | tee "bench/results/$name${BENCH_SUFFIX:-}.txt"
  echo "  (whole bench: $(( $(date +%s) - started )) s)" | tee -a "bench/results/$name${BENCH_SUFFIX:-}.txt"
done
