"""Labels that never print over each other, at any zoom: the data's names first, then countries, then towns.

Every label on a geo map is a ``<span class="geo-label KIND" data-geo-rank=N>`` made by the page's
``geoLabel(text, kind, rank)`` (the text is set with ``textContent``: a name is never read as HTML).
``geoDeclutter(map)`` measures them in the browser after every zoom, pan, period change or layer
change, and shows them greedily by rank: a label that would touch one already shown tries its other
places, else it hides until there is room. ``el.geoPlaces`` lists a label's places, first choice first:
``{set: function(el), dx: function(width)}``, where ``dx`` is how far that place lies from the first
(left of a circle instead of right). The labels are measured in one pass (a layout per label would
make zooming slow).
A map element that adds labels calls :func:`use_labels` when it renders and ``geoDeclutter(map)`` in its
script (both are idempotent). Names a map places by its own script (:data:`FIXED`: the proportional-
symbol map's) are left where they are, and the ranked labels give way to them.

Ranks: :func:`rank` gives the data's labels (place names of flows, area names of choropleths) the top
tier, then country names, then towns; within a tier, the order the element lists them in.

>>> rank("data", 0) > rank("data", 5) > rank("country", 0) > rank("city", 0)
True
"""

from __future__ import annotations

from branca.element import Element

TIERS = {"data": 3, "country": 2, "city": 1}
GAP_PX = 2  # labels closer than this read as one
# Labels that place themselves (the proportional-symbol map's names, geo.render.bubbles): kept as they are.
FIXED = (".geo-bubble-label",)

_SUPPORT = """<style>
.geo-label{position:absolute;white-space:nowrap;font:11px Arial,Helvetica,sans-serif;color:#333;
text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff}
.geo-label.country{font-size:12px;letter-spacing:.12em;text-transform:uppercase;color:#777}
.geo-label.area{font-style:italic;color:#444}
.geo-label.country,.geo-label.area{transform:translate(-50%,-50%)}
.geo-label.city{left:-4px;top:-7px}
.geo-label.city:before{content:"";display:inline-block;width:5px;height:5px;border:1px solid #333;
background:#fff;border-radius:50%;margin-right:3px;vertical-align:middle}
.geo-label.place{font-weight:bold;color:#222;top:-7px}
</style>
<script>
function geoLabel(text, kind, rank) {
    var e = document.createElement("span");
    e.className = "geo-label " + kind;
    e.textContent = text;
    e.setAttribute("data-geo-rank", rank);
    return e;
}
function geoDeclutter(m) {
    if (m.geoDeclutter) return;
    var queued = false, gap = GAP;
    function touch(a, b) {
        return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;
    }
    function run() {
        // one layout for all: every label is put back at its first place, measured once, then the choice is made
        // on those boxes (a label's other places are its box moved by dx) and written back in one pass
        queued = false;
        var labels = Array.prototype.slice.call(m.getContainer().querySelectorAll(".geo-label[data-geo-rank]"));
        labels.sort(function(a, b) { return b.getAttribute("data-geo-rank") - a.getAttribute("data-geo-rank"); });
        labels.forEach(function(el) {
            el.style.visibility = "";
            if (el.geoPlaces) el.geoPlaces[0].set(el);
        });
        var boxes = labels.map(function(el) { return el.getBoundingClientRect(); }), shown = [];
        // names placed by their own map's script stay where they are: the ranked labels give way to them
        m.getContainer().querySelectorAll(FIXED).forEach(function(el) {
            var r = el.getBoundingClientRect();
            if (r.width && el.style.display !== "none") shown.push(r);
        });
        var chosen = labels.map(function(el, k) {
            var r = boxes[k], places = el.geoPlaces || [{dx: function() { return 0; }}];
            if (!r.width) return -1;
            for (var i = 0; i < places.length; i++) {
                var dx = places[i].dx(r.width);
                var c = {left: r.left + dx, right: r.right + dx, top: r.top, bottom: r.bottom};
                if (!shown.some(function(s) { return touch(c, s); })) { shown.push(c); return i; }
            }
            return -1;
        });
        labels.forEach(function(el, k) {
            if (chosen[k] < 0) el.style.visibility = "hidden";
            else if (chosen[k] > 0) el.geoPlaces[chosen[k]].set(el);
        });
    }
    m.geoDeclutter = function() {
        if (!queued) { queued = true; requestAnimationFrame(run); }
    };
    m.on("zoomend moveend viewreset layeradd layerremove resize geoview geoperiod", m.geoDeclutter);
    m.geoDeclutter();
}
</script>"""


def rank(tier: str, index: int) -> int:
    """The rank of the ``index``-th label of a tier ("data", "country" or "city"): higher shows first."""
    return TIERS[tier] * 100_000 - min(index, 99_999)


def use_labels(element) -> None:
    """Put the label CSS, ``geoLabel`` and ``geoDeclutter`` into the page of ``element``, once."""
    header = element.get_root().header
    if "geo_labels" not in header._children:
        support = _SUPPORT.replace("GAP;", f"{GAP_PX};").replace("(FIXED)", f"({', '.join(FIXED)!r})")
        header.add_child(Element(support), name="geo_labels")
