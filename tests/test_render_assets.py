from __future__ import annotations

import folium
import pytest
from branca.element import MacroElement

from geo.errors import MissingDependencyError
from geo.render.assets import external_refs, leaflet_css, leaflet_js, make_offline


def test_leaflet_is_inlined_and_cdn_links_dropped():
    m = make_offline(folium.Map(tiles=None))
    html = m.get_root().render()
    assert external_refs(html) == []
    assert leaflet_js()[:200] in html
    assert "jquery" not in html.lower() and "bootstrap" not in html.lower()
    assert "url(images/" not in leaflet_css()  # images inlined as data URIs


def test_make_offline_twice_inlines_once():
    m = make_offline(make_offline(folium.Map(tiles=None)))
    assert m.get_root().render().count(leaflet_js()[:200]) == 1


def test_unknown_remote_dependency_is_refused():
    class Plugin(MacroElement):
        default_js = [("mystery", "https://cdn.example.org/mystery.js")]

    m = folium.Map(tiles=None)
    Plugin().add_to(m)
    with pytest.raises(MissingDependencyError, match="mystery"):
        make_offline(m)


def test_external_refs_finds_scripts_links_and_images():
    html = (
        '<script src="https://x.org/a.js"></script><link rel="stylesheet" href="//x.org/b.css">'
        "<img src='http://x.org/c.png'><script>var u = 'https://tiles/{z}';</script>"
    )
    assert len(external_refs(html)) == 3
