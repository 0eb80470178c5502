"""Geocoding 1,000,000 names with many repeats, as real exports have (hardening issue).

Draws a million names from 5,000 distinct ones (GeoNames names of the focus
countries, misspellings of them, and made-up names), geocodes them with the
offline gazetteer, and reports time, peak memory (resident set size) and how
many distinct lookups ran: repeats must be resolved once.

Run:  python benchmarks/bench_scale_geocode.py [--rows 1000000]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.gazetteer import FOCUS_COUNTRIES, Gazetteer  # noqa: E402
from geo.geocode import resolve, summary  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    rng = random.Random(11)
    gaz = Gazetteer.default()
    focus = sorted({r[1] for r in gaz.rows if r[3] in FOCUS_COUNTRIES})
    real = rng.sample(focus, 4000)
    typos = [n[:-2] + n[-1] + n[-2] if len(n) > 5 else n for n in rng.sample(focus, 800)]
    fake = [f"Nowhere {i}" for i in range(200)]
    pool = real + typos + fake
    names = rng.choices(pool, k=args.rows)
    before = peak_mb()
    gaz.lookup.cache_clear()
    start = time.perf_counter()
    matches = resolve(names, gazetteer=gaz)
    secs = time.perf_counter() - start
    info = gaz.lookup.cache_info()
    print(
        f"{args.rows:,} names ({len(set(names)):,} distinct) geocoded in {secs:.2f} s "
        f"({args.rows / secs:,.0f} names/s); distinct lookups run: {info.misses:,}"
    )
    print(f"peak RSS {peak_mb():.0f} MB (before geocoding {before:.0f} MB)")
    print(summary(matches)[:160])
    return 0


if __name__ == "__main__":
    sys.exit(main())
