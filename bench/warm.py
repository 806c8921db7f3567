"""Warm the machine's memory before a bench times anything.

On a virtual machine the first write to guest memory that the host has not backed yet is a
host-side fault: here up to ~4 ms per MB (a fresh 600 MB array took 1.9 s, the same array
0.13 s in the next process).  Memory freed returns to the host within seconds, so warming once
cannot remove the cost: it only spares the first side.  The benches therefore also run each side
several times in alternating order and keep the fastest run.
"""

from __future__ import annotations

import subprocess
import sys
import time

#: Memory written once before timing: above the largest peak of any bench side (1.3 GB).
WARM_MB = 3072


def warm_memory(megabytes: int = WARM_MB) -> float:
    """Write ``megabytes`` of fresh memory in a child process (so that no bench process inherits
    its peak resident size: Linux keeps ``ru_maxrss`` across fork and exec), by 256 MB chunks held
    together, then free it; seconds taken."""
    started = time.perf_counter()
    chunks = max(1, megabytes // 256)
    script = f"import numpy as np; held = [np.ones(256 << 18, np.float32) for _ in range({chunks})]"
    subprocess.run([sys.executable, "-c", script], check=True)
    return time.perf_counter() - started
