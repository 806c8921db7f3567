"""`make package`: dist/territoire_numerique-<version>.zip for the Plugin Manager's "Install from ZIP".

The zip holds the tracked plugin files under a `territoire_numerique/` folder plus the compiled
translations; no tests, benchmarks, caches, venv or outputs.
"""

from __future__ import annotations

import configparser
import subprocess
import sys
import zipfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "territoire_numerique"
LEFT_OUT_DIRS = {"tests", "bench", "scripts", ".ci", ".github", "out", "dist", ".build", ".venv"}
LEFT_OUT_FILES = {".gitignore", "Makefile", "pyproject.toml", "requirements-dev.txt", "DEVELOPERS.md"}


def version() -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(REPO_ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]["version"]


def packaged_files() -> list[Path]:
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO_ROOT, capture_output=True, check=True, text=True
    ).stdout.split("\0")
    files = [Path(name) for name in tracked if name]
    files += [path.relative_to(REPO_ROOT) for path in (REPO_ROOT / "i18n").glob("*.qm")]
    return sorted(
        path
        for path in files
        if path.parts[0] not in LEFT_OUT_DIRS
        and str(path) not in LEFT_OUT_FILES
        and (REPO_ROOT / path).is_file()
    )


def build(destination: Path | None = None) -> Path:
    destination = destination or REPO_ROOT / "dist" / f"{PACKAGE}-{version()}.zip"
    destination.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(destination, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in packaged_files():
            archive.write(REPO_ROOT / path, f"{PACKAGE}/{path.as_posix()}")
    return destination


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    print(build(target))
