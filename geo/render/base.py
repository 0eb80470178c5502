"""A new humanitarian map, and saving it as one self-contained, reproducible HTML file.

>>> m = new_map((35.6, 32.3, 42.4, 37.4), title="IDPs by governorate", created="2026-01-01")
>>> html = render_html(m)
>>> html == render_html(m), external_refs(html)
(True, [])
"""

from __future__ import annotations

import datetime as _dt
import html as _html
import os
from collections.abc import Iterable

import folium

from geo.render.assets import external_refs, make_offline
from geo.render.basemap import add_basemap, add_tiles, cover_box
from geo.render.layout import DEFAULT_DISCLAIMER, Footer, ScaleBar, TitleBlock
from geo.render.view import FitView

__all__ = ["DEFAULT_DISCLAIMER", "new_map", "render_html", "save_html", "to_embed", "external_refs"]


def new_map(
    bounds,
    *,
    title: str,
    subtitle: str | None = None,
    source: str | None = None,
    as_of=None,
    created=None,
    disclaimer: str | None = DEFAULT_DISCLAIMER,
    tiles: str | None = None,
    data_countries: Iterable[str] = (),
    skip_names: Iterable[str] = (),
    basemap_bounds=None,
) -> folium.Map:
    """A map fitted to ``bounds`` (west, south, east, north) with the offline basemap, title, footer and scale.

    The basemap reaches well beyond ``bounds`` and the reader can zoom and pan as far as it goes
    (:class:`geo.render.view.FitView`), no further.

    ``created`` defaults to today (pass a date for reproducible files); ``disclaimer=None``
    leaves it out; ``tiles`` is an xyzservices name drawn above the basemap when online.
    ``data_countries`` (ISO codes) are the countries the data covers: not named, no basemap admin-1
    lines; towns named like ``skip_names`` (areas the map labels itself) are not labelled.
    ``basemap_bounds`` (default ``bounds``) is the extent the basemap is drawn for, when the window
    will show more than the data (a small extent opens at a zoom that shows up to twice as much).
    The map is already offline-ready, so it shows inline in Jupyter without the network.
    """
    west, south, east, north = (float(v) for v in bounds)
    m = folium.Map(
        location=[(south + north) / 2, (west + east) / 2],
        zoom_start=7,
        tiles=None,
        zoom_control="topright",
        prefer_canvas=False,
        control_scale=False,
    )
    m.get_root().title = _html.escape(title or "")
    drawn = (west, south, east, north) if basemap_bounds is None else tuple(float(v) for v in basemap_bounds)
    near = cover_box((west, south, east, north))  # how far zoom and pan may go: at least all that is drawn
    reach = (min(near[0], drawn[0]), min(near[1], drawn[1]), max(near[2], drawn[2]), max(near[3], drawn[3]))
    add_basemap(m, drawn, data_countries, skip_names, reach=reach)
    if tiles:
        add_tiles(m, tiles)
    TitleBlock(title, subtitle).add_to(m)
    # bottom-left stacks upwards: the footer first, then the scale bar above it
    Footer(source, as_of, created if created is not None else _dt.date.today(), disclaimer).add_to(m)
    ScaleBar().add_to(m)
    # clear of the title block (top left) and the footer (bottom left), measured once every panel is there
    FitView((west, south, east, north), reach).add_to(m)
    return make_offline(m)


def _stable_ids(m: folium.Map) -> None:
    """Replace folium's random element ids with their order in the tree, so the same map writes the same bytes."""
    stack = [m.get_root()]
    i = 0
    while stack:
        element = stack.pop()
        element._id = f"{i:03d}"
        i += 1
        stack.extend(reversed(list(element._children.values())))


# Keys that geo's elements add to the page on every render (once per page).
RENDER_KEYS = {"geo_decoder", "geo_box_css", "geo_labels", "geo_flow_defs", "geo_flow_markers", "geo_timeline_css"}


def _clear_rendered(m: folium.Map) -> None:
    """Drop what an earlier render (a Jupyter display, a first save) left in the page's header, body and script.

    Rendering files each element's pieces under the element's name; those are written again on the
    next render, in tree order, so leaving the old ones would reorder (or duplicate) them.
    """
    from folium.elements import ElementAddToElement

    root = m.get_root()
    names = set(RENDER_KEYS)
    stack = [root]
    while stack:
        element = stack.pop()
        names.add(element.get_name())
        for key, child in list(element._children.items()):
            if isinstance(child, ElementAddToElement):  # folium's Layer.render adds one each time
                del element._children[key]
        stack.extend(element._children.values())
    for part in ("header", "html", "script"):
        children = getattr(root, part)._children
        for key in [k for k in children if k in names or k.startswith("macro_element_")]:
            del children[key]


def render_html(m: folium.Map) -> str:
    """The whole page as text: offline (dependencies inlined) and deterministic (stable ids)."""
    make_offline(m)
    _clear_rendered(m)
    _stable_ids(m)
    html = m.get_root().render()
    leftover = external_refs(html)
    if leftover:  # pragma: no cover - make_offline refuses unknown dependencies first
        raise RuntimeError(f"map still loads from the network: {leftover[:3]}")
    return html


def save_html(m: folium.Map, path: str | os.PathLike) -> None:
    """Write the map as one self-contained HTML file, atomically."""
    from geo.io import write_text

    write_text(path, render_html(m))


def to_embed(m: folium.Map, height: str = "600px") -> str:
    """An HTML fragment to paste into a page: the map in an ``iframe`` whose ``srcdoc`` holds the whole file."""
    page = _html.escape(render_html(m), quote=True)
    return (
        f'<div class="geo-map" style="width:100%;height:{_html.escape(height)}">'
        f'<iframe srcdoc="{page}" style="width:100%;height:100%;border:0" '
        f'sandbox="allow-scripts allow-popups" loading="lazy" title="{m.get_root().title}"></iframe></div>\n'
    )
