"""The furniture of a humanitarian map: title block, legend, footer and scale bar.

Each piece is one small branca element with its own template. The boxes are
written into the page as HTML (every user string through Jinja's ``|e``) and
moved into a Leaflet control corner by a line of script, so they never overlap
the zoom buttons or each other.

>>> import folium
>>> m = folium.Map(tiles=None)
>>> _ = TitleBlock("<img src=x onerror=alert(1)>").add_to(m)
>>> "&lt;img src=x" in m.get_root().render()
True
"""

from __future__ import annotations

import datetime as _dt
import functools

from branca.element import Element
from jinja2 import Template

from geo.render.element import LiteralMacro
from geo.render.vector import map_of

DEFAULT_DISCLAIMER = (
    "The boundaries and names shown and the designations used on this map "
    "do not imply official endorsement or acceptance by the United Nations."
)

_BOX_CSS = """
<style>
.geo-box{background:rgba(255,255,255,.92);padding:6px 9px;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.3);
font:12px/1.35 "Helvetica Neue",Arial,Helvetica,sans-serif;color:#222;max-width:360px}
.geo-title h1{font-size:17px;margin:0;line-height:1.25;display:-webkit-box;-webkit-box-orient:vertical;
-webkit-line-clamp:4;overflow:hidden}.geo-title p{margin:2px 0 0;font-size:13px;color:#444}
.geo-box summary{font-weight:bold;cursor:pointer}.geo-legend[open] summary{margin-bottom:3px}
.geo-legend{max-height:calc(100vh - 170px);overflow:auto}
.geo-legend .row{display:flex;align-items:center;margin:2px 0}
.geo-legend i{display:inline-block;width:18px;height:12px;margin-right:6px;border:1px solid #888;flex:none}
.geo-legend i.nodata{background-image:repeating-linear-gradient(45deg,#999 0 1px,transparent 1px 4px)}
.geo-legend i.line{border:0;height:auto;align-self:center}
.geo-legend i.circle{border-radius:50%}
.geo-legend .note{margin-top:4px;color:#555;font-size:11px}
.geo-footer{font-size:10.5px;max-width:520px}.geo-footer p{margin:0}.geo-footer summary{display:none}
@media (max-width:600px),(max-height:500px){
.geo-box{font-size:11px;padding:4px 7px;max-width:calc(100vw - 90px)}
.geo-title h1{font-size:14px;-webkit-line-clamp:3}.geo-title p{font-size:11px}
.geo-legend{max-height:45vh}.geo-footer{font-size:9.5px;max-width:calc(100vw - 110px)}
.geo-footer summary{display:list-item;font-weight:normal}
}
</style>
"""

# On a small screen (a phone, a narrow embed) collapsible boxes start closed, and may move to another corner.
_CONTROL_JS = """
(function() {
    var box = document.getElementById({{ this.get_name()|tojson }});
    var small = window.matchMedia && window.matchMedia("(max-width: 600px), (max-height: 500px)").matches;
    var control = L.control({position: small && {{ this.small_position|tojson }} || {{ this.position|tojson }}});
    control.onAdd = function() {
        box.style.display = "";
        if (small && box.tagName === "DETAILS") box.open = false;
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
    };
    control.addTo({{ this.map_name() }});
})();
"""


def format_date(value) -> str:
    """ISO text for a date, datetime or string ('' for None)."""
    if value is None:
        return ""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


@functools.cache
def _box_template(body: str, behaviour: str) -> Template:
    """One compiled template per kind of box: compiling it again for every box of every map cost ~10 ms each."""
    return Template(
        "{% macro html(this, kwargs) %}" + body + "{% endmacro %}"
        "{% macro script(this, kwargs) %}" + _CONTROL_JS + behaviour + "{% endmacro %}"
    )


class _Box(LiteralMacro):
    """An HTML box placed in a Leaflet control corner; ``behaviour`` is script run after it is placed.

    A box written as ``<details open>`` starts closed on a small screen, in ``small_position`` if set.
    """

    position = "topleft"
    small_position = ""
    body = ""
    behaviour = ""

    def __init__(self, position: str | None = None):
        super().__init__()
        if position:
            self.position = position
        self._template = _box_template(self.body, self.behaviour)

    def render(self, **kwargs):
        # The shared CSS goes into the page once, however many boxes there are.
        header = self.get_root().header
        if "geo_box_css" not in header._children:
            header.add_child(Element(_BOX_CSS), name="geo_box_css")
        super().render(**kwargs)

    def map_name(self) -> str:
        return map_of(self).get_name()


