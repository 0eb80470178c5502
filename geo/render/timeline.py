"""A time slider for any web map: one position per period, the map showing that period and no other.

:class:`Timeline` is one box under the title: an ``<input type="range">`` a reader drags (or steps with
the arrow keys, Home and End once it has focus), the period's name beside it, a play/pause button that
steps through the periods, and a note for the period shown ("no data for Feb 2024"). No library: a
few lines of script written here, so it works offline like the rest of the page.

A map builder hands it the period labels in order and, for each period, the layer that draws it
(a ``folium.FeatureGroup`` added to the map with ``show=False``; ``None`` for a period with nothing to
draw). Moving the slider removes the other periods' layers and adds that one, so two periods are never
drawn on top of each other. Elements that redraw in place instead (a choropleth recolouring its
areas) listen to the map's ``geoperiod`` event, ``{index, period}``, fired on every change and once at
the start. ``map.geoTimeline.show(i)`` moves the slider from script.

Period labels and notes come from the data: they reach the page escaped in the HTML and as JSON set
with ``textContent``, never as markup.

>>> import folium
>>> m = folium.Map(tiles=None)
>>> jan, feb = folium.FeatureGroup(show=False).add_to(m), folium.FeatureGroup(show=False).add_to(m)
>>> _ = Timeline(["Jan <b>", "Feb"], [jan, feb]).add_to(m)
>>> page = m.get_root().render()
>>> 'type="range"' in page and "Jan &lt;b&gt;" in page and "Jan <b>" not in page
True
"""

from __future__ import annotations

from collections.abc import Sequence

from geo.errors import InputError
from geo.render.layout import _Box
from geo.render.vector import safe_json

STEP_MS = 1500  # a period every 1.5 s when playing: long enough to read the map, short enough to see change

_CSS = """<style>
.geo-timeline{min-width:230px}
.geo-timeline .bar{display:flex;align-items:center;gap:8px}
.geo-timeline input{flex:1;min-width:110px;margin:0;accent-color:#444}
.geo-timeline button{flex:none;width:30px;height:26px;padding:0;border:1px solid #999;border-radius:3px;
background:#fff;color:#222;font:13px/1 Arial,Helvetica,sans-serif;cursor:pointer}
.geo-timeline button:focus-visible,.geo-timeline input:focus-visible{outline:2px solid #2563eb;outline-offset:1px}
.geo-timeline .now{margin-top:3px}.geo-timeline output{font-weight:bold;font-size:14px;margin-right:6px}
.geo-timeline .note{color:#555;font-size:11px}
.geo-timeline .ends{display:flex;justify-content:space-between;color:#666;font-size:10px;padding-left:38px}
@media (max-width:600px),(max-height:500px){.geo-box.geo-timeline{min-width:0;max-width:calc(100vw - 40px)}}
</style>"""

PLAY, PAUSE = "\u25b6", "\u275a\u275a"


class Timeline(_Box):
    """A slider over ``periods`` (labels, in order) showing one of ``layers`` (one per period, or None) at a time.

    ``notes`` (one per period, may be empty) are shown under the period's name; ``start`` is the index
    shown first (default: the last, the most recent); ``label`` names the slider for screen readers.
    """

    body = (
        """<div id="{{ this.get_name() }}" class="geo-box geo-timeline" style="display:none" role="group" """
        """aria-label="{{ this.label|e }}">
<div class="bar"><button type="button" class="play" aria-label="Play" title="Play / pause">{{ this.play }}</button>
<input type="range" min="0" max="{{ this.periods|length - 1 }}" step="1" value="{{ this.start }}" """
        """aria-label="{{ this.label|e }}" aria-valuetext="{{ this.periods[this.start]|e }}"></div>
<div class="ends"><span>{{ this.periods[0]|e }}</span><span>{{ this.periods[-1]|e }}</span></div>
<div class="now"><output>{{ this.periods[this.start]|e }}</output>"""
        """<span class="note">{{ this.notes[this.start]|e }}</span></div></div>"""
    )
    behaviour = """
(function() {
    var m = {{ this.map_name() }}, d = {{ this.data_json }};
    var box = document.getElementById({{ this.get_name()|tojson }});
    var layers = [{% for layer in this.layers %}{{ layer.get_name() if layer is not none else "null" }}{{
        ", " if not loop.last }}{% endfor %}];
    var input = box.querySelector("input"), out = box.querySelector("output"), note = box.querySelector(".note");
    var button = box.querySelector("button"), timer = null, now = -1;
    function show(i) {
        i = Math.max(0, Math.min(d.p.length - 1, i));
        layers.forEach(function(l, j) {
            if (l && j !== i && m.hasLayer(l)) m.removeLayer(l);
        });
        if (layers[i] && !m.hasLayer(layers[i])) m.addLayer(layers[i]);
        now = i;
        input.value = i;
        input.setAttribute("aria-valuetext", d.p[i]);
        out.textContent = d.p[i];
        note.textContent = d.n[i];
        m.fire("geoperiod", {index: i, period: d.p[i]});
    }
    function label(playing) {
        button.textContent = playing ? d.pause : d.play;
        button.setAttribute("aria-label", playing ? "Pause" : "Play");
    }
    function stop() {
        if (timer) { clearInterval(timer); timer = null; }
        label(false);
    }
    function play() {
        if (now >= d.p.length - 1) show(0);
        timer = setInterval(function() { if (now >= d.p.length - 1) stop(); else show(now + 1); }, d.ms);
        label(true);
    }
    input.addEventListener("input", function() { stop(); show(+input.value); });
    button.addEventListener("click", function() { if (timer) stop(); else play(); });
    m.geoTimeline = {show: function(i) { stop(); show(i); }, index: function() { return now; }, periods: d.p};
    show(d.s);
})();
"""

    def __init__(
        self,
        periods: Sequence[str],
        layers: Sequence | None = None,
        notes: Sequence[str] | None = None,
        *,
        start: int | None = None,
        label: str = "Period",
        step_ms: int = STEP_MS,
        position: str = "topleft",
    ):
        super().__init__(position)
        self._name = "Timeline"
        self.periods = [str(p) for p in periods]
        if not self.periods:
            raise InputError("a time slider needs at least one period")
        self.layers = list(layers) if layers is not None else [None] * len(self.periods)
        self.notes = [str(n or "") for n in notes] if notes is not None else [""] * len(self.periods)
        if len(self.layers) != len(self.periods) or len(self.notes) != len(self.periods):
            raise ValueError("one layer and one note per period")
        self.start = len(self.periods) - 1 if start is None else int(start)
        if not 0 <= self.start < len(self.periods):
            raise ValueError(f"start {start} is not a period index")
        self.label = label
        self.play = PLAY
        self.data_json = safe_json(
            {"p": self.periods, "n": self.notes, "s": self.start, "ms": int(step_ms), "play": PLAY, "pause": PAUSE}
        )

    def render(self, **kwargs):
        header = self.get_root().header
        if "geo_timeline_css" not in header._children:
            from branca.element import Element

            header.add_child(Element(_CSS), name="geo_timeline_css")
        super().render(**kwargs)


def start_index(periods: Sequence[str], at: str | None) -> int | None:
    """The index of period ``at`` (None: None, the slider's default); an unknown period is an InputError."""
    if at is None:
        return None
    if at not in periods:
        raise InputError(f"no period {at!r}; the periods are: {', '.join(periods[:12])}")
    return list(periods).index(at)
