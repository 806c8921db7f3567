"""Test set-up shared by engine and QGIS tests.

The repo root is the plugin folder; whatever the checkout is called, the package is imported
as ``territoire_numerique`` through a link under ``.build/pkg``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
PACKAGE_NAME = "territoire_numerique"
PKG_PARENT = REPO_ROOT / ".build" / "pkg"


def _link_package() -> None:
    PKG_PARENT.mkdir(parents=True, exist_ok=True)
    link = PKG_PARENT / PACKAGE_NAME
    if link.is_symlink() and link.resolve() != REPO_ROOT:
        link.unlink()
    if not link.exists():
        os.symlink(REPO_ROOT, link, target_is_directory=True)
    if str(PKG_PARENT) not in sys.path:
        sys.path.insert(0, str(PKG_PARENT))


_link_package()
