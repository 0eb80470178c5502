"""Build the gazetteer index that geo ships (``geo/data/gazetteer.json.gz``).

The index holds every name of every feature already folded (see
:mod:`geo.sources` for what goes in), so the first ``geo geocode`` on a new
machine answers in well under a second instead of folding half a million
names. Run it after changing any data file in ``geo/data`` or ``shapefiles/``,
or the code that folds names (``geo/names.py``, ``geo/query.py``,
``geo/gazetteer.py``, ``geo/sources.py``); ``tests/test_index.py`` fails
until you do.

Run:  python scripts/build_index.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo import sources  # noqa: E402
from geo.gazetteer import INDEX, write_index  # noqa: E402


def main() -> int:
    t0 = time.perf_counter()
    gaz = sources.build()
    write_index(gaz)
    print(
        f"wrote {INDEX.relative_to(ROOT)}: {len(gaz):,} features, {len(gaz.exact):,} names, "
        f"{INDEX.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - t0:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
