"""The layers of the plugin, read from the source (no QGIS needed): the dock and the print layouts
import no algorithm module, the layout algorithms import no other algorithm module."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Modules of algorithms/ that any module may import: the shared ones (``base``, ``_*``).
SHARED = {"base", "provider"}
LAYOUT_ALGORITHMS = ("export_map", "decision_dossier", "synergy_dossier", "load_open_data")


def algorithm_imports(path: Path, root: Path = ROOT) -> set[str]:
    """The algorithm modules (not the shared ones) that the module at ``path`` imports."""
    package = path.relative_to(root).parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom) or not node.level:
            continue
        base = list(package[: len(package) - node.level + 1])
        target = [*base, *(node.module.split(".") if node.module else [])]
        names = [alias.name for alias in node.names]
        candidates = [[*target, name] for name in names] if target == ["algorithms"] else [target]
        for parts in candidates:
            if len(parts) >= 2 and parts[0] == "algorithms":
                module = parts[1]
                if module not in SHARED and not module.startswith("_"):
                    found.add(module)
    return found


def test_the_dock_and_the_layouts_import_no_algorithm_module():
    for path in [*sorted((ROOT / "ui").glob("*.py")), *sorted((ROOT / "maps").glob("*.py"))]:
        assert algorithm_imports(path) == set(), path.name


def test_the_layout_algorithms_import_no_other_algorithm():
    for name in LAYOUT_ALGORITHMS:
        assert algorithm_imports(ROOT / "algorithms" / f"{name}.py") == set(), name


def test_the_reader_finds_algorithm_imports(tmp_path):
    (tmp_path / "ui").mkdir()
    module = tmp_path / "ui" / "panel.py"
    module.write_text(
        "from ..algorithms.load_open_data import cache_folder\n"
        "from ..algorithms import waste_flows, _layer_io\n"
        "from ..algorithms.base import TerritoireAlgorithm\n"
        "def f():\n    from ..algorithms._maps import pdf_output\n",
        encoding="utf-8",
    )
    assert algorithm_imports(module, tmp_path) == {"load_open_data", "waste_flows"}
