# Territoire numérique — `make demo` and `make test` work on a fresh Debian 12 machine.
PYTHON := .venv/bin/python
QT_ENV := QT_QPA_PLATFORM=offscreen QGIS_PREFIX_PATH=/usr
TS := i18n/territoire_numerique_fr.ts
QM := i18n/territoire_numerique_fr.qm

.PHONY: setup demo test test-matrix lint bench package i18n sample clean

setup: .venv/.requirements-dev.txt $(QM)

.venv/.requirements-dev.txt: requirements-dev.txt scripts/setup.sh
	bash scripts/setup.sh

$(QM): $(TS) .venv/.requirements-dev.txt
	lrelease -silent $(TS) -qm $(QM)

demo: setup
	$(QT_ENV) $(PYTHON) scripts/demo.py

test: setup
	$(QT_ENV) $(PYTHON) -m pytest -q -p no:cacheprovider

# The suite and the demo (every algorithm through qgis_process) on QGIS 3.22, 3.40 and 3.44.
test-matrix:
	bash scripts/matrix.sh

# ruff, flake8 (QGIS rules), mypy on the engine and the algorithm layer (pyproject.toml [tool.mypy]),
# which reaches the package as territoire_numerique through .build/pkg, like the tests.
lint: setup
	.venv/bin/ruff check .
	.venv/bin/flake8 .
	mkdir -p .build/pkg && ln -sfn ../.. .build/pkg/territoire_numerique
	.venv/bin/mypy

bench: setup
	bash bench/run.sh

package: setup
	$(PYTHON) scripts/package.py

# Refresh the .ts from the sources (keeps existing translations).
i18n: setup
	$(PYTHON) scripts/i18n.py update

sample: setup
	$(PYTHON) scripts/make_sample.py

clean:
	rm -rf out dist .build
