"""The flow map in headless Chromium with the network blocked: it draws, counts right and logs no error."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest
from mapbrowser import open_offline

pytestmark = pytest.mark.browser

OUTPUT = Path(__file__).parent / "output"

MOVES = pd.DataFrame(
    {
        "from": ["Maaret al-Numan", "Saraqib", "Ariha", "Jisr al-Shughur", "Atmeh", "Khan Shaykhun", "Kafr Nabl"],
        "to": ["the Turkish border", "Atmeh", "Sarmada", "the Turkish border", "Saraqib", "Idlib city", "Dana"],
        "n": [12000, 4500, 800, 2200, 700, 7000, 5000],
        "month": ["2024-01", "2024-01", "2024-02", "2024-02", "2024-02", "2024-01", "2024-02"],
    }
)


def open_map(browser, path: Path):
    return open_offline(browser, path, "path.geo-flow")


def write(tmp_path, name, **kw):
    from geo.render.base import save_html
    from geo.render.flows import flows

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = flows(MOVES, origin="from", destination="to", value="n", created="2026-01-01", **kw)
    path = tmp_path / f"{name}.html"
    save_html(m, path)
    return m, path


def test_arrows_drawn_offline_with_no_errors(browser, tmp_path):
    m, path = write(tmp_path, "flows", title="Movements in Idlib, January–February 2024", top=5)
    page, errors, requests = open_map(browser, path)
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "flows.png"))
    assert errors == []
    assert all(u.startswith(("file://", "data:")) for u in requests), requests
    assert page.locator("path.geo-flow").count() == len(m.flow_table.flows) == 5
    assert page.locator("path.geo-flow-node").count() == len(m.flow_table.nodes)
    assert page.locator(".geo-title").is_visible()
    legend = page.locator(".geo-legend")
    assert legend.is_visible() and "+ 2 smaller flows" in legend.inner_text()
    # the arrowhead marker resolves: Chromium reports the computed marker on the path
    marker = page.evaluate("getComputedStyle(document.querySelector('path.geo-flow')).markerEnd")
    assert "geo-head" in marker
    page.close()


def test_tooltip_shows_text_not_markup(browser, tmp_path):
    df = MOVES.copy()
    df["month"] = "<img src=x onerror=alert(1)>"
    from geo.render.base import save_html
    from geo.render.flows import flows

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = flows(df, origin="from", destination="to", value="n", period="month", created="2026-01-01")
    path = tmp_path / "hostile.html"
    save_html(m, path)
    page, errors, _ = open_map(browser, path)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    # the one period's name is shown beside the slider as text
    assert page.locator(".geo-timeline output").inner_text() == "<img src=x onerror=alert(1)>"
    # hover the middle of the largest arrow (drawn last), away from the circles at its ends
    x, y = page.evaluate(
        """() => { const paths = document.querySelectorAll("path.geo-flow"), p = paths[paths.length - 1];
        const pt = p.getPointAtLength(p.getTotalLength() / 2).matrixTransform(p.getScreenCTM());
        return [pt.x, pt.y]; }"""
    )
    page.mouse.move(x, y)
    page.wait_for_timeout(200)
    tip = page.locator(".leaflet-tooltip").first
    assert "<img src=x onerror=alert(1)>" in tip.inner_text()
    assert page.locator(".leaflet-tooltip img").count() == 0
    assert page.locator(".geo-timeline img").count() == 0
    assert dialogs == [] and errors == []
    page.close()
