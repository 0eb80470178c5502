"""``geo demo``: the whole pipeline on our example report, offline.

extract → review table → geocode → maps. The report (``geo/data/demo_report.md``)
is a worked example we wrote from public UN figures of early 2020; its last
section is marked illustrative and its numbers are invented for the maps.

Outputs in ``out`` (default ``maps/``):

* ``demo-figures.csv`` — every figure, movement and other place mention with its sentence, to review;
* ``demo-choropleth.html`` / ``.png`` — newly displaced people per governorate;
* ``demo-flows.html`` / ``.png`` — who moved from where to where, toward the Turkish border;
* ``demo-bubbles.html`` / ``.png`` — the same people as circles at the places they fled.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from geo.extract import ILLUSTRATIVE_NOTE, extract, read
from geo.query import parse

REPORT = Path(__file__).resolve().parent / "data" / "demo_report.md"
REPORT_DATE = "2020-02-05"
SOURCE = "geo demo report (worked example from public UN figures, early 2020; breakdown illustrative)"


@dataclass
class DemoResult:
    """Paths written and the one-line summaries, in the order they were made."""

    paths: list[Path] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


def demo(out: str | Path = "maps", created: date | str | None = None) -> DemoResult:
    """Run extract → geocode → choropleth and flow maps on the demo report; nothing touches the network."""
    from geo.movements import prepare
    from geo.points import prepare as prepare_points
    from geo.render.base import save_html
    from geo.render.bubbles import bubble_map
    from geo.render.bubbles_static import save_bubble_figure
    from geo.render.choropleth import choropleth, save_static
    from geo.render.flows import flow_map
    from geo.render.flows_static import save_flow_figure

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    result = DemoResult()
    found = extract(read(REPORT), date=REPORT_DATE)
    figures_csv = out / "demo-figures.csv"
    found.to_csv(figures_csv)
    result.paths.append(figures_csv)
    result.lines.append(f"extract: {found.summary()}")
    style = {"source": SOURCE, "as_of": REPORT_DATE, "created": created or date.today()}

    rows = found.to_frame("figures")
    # The map shows what the review table marks: displaced people per whole governorate, from the illustrative
    # table ("southern Idlib" is where people fled from, and only part of a governorate).
    whole = rows["place"].map(lambda text: parse(str(text)).direction is None)
    areas = rows[(rows["what"] == "people displaced") & (rows["note"] == ILLUSTRATIVE_NOTE)
                 & (rows["place_kind"] == "admin1") & whole]  # fmt: skip
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        m = choropleth(
            areas.rename(columns={"figure": "newly displaced"}), value="newly displaced", place="place",
            country="SY", units="people",
            title="Northwest Syria: people newly displaced since 1 December 2019, by governorate",
            subtitle="Illustrative breakdown of about 520,000 people, as of 5 February 2020",
            scheme="equalinterval", classes=4, colors="Oranges", **style,
        )  # fmt: skip
    result.lines += [f"choropleth: {w.message}" for w in caught]
    for suffix, write in ((".html", save_html), (".png", save_static)):
        path = out / f"demo-choropleth{suffix}"
        write(m, path)
        result.paths.append(path)
    drawn = m.joined["value"].sum() if "value" in m.joined else float("nan")
    result.lines.append(f"choropleth: {len(areas)} rows, {drawn:,.0f} people drawn, {len(m.unmatched)} unmatched")

    flows_rows = found.to_frame("flows")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = prepare(flows_rows, "origin", "destination", "figure", country="SY", units="people")
    result.lines += [f"flows: {w.message}" for w in caught]
    flow_style = {
        **style,
        "title": "Northwest Syria: movements toward the Turkish border, December 2019 – February 2020",
        "subtitle": "Illustrative split of about 520,000 people displaced since 1 December 2019",
    }
    html = out / "demo-flows.html"
    save_html(flow_map(table, **flow_style), html)
    png = out / "demo-flows.png"
    save_flow_figure(table, png, **flow_style)
    result.paths += [html, png]
    result.lines.append(f"flows: {table.summary()}")

    # The figures by place: the illustrative rows that name a town or part of a governorate (the whole
    # governorates are the choropleth's; counting them here too would count the same people twice).
    places = rows[(rows["what"] == "people displaced") & (rows["note"] == ILLUSTRATIVE_NOTE)
                  & ~((rows["place_kind"] == "admin1") & whole)]  # fmt: skip
    points = prepare_points(places.rename(columns={"figure": "displaced"}), "displaced", place="place", country="SY")
    bubble_style = {
        **style,
        "title": "Northwest Syria: people newly displaced since 1 December 2019, by the place they fled",
        "subtitle": "Illustrative breakdown of about 520,000 people, as of 5 February 2020",
    }
    html = out / "demo-bubbles.html"
    save_html(bubble_map(points, **bubble_style), html)
    png = out / "demo-bubbles.png"
    save_bubble_figure(points, png, **bubble_style)
    result.paths += [html, png]
    result.lines.append(f"bubbles: {points.summary()}")
    return result
