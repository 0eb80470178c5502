"""Proportional symbol maps at scale: 10,000 points inside Syria, against a naive folium CircleMarker per row.

The table: 10,000 random points inside Syria's land border (deterministic seed),
each a site with a count of people (log-normal, 1 in 50 a zero). Cases, each in
a fresh process so that peak memory is its own:

* ``geo``: :func:`geo.points.prepare` (by lat/lon) + :func:`geo.render.bubbles.bubble_map`
  rendered to one self-contained page (Leaflet and the basemap inlined), and the PNG twin;
* ``naive``: the same map (geo's basemap, title, footer) with one ``folium.CircleMarker`` per row
  instead (the same radius, colours and tooltip text), rendered the same way, so the two differ only
  in how the circles are written and drawn;
* ``names``: 10,000 rows naming one of Syria's 300 GeoNames towns, placed through the gazetteer and
  summed per town (the geocoding path).

``--browser`` also opens the geo and naive pages (and geo's circles on a canvas renderer, the
alternative to SVG) in headless Chromium with the network blocked and measures, as the median of
three fresh pages: time until every circle is in the page, a zoom in and out and an animated pan
(duration, frames per second, longest frame), and the frames while the mouse moves over 50 circles
(median and longest).

    python benchmarks/bench_bubbles.py [--rows 10000] [--seed 1] [--browser]
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


def make_table(rows: int, seed: int):
    """``rows`` random sites inside Syria: site, lat, lon, people."""
    import pandas as pd
    import shapely

    from geo import boundaries

    syria = boundaries.admin0().set_index("iso_a2").loc["SY", "geometry"]
    shapely.prepare(syria)
    west, south, east, north = syria.bounds
    rng = random.Random(seed)
    out = []
    while len(out) < rows:
        lon, lat = rng.uniform(west, east), rng.uniform(south, north)
        if shapely.contains_xy(syria, lon, lat):
            people = 0 if rng.random() < 0.02 else int(rng.lognormvariate(5.5, 1.4)) + 1
            out.append((f"Site {len(out) + 1:05d}", round(lat, 5), round(lon, 5), people))
    return pd.DataFrame(out, columns=["site", "lat", "lon", "people"])


def name_table(rows: int, seed: int):
    """``rows`` rows naming Syrian towns of the shipped GeoNames list, as it spells them."""
    import pandas as pd

    from geo.gazetteer import DATA

    places = pd.read_csv(DATA / "places.csv.gz", usecols=["name", "country", "population"])
    names = sorted(set(places.loc[places["country"] == "SY", "name"]))
    rng = random.Random(seed)
    return pd.DataFrame({"place": [rng.choice(names) for _ in range(rows)],
                         "people": [rng.randint(1, 5000) for _ in range(rows)]})  # fmt: skip


def naive_map(df, units: str = "people"):
    """What a folium user writes: one CircleMarker (with its own tooltip) per row, on the same radius scale,
    on the same map as geo's (basemap, title, footer)."""
    import folium

    from geo.movements import fmt
    from geo.render.base import new_map
    from geo.render.bubbles import opening_view
    from geo.render.symbols import FILL, FILL_OPACITY, LINE, radius

    bounds = (df["lon"].min(), df["lat"].min(), df["lon"].max(), df["lat"].max())
    m = new_map(bounds, title="People by site", created="2026-01-01", basemap_bounds=opening_view(bounds))
    biggest = float(df["people"].max())
    for row in df.sort_values("people", ascending=False).itertuples():
        folium.CircleMarker(
            [row.lat, row.lon], radius=radius(row.people, biggest), color=LINE, weight=1, fill=True, fill_color=FILL,
            fill_opacity=FILL_OPACITY, tooltip=f"{row.site}: {fmt(row.people)} {units}",
        ).add_to(m)  # fmt: skip
    return m


