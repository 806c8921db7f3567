"""Write outputs atomically: a failed or cancelled run leaves no partial file behind."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_output(final_path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``final_path``; move it into place only on success.

    The temporary file keeps the final suffix so that drivers chosen by extension
    (GeoPackage, GeoTIFF, PDF) behave the same.  On any exception, the temporary file
    (and a GeoPackage's -wal/-shm companions) is removed and ``final_path`` is untouched.
    """
    final = Path(final_path)
    final.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary_name = tempfile.mkstemp(prefix=f".{final.stem}.", suffix=final.suffix, dir=final.parent)
    os.close(handle)
    temporary = Path(temporary_name)
    temporary.unlink()  # let the writer create it from scratch
    try:
        yield temporary
        if not temporary.exists():
            raise FileNotFoundError(f"nothing was written to {temporary}")
        shutil.move(str(temporary), str(final))
    finally:
        for leftover in (
            temporary,
            Path(f"{temporary}-wal"),
            Path(f"{temporary}-shm"),
            Path(f"{temporary}.aux.xml"),
        ):
            if leftover.exists():
                leftover.unlink()
