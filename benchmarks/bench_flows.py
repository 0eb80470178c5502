"""Movement maps at scale: 10,000 and 100,000 flow rows between 500 real places.

The places are the 500 most populous Syrian towns of the shipped GeoNames
list (``geo/data/places.csv.gz``), written as the list spells them, plus "the
Turkish border" (every arrow to it ends at its own point of the line). Rows
pair them at random (a few per cent name the same place twice, which the map
reports and leaves off), with figures from 1 to 5,000 and one of six months: the
HTML map has a slider over the six months, the PNG six panels (small multiples).

Each case runs in its own process so that peak memory (max RSS) is its own.
Stages timed: ``prepare`` (read, resolve every name in one call, sum pairs,
choose the top flows), ``html`` (build the folium map and render the page),
``png`` (the static twin). Baseline, run the same way: 100 rows.

    python benchmarks/bench_flows.py [--rows 10000 100000] [--places 500] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

MONTHS = ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"]


def place_names(n: int) -> list[str]:
    """The ``n`` most populous Syrian towns, one spelling each."""
    import pandas as pd

    from geo.gazetteer import DATA

    df = pd.read_csv(DATA / "places.csv.gz", usecols=["name", "country", "population"])
    df = df[df["country"] == "SY"].sort_values(["population", "name"], ascending=[False, True])
    names = list(dict.fromkeys(df["name"]))[: n - 1]
    return [*names, "the Turkish border"]


def make_table(rows: int, places: int, seed: int):
    import pandas as pd

    rng = random.Random(seed)
    names = place_names(places)
    out = []
    for _ in range(rows):
        o = rng.choice(names)
        d = o if rng.random() < 0.02 else rng.choice(names)
        out.append((o, d, rng.randint(1, 5000), rng.choice(MONTHS)))
    return pd.DataFrame(out, columns=["origin", "destination", "people", "month"])


def run_case(rows: int, places: int, seed: int, top: int) -> dict:
    """One measurement, in this process."""
    from geo import boundaries
    from geo.gazetteer import Gazetteer
    from geo.movements import prepare
    from geo.render.base import render_html
    from geo.render.flows import flow_map
    from geo.render.flows_static import save_flow_figure

    df = make_table(rows, places, seed)
    warnings.simplefilter("ignore")
    Gazetteer.default()  # loading the index (from its disk cache) is the same for every case: not timed
    boundaries.admin1()
    t0 = time.perf_counter()
    ft = prepare(df, origin="origin", destination="destination", value="people", period="month", top=top)
    t1 = time.perf_counter()
    html = render_html(flow_map(ft, created="2026-01-01"))
    t2 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        save_flow_figure(ft, Path(tmp) / "m.png", created="2026-01-01")
    t3 = time.perf_counter()
    ft.check()
    drawn = sum(len(layer.flows) for layer in ft.shown)  # the months, one at a time on the slider
    return {
        "rows": rows,
        "top": top,
        "pairs_drawn_all_layers": drawn,
        "unplaced_rows": len(ft.unplaced),
        "prepare_s": round(t1 - t0, 2),
        "html_s": round(t2 - t1, 2),
        "png_s": round(t3 - t2, 2),
        "html_bytes": len(html.encode("utf-8")),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "summary": ft.summary(),
    }


def in_subprocess(rows: int, places: int, seed: int, top: int) -> dict:
    cmd = [
        sys.executable,
        __file__,
        "--case",
        str(rows),
        "--places",
        str(places),
        "--seed",
        str(seed),
        "--top",
        str(top),
    ]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--places", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--top", type=int, default=None, help="only this --top (default: 50, and 0 = all, for 10,000)")
    ap.add_argument("--case", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.case is not None:
        print(json.dumps(run_case(args.case, args.places, args.seed, args.top if args.top is not None else 50)))
        return
    cases = [(n, 50) for n in args.rows] if args.top is None else [(n, args.top) for n in args.rows]
    if args.top is None and 10_000 in args.rows:
        cases.insert(1, (10_000, 0))
    base = in_subprocess(100, min(args.places, 100), args.seed, 50)
    print(f"baseline: 100 rows, top 50: {json.dumps(base)}")
    head = f"{'rows':>8} {'top':>4} {'arrows':>7} {'prepare s':>10} {'html s':>7} {'png s':>6} {'HTML MB':>8}"
    print(head + f" {'peak MB':>8}   (× baseline: prepare, html)")
    for rows, top in cases:
        r = in_subprocess(rows, args.places, args.seed, top)
        ratio = (
            f"× {r['prepare_s'] / max(base['prepare_s'], 0.01):.1f}, × {r['html_s'] / max(base['html_s'], 0.01):.1f}"
        )
        print(
            f"{rows:>8,} {top or 'all':>4} {r['pairs_drawn_all_layers']:>7,} {r['prepare_s']:>10} {r['html_s']:>7} "
            f"{r['png_s']:>6} {r['html_bytes'] / 1e6:>8.2f} {r['peak_rss_mb']:>8}   ({ratio})"
        )
        print(f"{'':>10}{r['summary']}")


if __name__ == "__main__":
    main()
