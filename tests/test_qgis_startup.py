"""Start-up stays light: registering the provider loads none of the analysis libraries.

Each check runs in a fresh Python process (a QGIS start or a `qgis_process` call is one), so
modules imported by other tests do not hide a heavy import.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from conftest import PKG_PARENT, REPO_ROOT

pytestmark = pytest.mark.qgis

#: What registration must not import: each costs tens to hundreds of milliseconds.
HEAVY = ("numpy", "pandas", "geopandas", "scipy", "rasterio", "shapely", "pyproj", "requests",
         "urllib3", "fiona", "pyogrio", "networkx", "osgeo")  # fmt: skip
#: A module of REQUIRES brings these with it (GeoPandas loads pandas, Shapely and pyproj...).
BROUGHT_BY = {
    "geopandas": {"pandas", "shapely", "pyproj", "fiona", "pyogrio", "numpy"},
    "pandas": {"numpy"}, "scipy": {"numpy"}, "rasterio": {"numpy"}, "shapely": {"numpy"},
    "requests": {"urllib3"}, "osgeo": {"numpy"},
}  # fmt: skip


def run_python(code: str, *, hide: tuple[str, ...] = ()) -> dict:
    """Run ``code`` in a fresh interpreter with QGIS initialised; it prints one JSON line."""
    prelude = textwrap.dedent(
        f"""
        import json, sys
        sys.path.insert(0, {str(PKG_PARENT)!r})
        for name in {list(hide)!r}:  # as in a QGIS whose Python lacks these packages
            sys.modules[name] = None
        from qgis.core import QgsApplication
        app = QgsApplication([], False)
        app.initQgis()
        """
    )
    completed = subprocess.run(
        [sys.executable, "-P", "-c", prelude + textwrap.dedent(code)],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=str(REPO_ROOT.parent),
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])


REGISTER = """
before = set(sys.modules)
import territoire_numerique
plugin = territoire_numerique.classFactory(None)
plugin.initProcessing()
provider = QgsApplication.processingRegistry().providerById("territoire")
loaded = sorted({name.split(".")[0] for name in set(sys.modules) - before})
algorithms = {
    a.name(): {"help": a.shortHelpString(), "requires": list(a.REQUIRES)} for a in provider.algorithms()
}
print(json.dumps({"loaded": loaded, "algorithms": algorithms, "unavailable": provider.unavailable}))
"""


def algorithm_modules() -> list[str]:
    names = sorted(path.stem for path in (REPO_ROOT / "algorithms").glob("*.py"))
    return [name for name in names if not name.startswith("_") and name not in {"base", "provider"}]


def test_registration_loads_no_heavy_library_and_lists_every_algorithm():
    result = run_python(REGISTER)
    assert sorted(set(result["loaded"]) & set(HEAVY)) == []
    assert sorted(result["algorithms"]) == algorithm_modules()
    assert result["unavailable"] == {}


def test_requires_names_what_each_algorithm_imports_when_it_runs():
    """REQUIRES is honest: running an algorithm imports nothing heavy beyond it (and what it brings)."""
    result = run_python(REGISTER)
    for algorithm_id, described in result["algorithms"].items():
        imported = run_python(
            f"""
            before = set(sys.modules)
            import ast, importlib
            module_name = "territoire_numerique.algorithms.{algorithm_id}"
            module = importlib.import_module(module_name)
            tree = ast.parse(open(module.__file__, encoding="utf-8").read())
            package = "territoire_numerique.algorithms"
            for function in [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]:
                for node in ast.walk(function):  # the imports done inside functions, when it runs
                    if isinstance(node, ast.Import):
                        targets = [alias.name for alias in node.names]
                    elif isinstance(node, ast.ImportFrom) and node.module:
                        targets = ["." * node.level + node.module]
                    elif isinstance(node, ast.ImportFrom):
                        targets = ["." * node.level + alias.name for alias in node.names]
                    else:
                        continue
                    for target in targets:
                        importlib.import_module(target, package)
            print(json.dumps(sorted({{name.split(".")[0] for name in set(sys.modules) - before}})))
            """
        )
        allowed = set(described["requires"])
        for name in described["requires"]:
            allowed |= BROUGHT_BY.get(name, set())
        assert sorted(set(imported) & set(HEAVY) - allowed) == [], algorithm_id


def test_an_algorithm_whose_package_is_missing_is_listed_explains_and_refuses():
    result = run_python(
        REGISTER
        + """
from qgis.core import QgsProcessingContext
algorithm = QgsApplication.processingRegistry().createAlgorithmById("territoire:waste_flows")
ok, message = algorithm.checkParameterValues({}, QgsProcessingContext())
listed = sorted(a.name() for a in provider.algorithms())
print(json.dumps({"ok": ok, "message": message, "unavailable": provider.unavailable,
                  "help": algorithm.shortHelpString(), "listed": listed}))
""",
        hide=("scipy",),
    )
    assert result["listed"] == algorithm_modules()
    assert not result["ok"]
    assert "SciPy" in result["message"] and "python3-scipy" in result["message"]
    assert "SciPy" in result["help"]
    assert "waste_flows" in result["unavailable"] and "load_open_data" not in result["unavailable"]
