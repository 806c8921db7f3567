"""QGIS 4 (Qt 6) readiness: the plugin's code uses no Qt5-only idiom.

No QGIS 4 package exists to run on, so this reads every module of the plugin (tests, scripts and
benches too) and refuses what Qt 6 / PyQt6 drop, following QGIS's "Plugin migration to be
compatible with Qt5 and Qt6" notes:
- Qt imported other than through ``qgis.PyQt`` (PyQt5, PyQt6, PySide, sip);
- ``exec_()`` (``exec()`` works in both);
- unscoped enum values (``Qt.AlignLeft``, ``QgsProcessing.TypeVectorPolygon``): PyQt6 and
  QGIS 4 only know ``Qt.AlignmentFlag.AlignLeft``. Found by resolving each ``Class.Member``
  read in the code against the real classes: a value that is an enum member must be spelt
  through its enum;
- classes Qt 6 removed (``QRegExp``, ``QDesktopWidget``, ``QStringListModel`` moves aside) and
  ``QVariant`` type constants (Qt 6 has ``QMetaType.Type``; qgis_compat.py alone
  spells the QGIS 3.22 variant).
``QAction`` from ``qgis.PyQt.QtWidgets`` stays allowed: QGIS's own ``qgis.PyQt`` shim exports it
there on Qt 6 (and 3.22 has it nowhere else).
"""

from __future__ import annotations

import ast
import enum
import importlib
from pathlib import Path

import pytest
from conftest import REPO_ROOT

pytestmark = pytest.mark.qgis

SKIPPED_DIRS = {".venv", ".venv-bench", ".build", ".git", "out", "dist", "__pycache__"}
REMOVED_IN_QT6 = {"QRegExp", "QRegExpValidator", "QDesktopWidget", "QGLWidget", "QSound"}
#: Modules whose classes are checked for unscoped enum values.
QT_MODULES = ("qgis.core", "qgis.gui", "qgis.PyQt.QtCore", "qgis.PyQt.QtGui", "qgis.PyQt.QtWidgets",
              "qgis.PyQt.QtNetwork", "qgis.PyQt.QtXml")  # fmt: skip


def python_files() -> list[Path]:
    return sorted(
        path
        for path in REPO_ROOT.rglob("*.py")
        if not SKIPPED_DIRS.intersection(path.relative_to(REPO_ROOT).parts)
    )


def imported_classes(tree: ast.Module) -> dict[str, object]:
    """Names bound by ``from <Qt/QGIS module> import Name`` to the real class objects."""
    classes = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in QT_MODULES:
            module = importlib.import_module(node.module)
            for alias in node.names:
                value = getattr(module, alias.name, None)
                if isinstance(value, type):
                    classes[alias.asname or alias.name] = value
    return classes


def enum_of(owner: type, value: object) -> str | None:
    """The qualified name of the enum that ``value`` is a member of, when it is not ``owner`` itself
    (sip enums of PyQt5 and QGIS 3.22, Python enums of QGIS 3.40+: their unscoped aliases resolve
    to members of ``Qgis.*`` enums)."""
    kind = type(value)
    if kind is owner or isinstance(value, type):
        return None
    if issubclass(kind, enum.Enum) or (issubclass(kind, int) and "." in kind.__qualname__):
        return kind.__qualname__
    return None


def qt5_idioms(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(path))
    where = path.relative_to(REPO_ROOT)
    found = []
    classes = imported_classes(tree)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            is_import = isinstance(node, ast.Import)
            names = [alias.name for alias in node.names] if is_import else [node.module or ""]
            for name in names:
                if name.split(".")[0] in {"PyQt5", "PyQt6", "PySide2", "PySide6", "sip"}:
                    found.append(f"{where}:{node.lineno}: imports {name} (import Qt through qgis.PyQt)")
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if alias.name in REMOVED_IN_QT6:
                        found.append(f"{where}:{node.lineno}: {alias.name} does not exist in Qt 6")
        elif isinstance(node, ast.Attribute):
            if node.attr == "exec_":
                found.append(f"{where}:{node.lineno}: exec_() (use exec())")
            if (
                isinstance(node.value, ast.Name)
                and node.value.id == "QVariant"
                and node.attr not in {"Type"}
                and path.name != "qgis_compat.py"
            ):
                found.append(f"{where}:{node.lineno}: QVariant.{node.attr} (Qt 6: QMetaType.Type)")
            if isinstance(node.value, ast.Name) and node.value.id in classes:
                owner = classes[node.value.id]
                value = getattr(owner, node.attr, None)
                member_of = enum_of(owner, value) if value is not None else None
                if member_of:
                    found.append(
                        f"{where}:{node.lineno}: unscoped enum {node.value.id}.{node.attr} "
                        f"(spell it through its enum, {member_of})"
                    )
    return found


def test_no_qt5_only_idiom_anywhere_in_the_plugin():
    found = [problem for path in python_files() for problem in qt5_idioms(path)]
    assert found == []


def test_the_check_finds_each_idiom(tmp_path):
    """The checker itself: each idiom in a sample module is reported."""
    sample = REPO_ROOT / ".build" / "qt6_check_sample.py"
    sample.parent.mkdir(parents=True, exist_ok=True)
    sample.write_text(
        "from PyQt5.QtCore import QTimer\n"
        "from qgis.PyQt.QtCore import Qt, QRegExp\n"
        "from qgis.core import QgsProcessing\n"
        "dialog.exec_()\n"
        "align = Qt.AlignLeft\n"
        "kind = QgsProcessing.TypeVectorPolygon\n"
        "scoped = Qt.AlignmentFlag.AlignLeft\n",
        encoding="utf-8",
    )
    try:
        found = qt5_idioms(sample)
    finally:
        sample.unlink()
    assert len(found) == 5, found
    assert any("PyQt5" in line for line in found) and any("QRegExp" in line for line in found)
    assert any("exec_" in line for line in found)
    assert any("unscoped enum Qt.AlignLeft" in line for line in found)
    assert any("unscoped enum QgsProcessing.TypeVectorPolygon" in line for line in found)