class TitleBlock(_Box):
    """Title and optional subtitle (period, 'as of' date), top left; a long title is cut after a few lines on the
    map (the whole of it shows on hover, and is the page's title)."""

    body = """<div id="{{ this.get_name() }}" class="geo-box geo-title" style="display:none">
<h1 title="{{ this.title|e }}">{{ this.title|e }}</h1>{% if this.subtitle %}<p>{{ this.subtitle|e }}</p>{% endif %}
</div>"""

    def __init__(self, title: str, subtitle: str | None = None, position: str = "topleft"):
        super().__init__(position)
        self._name = "TitleBlock"
        self.title = title or ""
        self.subtitle = subtitle or ""


class Legend(_Box):
    """A legend: a title (with units) and rows of swatches, folded away on a small screen (a tap opens it).

    ``rows`` are dicts: ``{"color": "#fd8d3c", "label": "1,000 – 5,000"}`` and
    optionally ``"shape"``: ``"box"`` (default), ``"nodata"`` (grey, hatched),
    ``"line"`` (with ``"width"`` in px) or ``"circle"`` (with ``"size"`` in px).
    """

    body = """<details id="{{ this.get_name() }}" class="geo-box geo-legend" style="display:none" open>
<summary>{{ this.title|e if this.title else "Legend" }}</summary>
{%- for row in this.rows %}
<div class="row">
{%- set shape = row.get("shape", "box") -%}
{%- if shape == "line" -%}
{%- set w = row.get('width', 3)|float -%}
<i class="line" style="background:{{ row.color|e }};height:{{ w|int }}px" data-w="{{ w }}"></i>
{%- elif shape == "circle" -%}
{%- set size = row.get('size', 10)|int -%}
<i class="circle" style="background:{{ row.color|e }};width:{{ size }}px;height:{{ size }}px"></i>
{%- else -%}
<i class="{{ 'nodata' if shape == 'nodata' else 'box' }}" style="background-color:{{ row.color|e }}"></i>
{%- endif -%}
<span>{{ row.label|e }}</span></div>
{%- endfor %}
{% if this.note %}<div class="note">{{ this.note|e }}</div>{% endif %}</details>"""

    def __init__(
        self, title: str, rows: list[dict], note: str | None = None, position: str = "topright",
        small_position: str = "bottomright",
    ):  # fmt: skip
        super().__init__(position)
        self._name = "Legend"
        self.small_position = small_position
        self.title = title or ""
        self.rows = [dict(r) for r in rows]
        self.note = note or ""


class Footer(_Box):
    """Source and its date, the map's creation date, and the disclaimer, bottom left (folded on a small screen)."""

    body = """<details id="{{ this.get_name() }}" class="geo-box geo-footer" style="display:none" open>
<summary>Source, dates and disclaimer</summary>
{%- if this.source or this.as_of %}<p>{% if this.source %}Source: {{ this.source|e }}{% endif %}
{%- if this.as_of %}{% if this.source %}; {% endif %}data as of {{ this.as_of|e }}{% endif %}.</p>{% endif %}
{%- if this.created %}<p>Map created {{ this.created|e }} with geo.</p>{% endif %}
{%- if this.disclaimer %}<p>{{ this.disclaimer|e }}</p>{% endif %}</details>"""

    def __init__(
        self,
        source: str | None = None,
        as_of=None,
        created=None,
        disclaimer: str | None = DEFAULT_DISCLAIMER,
        position: str = "bottomleft",
    ):
        super().__init__(position)
        self._name = "Footer"
        self.source = source or ""
        self.as_of = format_date(as_of)
        self.created = format_date(created)
        self.disclaimer = disclaimer or ""


class ScaleBar(LiteralMacro):
    """Leaflet's metric scale bar."""

    _template = Template(
        """{% macro script(this, kwargs) %}
L.control.scale({position: {{ this.position|tojson }}, imperial: false, maxWidth: 150}).addTo({{ this.map_name() }});
{% endmacro %}"""
    )

    def __init__(self, position: str = "bottomleft"):
        super().__init__()
        self._name = "ScaleBar"
        self.position = position

    def map_name(self) -> str:
        return map_of(self).get_name()
