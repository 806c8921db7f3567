"""Warm the machine's memory before a bench times anything.

On a virtual machine the first write to guest memory that no process has used since boot is a
host-side fault: here up to ~4 ms per MB (a fresh 600 MB array took 1.9 s, the same array 0.13 s
in the next process).  Whichever side of a bench runs first would pay for the others, so every
bench touches ``WARM_MB`` once, then frees it: later allocations reuse those pages.  On a machine
whose memory is already warm this costs a fraction of a second.
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