def run_case(case: str, rows: int, seed: int, out: str | None) -> dict:
    """One measurement, in this process."""
    from geo import boundaries
    from geo.gazetteer import Gazetteer
    from geo.points import prepare
    from geo.render.base import render_html
    from geo.render.bubbles import bubble_map
    from geo.render.bubbles_static import save_bubble_figure

    warnings.simplefilter("ignore")
    Gazetteer.default()  # the index and the boundaries load the same for every case: not timed
    boundaries.admin1()
    df = make_table(rows, seed) if case != "names" else name_table(rows, seed)
    result = {"case": case, "rows": rows}
    t0 = time.perf_counter()
    if case == "naive":
        m = naive_map(df)
        t1 = time.perf_counter()
        html = render_html(m)
        t2 = time.perf_counter()
        result.update(points=rows, prepare_s=0.0, build_s=round(t1 - t0, 2), render_s=round(t2 - t1, 2))
    else:
        if case == "names":
            pt = prepare(df, "people", place="place", label=None)
        else:
            pt = prepare(df, "people", lat="lat", lon="lon", label="site")
        t1 = time.perf_counter()
        m = bubble_map(pt, title="People by site", created="2026-01-01")
        t2 = time.perf_counter()
        html = render_html(m)
        t3 = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            save_bubble_figure(pt, Path(tmp) / "m.png", title="People by site", created="2026-01-01")
        t4 = time.perf_counter()
        pt.check()
        result.update(points=len(pt.points), prepare_s=round(t1 - t0, 2), build_s=round(t2 - t1, 2),
                      render_s=round(t3 - t2, 2), png_s=round(t4 - t3, 2), summary=pt.summary())  # fmt: skip
    result["html_bytes"] = len(html.encode("utf-8"))
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if out:
        Path(out).write_text(html, encoding="utf-8")
    return result


def in_subprocess(case: str, rows: int, seed: int, out: str | None = None) -> dict:
    cmd = [sys.executable, __file__, "--case", case, "--rows", str(rows), "--seed", str(seed)]
    if out:
        cmd += ["--out", out]
    text = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(text.strip().splitlines()[-1])


# --- in the browser ----------------------------------------------------------------------------------------------

_CANVAS = ("d.p.forEach(function(p) {", "var cv = L.canvas({padding: 0.5}); d.p.forEach(function(p) {")
_CANVAS_OPT = ("Object.assign({radius: p[2]}, d.k[p[3]])", "Object.assign({radius: p[2], renderer: cv}, d.k[p[3]])")

_FRAMES = """async ([action]) => {
    const m = Object.values(window).find(v => v instanceof L.Map);
    const gaps = [];
    let last = performance.now(), running = true;
    const tick = t => { gaps.push(t - last); last = t; if (running) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const start = performance.now();
    await new Promise(done => {
        m.once("moveend", () => requestAnimationFrame(() => requestAnimationFrame(done)));
        if (action === "zoomin") m.zoomIn(); else if (action === "zoomout") m.zoomOut();
        else m.panBy([400, 250], {animate: true, duration: 1.0});
    });
    running = false;
    const ms = performance.now() - start;
    const frames = gaps.slice(1);
    return {ms: Math.round(ms), fps: Math.round(1000 * frames.length / ms), longest: Math.round(Math.max(...frames))};
}"""


_RECORD = """() => {
    window.geoRec = {gaps: [], on: true, last: performance.now()};
    const tick = t => {
        const r = window.geoRec;
        r.gaps.push(t - r.last);
        r.last = t;
        if (r.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
}"""


