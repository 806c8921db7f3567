"""Large arrays: reused instead of allocated afresh, and the few set cells of a large mask.

Fresh memory is slow: every page faults on its first write (on some virtual machines up to a few
milliseconds a megabyte), so an engine that makes one grid-sized array after another spends a
good part of its time there.  :class:`Buffers` keeps one worker's scratch arrays by role,
:class:`ArrayPool` takes back a run's arrays once they are spent and hands them out again.
"""

from __future__ import annotations

import math
import threading
from typing import Any

import numpy as np


class Buffers:
    """One worker's scratch arrays, by role, reused from one call to the next."""

    def __init__(self) -> None:
        self._buffers: dict[str, np.ndarray] = {}

    def get(self, name: str, shape: tuple[int, ...], dtype: Any = np.float32) -> np.ndarray:
        """A C-contiguous array of ``shape`` (contents undefined)."""
        size = math.prod(shape)
        buffer = self._buffers.get(name)
        if buffer is None or buffer.size < size or buffer.dtype != dtype:
            buffer = self._buffers[name] = np.empty(size, dtype)
        return buffer[:size].reshape(shape)

    def zeros(self, name: str, shape: tuple[int, ...], dtype: type = np.float32) -> np.ndarray:
        values = self.get(name, shape, dtype)
        values.fill(0)
        return values


class ArrayPool:
    """Arrays given back once spent and taken again by the next step of a run (thread-safe), and
    each thread's :class:`Buffers`.  Only give an array that nothing will read or write again."""

    def __init__(self) -> None:
        self._free: dict[tuple[tuple[int, ...], str], list[np.ndarray]] = {}
        self._lock = threading.Lock()
        self._threads = threading.local()

    def take(self, shape: tuple[int, ...], dtype: Any = np.float32) -> np.ndarray:
        """A C-contiguous array of ``shape`` and ``dtype`` (contents undefined)."""
        key = (tuple(shape), np.dtype(dtype).str)
        with self._lock:
            free = self._free.get(key)
            if free:
                return free.pop()
        return np.empty(shape, dtype)

    def give(self, array: np.ndarray) -> None:
        """Take back ``array`` (a view is left to the garbage collector)."""
        if array.base is not None or not array.flags.c_contiguous:
            return
        with self._lock:
            self._free.setdefault((array.shape, array.dtype.str), []).append(array)

    def buffers(self) -> Buffers:
        """The calling thread's scratch arrays."""
        buffers = getattr(self._threads, "buffers", None)
        if buffers is None:
            buffers = self._threads.buffers = Buffers()
        return buffers

    def clear(self) -> None:
        """Free every array held (the run goes on with less memory)."""
        with self._lock:
            self._free.clear()
        self._threads = threading.local()


def sparse_cells(mask: np.ndarray) -> np.ndarray:
    """Flat indices of the non-zero cells of a C-contiguous 1-byte ``mask`` with few of them:
    its bytes are scanned eight at a time (``np.flatnonzero`` of the whole mask is several
    times slower)."""
    flat = mask.reshape(-1).view(np.uint8)
    whole = flat.size - flat.size % 8
    words = np.flatnonzero(flat[:whole].view(np.uint64))
    candidates = (words[:, None] * 8 + np.arange(8)).reshape(-1)
    return np.concatenate([candidates[flat[candidates] != 0], whole + np.flatnonzero(flat[whole:])])
