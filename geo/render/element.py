"""Page elements whose rendered text is never parsed again as a template.

branca's ``MacroElement.render`` wraps the output of each macro in a new
``Element(text)``, and ``Element`` compiles its text as a Jinja template. So a
place name, title or layer name holding ``{{ ... }}`` or ``{% ... %}`` would
be evaluated while the map is saved (template injection on the machine that
makes the map) or would break the save. Every geo element renders through
:class:`LiteralMacro`, which puts the macro output into the page as it is.

>>> import folium
>>> from geo.render.layout import TitleBlock
>>> m = folium.Map(tiles=None)
>>> _ = TitleBlock("{{ 7*7 }} {% raw %}").add_to(m)
>>> "{{ 7*7 }} {% raw %}" in m.get_root().render()
True
"""

from __future__ import annotations

import folium
from branca.element import Element, MacroElement


class Literal(Element):
    """Text placed in the page verbatim."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class LiteralMacro(MacroElement):
    """A ``MacroElement`` whose header, html and script output is not re-parsed as a template."""

    def render(self, **kwargs):
        figure = self.get_root()
        for part, target in (("header", figure.header), ("html", figure.html), ("script", figure.script)):
            macro = self._template.module.__dict__.get(part)
            if macro is not None:
                target.add_child(Literal(macro(self, kwargs)), name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)


class LayerControl(folium.LayerControl, LiteralMacro):
    """folium's layers control (which gathers the layers, then renders through LiteralMacro), safe for
    layer names that come from the data."""
