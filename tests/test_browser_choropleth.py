"""The choropleth in headless Chromium with every network request aborted: it draws, and logs no error."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

pytestmark = pytest.mark.browser

OUTPUT = Path(__file__).parent / "output"
EVIL = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def map_file(tmp_path_factory) -> tuple[Path, object]:
    from geo.render.base import save_html
    from geo.render.choropleth import choropleth

    df = pd.DataFrame(
        {
            "gov": ["Idlib", "Aleppo", "Damascus", "Hama", "Homs", "Lattakia", "Ar-Raqqa", "Deir-ez-Zor",
                    "Al-Hasakeh", "Rural Damascus", "Dar'a", EVIL],
            "idps": [520000, 120000, 0, 45000, 30000, 8000, 60000, 20000, 50000, 15000, 4000, 3],
        }
    )  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = choropleth(df, "idps", place="gov", title="IDPs by governorate", subtitle=EVIL, source="OCHA",
                       as_of="2026-01-15", created="2026-01-20", tiles="OpenStreetMap.HOT")  # fmt: skip
    path = tmp_path_factory.mktemp("maps") / "choropleth.html"
    save_html(m, path)
    return path, m


def test_draws_offline_without_errors(browser, map_file):
    path, m = map_file
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors, blocked, dialogs = [], [], []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_selector("path.geo-data")
    page.wait_for_function("!document.querySelector('.leaflet-zoom-anim')")
    page.wait_for_timeout(300)
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "choropleth.png"))

    with_data = int((m.joined["class"] >= 0).sum())
    assert page.locator("path.leaflet-interactive.geo-data").count() == with_data == 11
    assert page.locator("path.leaflet-interactive.geo-nodata").count() == len(m.joined) - with_data
    assert page.locator(".geo-legend").is_visible() and "No data" in page.locator(".geo-legend").inner_text()
    assert page.locator(".geo-title h1").inner_text() == "IDPs by governorate"
    assert page.locator(".geo-title p").inner_text() == EVIL  # shown as text
    assert page.locator(".geo-footer").is_visible() and "United Nations" in page.locator(".geo-footer").inner_text()
    assert page.locator(".leaflet-control-scale").is_visible()
    assert page.locator(".geo-label.city").count() > 3
    # only the optional web tiles were asked for, and refused; nothing else reaches for the network
    assert all("openstreetmap.fr" in url for url in blocked)
    assert not dialogs
    assert [e for e in errors if "net::ERR_FAILED" not in e] == []

    page.locator("path.geo-data").first.hover()
    assert "Rank" in page.locator(".leaflet-tooltip").inner_text()
    page.close()
