"""The opening view of a web map, and where a reader can go from it.

:class:`FitView` fits the data into the part of the window the panels leave free (it measures the
title block and footer once they are on the page, so a long title or a phone screen is allowed for),
then bounds zoom and pan to what the offline basemap holds: zooming out stops before the land ends,
panning stops at its edge, and zooming in stops :data:`ZOOM_IN` levels past the opening view, where
the simplified shapes would start to show their corners. Zoom levels snap to quarters, so the data
fills the window and zooming out can stop exactly where the land does.

Elements that draw in screen pixels (arrow widths, circles) read ``map.geoZoom0``, the opening zoom,
and the map fires ``geoview`` when it is set.

>>> import folium
>>> m = folium.Map(tiles=None)
>>> _ = FitView((35.6, 32.3, 42.4, 37.4), (25.4, 23.7, 52.6, 46.0)).add_to(m)
>>> "setMaxBounds" in m.get_root().render()
True
"""

from __future__ import annotations

from jinja2 import Template

from geo.render.element import LiteralMacro
from geo.render.vector import map_of, safe_json

ZOOM_IN = 4  # zoom levels past the opening view; the data is simplified for the opening view
GAP = 10  # px between the data and the panels (and the window's edge)
SNAP = 0.25  # zoom levels snap to quarters (buttons and keys still step by one)


class FitView(LiteralMacro):
    """Fit ``bounds`` clear of the panels, then keep zoom and pan inside ``cover`` (both west, south, east, north).

    It runs once the page's script has added every panel (a timeout of 0), and again when the window
    changes size: the zoom limits depend on the window, the opening view does not move.
    """

    _template = Template(
        """{% macro script(this, kwargs) %}
(function() {
    var m = {{ this.map_name() }}, v = {{ this.data_json }};
    var data = L.latLngBounds([v.b[1], v.b[0]], [v.b[3], v.b[2]]);
    var cover = L.latLngBounds([v.c[1], v.c[0]], [v.c[3], v.c[2]]);
    function reserve() {
        // each corner's panels are kept clear by a margin on the side that costs the map least: a wide, short
        // box (the title) takes a band at the top, a tall, narrow one (a long legend) a band at the side
        var size = m.getSize(), pad = {top: v.g, bottom: v.g, left: v.g, right: v.g};
        ["top", "bottom"].forEach(function(y) {
            ["left", "right"].forEach(function(x) {
                var c = m.getContainer().querySelector(".leaflet-" + y + ".leaflet-" + x);
                if (!c || !c.offsetHeight) return;
                var h = c.offsetHeight + v.g, w = c.offsetWidth + v.g;
                if (h * size.x <= w * size.y) pad[y] = Math.max(pad[y], h);
                else pad[x] = Math.max(pad[x], w);
            });
        });
        var tall = Math.max(1, (pad.top + pad.bottom) / (0.6 * size.y));  // margins never take more than 60 %
        var wide = Math.max(1, (pad.left + pad.right) / (0.6 * size.x));
        return [[pad.left / wide, pad.top / tall], [pad.right / wide, pad.bottom / tall]];
    }
    function limit() {
        // out: no further than where the window still lies inside the basemap; in: ZOOM_IN past the opening
        m.setMinZoom(Math.min(m.geoZoom0, m.getBoundsZoom(cover, true)));
        m.setMaxZoom(m.geoZoom0 + v.z);
    }
    function fit() {
        m.options.zoomSnap = v.s;  // quarter levels: the data fills the window, and zooming out stops where land ends
        var pad = reserve();
        m.fitBounds(data, {paddingTopLeft: pad[0], paddingBottomRight: pad[1], animate: false});
        m.geoZoom0 = m.getZoom();
        m.options.maxBoundsViscosity = 1;
        m.setMaxBounds(cover);
        limit();
        m.on("resize", limit);
        m.fire("geoview", {zoom: m.geoZoom0});
    }
    setTimeout(fit, 0);
})();
{% endmacro %}"""
    )

    def __init__(self, bounds, cover, zoom_in: int = ZOOM_IN, gap: int = GAP):
        super().__init__()
        self._name = "FitView"
        b = [round(float(x), 5) for x in bounds]
        c = [round(float(x), 5) for x in cover]
        self.data_json = safe_json({"b": b, "c": c, "z": int(zoom_in), "g": int(gap), "s": SNAP})

    def map_name(self) -> str:
        return map_of(self).get_name()
