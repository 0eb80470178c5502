"""Rendering: figures joined to areas or flows → maps that open anywhere, offline.

Shared pieces, used by every kind of map:

* :mod:`geo.render.assets` inlines Leaflet (and any JS/CSS a map declares) from installed packages;
* :mod:`geo.render.layout` holds the title block, legend, footer and scale bar elements;
* :mod:`geo.render.vector` turns GeoDataFrames into compact, escaped GeoJSON layers;
* :mod:`geo.render.basemap` draws the offline vector basemap (optional web tiles on top);
* :mod:`geo.render.base` makes a new map and saves it (stable ids, one self-contained file);
* :mod:`geo.render.static` is the matplotlib twin for PNG, SVG and PDF.

Maps themselves: :mod:`geo.render.choropleth` (figures by area), ``geo.render.flows`` and
``geo.render.bubbles`` (figures at places; its circles' sizes and legend in ``geo.render.symbols``).
"""
