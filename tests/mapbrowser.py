"""Helpers for the browser tests that drive a map as a reader would: open it offline, wait, measure.

Used by the ``test_browser_*.py`` modules; their ``browser`` fixture (``conftest.py``) launches Debian's
Chromium with :func:`launch` (skipped without it).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
OUTPUT = Path(__file__).parent / "output"

# the map object of a geo page (folium names it map_<id>)
MAP = "window[Object.keys(window).find(k => k.startsWith('map_'))]"


def launch(playwright):
    exe = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if not exe:
        pytest.skip("needs Debian's chromium: apt-get install -y chromium")
    return playwright.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu"])


def open_offline(browser, path: Path, drawn: str):
    """Open a map with every request but its own file aborted and wait for ``drawn`` (a CSS selector) and for
    the opening zoom to settle: (page, console errors, every URL requested)."""
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors, requests = [], []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def route(r):
        requests.append(r.request.url)
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_selector(drawn)
    # fitting the bounds animates a zoom; screenshots and hovers want the settled map
    page.wait_for_function("!document.querySelector('.leaflet-zoom-anim')")
    page.wait_for_timeout(400)
    return page, errors, requests


class Reader:
    """A page with the network cut off, the errors and blocked requests it logged, and a few measurements."""

    def __init__(self, browser, path: Path, width: int = 1200, height: int = 900):
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri())
        self.page.wait_for_function(f"{MAP} && {MAP}.geoZoom0 !== undefined")
        self.settle()

    def _route(self, route):
        if route.request.url.startswith(("file://", "data:")):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def js(self, body: str):
        """Evaluate ``body`` (statements ending in a return) with ``m`` the Leaflet map."""
        return self.page.evaluate(f"(() => {{ const m = {MAP}; {body} }})()")

    def settle(self) -> None:
        """Wait for zoom animations to end and the labels to be laid out again (two animation frames)."""
        self.page.wait_for_function("!document.querySelector('.leaflet-zoom-anim')")
        self.page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        self.page.wait_for_timeout(60)

    def zoom(self) -> float:
        return self.js("return m.getZoom();")

    def click_zoom(self, direction: str) -> bool:
        """Click the + or − button as a reader would; False when it is disabled (the limit is reached)."""
        button = self.page.locator(f"a.leaflet-control-zoom-{direction}")
        if "leaflet-disabled" in (button.get_attribute("class") or ""):
            return False
        self.js("window.geoZoomed = new Promise(r => m.once('zoomend', () => r(0))); return 0;")
        button.click()
        self.page.evaluate("window.geoZoomed")  # the animation starts a frame after the click: wait for its end
        self.settle()
        return True

    def arrow_tips(self) -> list[str]:
        """The tooltip of every arrow on the map now (Leaflet's own list of layers shown)."""
        return self.js(
            """const out = [];
            m.eachLayer(l => { if (l instanceof L.Polyline && !(l instanceof L.Polygon) && l.getTooltip()
                && l.options.className && l.options.className.startsWith("geo-flow")) {
                out.push(l.getTooltip().getContent().textContent); } });
            return out.sort();"""
        )

    def visible_labels(self) -> list[dict]:
        """Every label a reader sees: its text, kind and box on screen (hidden and off-screen ones left out)."""
        return self.js(
            """const box = m.getContainer().getBoundingClientRect();
            return Array.from(m.getContainer().querySelectorAll(".geo-label")).filter(e => {
                const r = e.getBoundingClientRect();
                return getComputedStyle(e).visibility !== "hidden" && r.width > 0 && r.right > box.left
                    && r.left < box.right && r.bottom > box.top && r.top < box.bottom;
            }).map(e => { const r = e.getBoundingClientRect();
                return {text: e.textContent, kind: e.className.split(" ")[1],
                        x0: r.left, y0: r.top, x1: r.right, y1: r.bottom}; });"""
        )

    def panels(self) -> list[dict]:
        """The boxes of the map's panels (title, legend, slider, footer, zoom buttons) on screen."""
        return self.js(
            """return Array.from(m.getContainer().querySelectorAll(".geo-box, .leaflet-control-zoom"))
                .filter(e => e.offsetWidth).map(e => { const r = e.getBoundingClientRect();
                return {cls: e.className, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom}; });"""
        )

    def stroke_widths(self) -> list[float]:
        """The width of every arrow drawn, as the page has it now."""
        return self.js(
            "return Array.from(document.querySelectorAll('path.geo-flow')).map(p => +p.getAttribute('stroke-width'));"
        )

    def drag_slider(self, index: int, steps: int = 8) -> None:
        """Drag the time slider's thumb, with the mouse, from where it is to position ``index``."""
        slider = self.page.locator(".geo-timeline input")
        box, count = slider.bounding_box(), int(slider.get_attribute("max")) + 1
        thumb = 8  # half of Chromium's range thumb

        def x(i):
            return box["x"] + thumb + i / (count - 1) * (box["width"] - 2 * thumb)

        y = box["y"] + box["height"] / 2
        self.page.mouse.move(x(int(slider.input_value())), y)
        self.page.mouse.down()
        self.page.mouse.move(x(index), y, steps=steps)
        self.page.mouse.up()
        self.settle()

    def period(self) -> str:
        """The period the slider shows now, as written beside it."""
        return self.page.locator(".geo-timeline output").inner_text()

    def close(self) -> None:
        self.page.close()


def shared(a: dict, b: dict) -> float:
    """The area two boxes share, in square pixels."""
    return max(0, min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])) * max(0, min(a["y1"], b["y1"]) - max(a["y0"], b["y0"]))


def overlapping(boxes: list[dict], gap: float = 0.5) -> list[tuple]:
    """Pairs of boxes that overlap by more than ``gap`` pixels each way."""
    out = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if (
                min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]) > gap
                and min(a["y1"], b["y1"]) - max(a["y0"], b["y0"]) > gap
            ):
                out.append((a.get("text", a.get("cls")), b.get("text", b.get("cls"))))
    return out
