"""`geo demo` end to end in a fresh process: wall time (target < 10 s) and peak memory (target < 500 MB).

Run:  python benchmarks/bench_demo.py
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time


def main() -> int:
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, "-m", "geo", "demo", "--out", out, "--created", "2026-11-25"]
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            runs.append(time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"geo demo: best {min(runs):.2f} s, worst {max(runs):.2f} s over 3 runs; peak RSS {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
