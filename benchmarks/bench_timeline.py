"""Maps by period: HTML size and render time of a 12-month map against the same data as one map.

Three cases, each built from the same rows with and without ``period``, in this process:

* flows: 5,000 movement rows between the 100 most populous Syrian towns of the shipped GeoNames
  list and "the Turkish border", random pairs, 1-5,000 people, one of 12 months (seed 1), top 50;
* choropleth: Syria's 14 governorates, one figure per governorate and month for 12 months;
* bubbles: the 541-community table (``data/communities_541.csv``, placed by community P-code),
  each row given one of 12 months at random (seed 1): one map of 541 circles against a slider
  over 12 months of about 45 circles each.

Timed: building the folium map and rendering the page (``render_html``), best of ``--repeat``; and
the static twin (PNG, small multiples of 12 panels against one map). The places are resolved
(``prepare``) outside the flow and bubble timings, once for each case.

    python benchmarks/bench_timeline.py [--rows 5000] [--months 12] [--repeat 3] [--maps flows,choropleth,bubbles]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import warnings
from pathlib import Path


def months(n: int) -> list[str]:
    return [f"{2024 + (i // 12)}-{i % 12 + 1:02d}" for i in range(n)]


def flow_rows(rows: int, n_months: int, seed: int):
    import pandas as pd

    from geo.gazetteer import DATA

    df = pd.read_csv(DATA / "places.csv.gz", usecols=["name", "country", "population"])
    df = df[df["country"] == "SY"].sort_values(["population", "name"], ascending=[False, True])
    names = [*list(dict.fromkeys(df["name"]))[:99], "the Turkish border"]
    rng = random.Random(seed)
    labels = months(n_months)
    out = [(rng.choice(names), rng.choice(names), rng.randint(1, 5000), rng.choice(labels)) for _ in range(rows)]
    return pd.DataFrame(out, columns=["origin", "destination", "people", "month"])


def area_rows(n_months: int, seed: int):
    import pandas as pd

    rng = random.Random(seed)
    rows = [(f"SY{g:02d}", rng.randint(0, 500_000), m) for m in months(n_months) for g in range(1, 15)]
    return pd.DataFrame(rows, columns=["pcode", "idps", "month"])


COMMUNITIES = Path(__file__).resolve().parent / "data" / "communities_541.csv"


def community_rows(n_months: int, seed: int):
    """The 541-community table with a synthetic month column (one of ``n_months``, at random)."""
    import pandas as pd

    df = pd.read_csv(COMMUNITIES)
    rng = random.Random(seed)
    labels = months(n_months)
    return df.assign(month=[rng.choice(labels) for _ in range(len(df))])


def best(repeat: int, make):
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = make()
        times.append(time.perf_counter() - t)
    return min(times), out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=5000)
    ap.add_argument("--months", type=int, default=12)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--maps", default="flows,choropleth,bubbles", help="which cases, separated by commas")
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    wanted = args.maps.split(",")

    from geo.movements import prepare
    from geo.points import prepare as prepare_points
    from geo.render.base import render_html
    from geo.render.bubbles import bubble_map
    from geo.render.bubbles_static import save_bubble_figure
    from geo.render.choropleth import choropleth, save_static
    from geo.render.flows import flow_map
    from geo.render.flows_static import save_flow_figure

    moves = flow_rows(args.rows, args.months, args.seed)
    by_month = prepare(moves, "origin", "destination", "people", period="month")
    together = prepare(moves, "origin", "destination", "people")
    areas = area_rows(args.months, args.seed)
    latest = areas[areas["month"] == months(args.months)[-1]]
    communities = community_rows(args.months, args.seed)
    points = dict(value="IDP arrivals", pcode="Community_Pcode", label="Community")
    sites_by_month = prepare_points(communities, period="month", **points)
    sites = prepare_points(communities, **points)

    cases = {
        "flows": (
            lambda: render_html(flow_map(together, created="2026-01-01")),
            lambda: render_html(flow_map(by_month, created="2026-01-01")),
        ),
        "choropleth": (
            lambda: render_html(choropleth(latest, "idps", pcode="pcode", created="2026-01-01")),
            lambda: render_html(choropleth(areas, "idps", pcode="pcode", period="month", created="2026-01-01")),
        ),
        "bubbles": (
            lambda: render_html(bubble_map(sites, created="2026-01-01")),
            lambda: render_html(bubble_map(sites_by_month, created="2026-01-01")),
        ),
    }
    cases = {k: v for k, v in cases.items() if k in wanted}
    render_html(flow_map(together, created="2026-01-01"))  # warm: imports, shapefiles, Leaflet text
    print(f"{args.months} months; flows: {args.rows:,} rows, {sum(len(x.flows) for x in by_month.shown)} arrows over "
          f"the months ({len(together.flows)} on the one map); choropleth: 14 governorates; bubbles: "
          f"{len(sites.points)} communities, {len(sites_by_month.points)} circles over the months")  # fmt: skip
    print(f"{'map':<11} {'one map s':>10} {'by month s':>11} {'× time':>7} {'one map kB':>11} {'by month kB':>12} "
          f"{'× size':>7} {'kB a month':>11}")  # fmt: skip
    for name, (one, timed) in cases.items():
        t1, page1 = best(args.repeat, one)
        t2, page2 = best(args.repeat, timed)
        b1, b2 = len(page1.encode()), len(page2.encode())
        assert render_html_twice_same(timed)
        print(f"{name:<11} {t1:>10.2f} {t2:>11.2f} {t2 / t1:>7.1f} {b1 / 1e3:>11.0f} {b2 / 1e3:>12.0f} "
              f"{b2 / b1:>7.2f} {(b2 - b1) / args.months / 1e3:>11.1f}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "m.png"
        statics = {
            "flows": (
                lambda: save_flow_figure(together, png, created="2026-01-01"),
                lambda: save_flow_figure(by_month, png, created="2026-01-01"),
            ),
            "choropleth": (
                lambda: save_static(choropleth(latest, "idps", pcode="pcode", created="2026-01-01"), png),
                lambda: save_static(
                    choropleth(areas, "idps", pcode="pcode", period="month", created="2026-01-01"), png
                ),
            ),
            "bubbles": (
                lambda: save_bubble_figure(sites, png, created="2026-01-01"),
                lambda: save_bubble_figure(sites_by_month, png, created="2026-01-01"),
            ),
        }
        statics = {k: v for k, v in statics.items() if k in wanted}
        print(f"{'PNG':<11} {'one map s':>10} {f'{args.months} panels s':>11} {'× time':>7}")
        for name, (one, panels) in statics.items():
            t1, _ = best(1, one)
            t2, _ = best(1, panels)
            print(f"{name:<11} {t1:>10.2f} {t2:>11.2f} {t2 / t1:>7.1f}")


def render_html_twice_same(make) -> bool:
    """Same input, same bytes."""
    return make() == make()


if __name__ == "__main__":
    main()