def browse(path: str, expect: int, canvas: bool = False, repeat: int = 3) -> dict:
    """Open one page offline in Chromium ``repeat`` times; the median of each measurement."""
    import statistics

    from playwright.sync_api import sync_playwright

    page_path = Path(path)
    if canvas:
        html = page_path.read_text(encoding="utf-8")
        for old, new in (_CANVAS, _CANVAS_OPT):
            assert old in html, old
            html = html.replace(old, new)
        page_path = page_path.with_name(page_path.stem + "-canvas.html")
        page_path.write_text(html, encoding="utf-8")
    runs = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        for _ in range(repeat):
            runs.append(_measure(browser, page_path, expect, hover=not canvas))
        browser.close()
    out = {}
    for key, first in runs[0].items():
        if isinstance(first, dict):
            out[key] = {k: statistics.median(r[key][k] for r in runs) for k in first}
        elif isinstance(first, (int, float)):
            out[key] = statistics.median(r[key] for r in runs)
        else:
            out[key] = first
    return out


def _measure(browser, page_path: Path, expect: int, hover: bool) -> dict:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
    start = time.perf_counter()
    page.goto(page_path.as_uri())
    count = """() => { const m = Object.values(window).find(v => v instanceof L.Map); let n = 0;
        if (m) m.eachLayer(l => { if (l instanceof L.CircleMarker) n++; }); return n; }"""
    page.wait_for_function(f"({count})() >= {expect}", timeout=120_000)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    out = {"load_s": round(time.perf_counter() - start, 2)}
    page.wait_for_function("!document.querySelector('.leaflet-zoom-anim')")
    page.wait_for_timeout(500)
    for action in ("zoomin", "zoomout", "pan"):
        out[action] = page.evaluate(_FRAMES, [action])
        page.wait_for_timeout(300)
    if hover:
        spots = page.evaluate(
            """() => Array.from(document.querySelectorAll("path.leaflet-interactive"))
                .map(e => e.getBoundingClientRect())
                .filter(r => r.width > 4 && r.top > 130 && r.bottom < 780 && r.left > 20 && r.right < 800)
                .slice(0, 50).map(r => [r.x + r.width / 2, r.y + r.height / 2])"""
        )
        page.evaluate(_RECORD)
        for x, y in spots:
            page.mouse.move(x, y)
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        out["hover"] = page.evaluate("() => { window.geoRec.on = false; const g = window.geoRec.gaps.slice(1)"
                                     ".sort((a, b) => a - b); return {median: Math.round(g[g.length >> 1]), "
                                     "longest: Math.round(g[g.length - 1])}; }")  # fmt: skip
    page.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--browser", action="store_true", help="also measure the pages in headless Chromium")
    ap.add_argument("--case", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case, args.rows, args.seed, args.out)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        pages = {case: str(Path(tmp) / f"{case}.html") for case in ("geo", "naive")}
        results = [in_subprocess(case, args.rows, args.seed, pages.get(case)) for case in ("geo", "naive", "names")]
        print(f"{'case':>6} {'rows':>7} {'points':>7} {'prepare s':>9} {'map s':>6} {'render s':>8} {'PNG s':>6} "
              f"{'HTML MB':>8} {'peak MB':>8}")  # fmt: skip
        for r in results:
            mb = r["html_bytes"] / 1e6
            print(f"{r['case']:>6} {r['rows']:>7,} {r['points']:>7,} {r['prepare_s']:>9} {r['build_s']:>6} "
                  f"{r['render_s']:>8} {r.get('png_s', '-'):>6} {mb:>8.2f} {r['peak_rss_mb']:>8}")  # fmt: skip
            if r.get("summary"):
                print(f"{'':>8}{r['summary']}")
        geo, naive = results[0], results[1]
        ratio = (geo["build_s"] + geo["render_s"]) / max(0.01, naive["build_s"] + naive["render_s"])
        print(f"geo / naive: HTML × {geo['html_bytes'] / naive['html_bytes']:.2f}, time (map + render) × {ratio:.2f}")
        if args.browser:
            n = geo["points"]
            for name, path, canvas in (("geo (SVG)", pages["geo"], False), ("geo (canvas)", pages["geo"], True),
                                       ("naive (SVG)", pages["naive"], False)):  # fmt: skip
                print(f"{name:>13}: {json.dumps(browse(path, n, canvas))}")


if __name__ == "__main__":
    main()
