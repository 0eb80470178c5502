"""Inline every JS/CSS dependency of a map from installed packages, so one HTML file works offline.

Folium elements declare their dependencies as data (``default_js = [(name, url)]``).
:func:`make_offline` rewrites those declarations in one place: each known name is
replaced by the file's text from an installed package (Leaflet from ``xstatic-leaflet``),
folium's optional extras that our maps never use (jQuery, Bootstrap, Font Awesome,
awesome-markers) are dropped, and anything else is an error rather than a silent
network request.

>>> import folium
>>> m = make_offline(folium.Map(tiles=None))
>>> external_refs(m.get_root().render())
[]
"""

from __future__ import annotations

import base64
import functools
import re
from pathlib import Path

from geo.errors import MissingDependencyError

# Folium's default dependencies that geo's maps do not need: its Bootstrap/jQuery
# widgets and marker icon fonts. Dropping them keeps the file small and offline.
DROPPED = frozenset(
    {
        "jquery",
        "bootstrap",
        "bootstrap_css",
        "glyphicons_css",
        "awesome_markers",
        "awesome_markers_css",
        "awesome_markers_font_css",
        "awesome_rotate_css",
    }
)


def _leaflet_dir() -> Path:
    try:
        import xstatic.pkg.leaflet as xleaflet
    except ImportError:  # pragma: no cover - a declared dependency
        raise MissingDependencyError(
            "offline maps need the 'xstatic-leaflet' package: pip install xstatic-leaflet"
        ) from None
    return Path(xleaflet.BASE_DIR)


@functools.cache
def leaflet_js() -> str:
    """Leaflet's minified JavaScript, from the installed ``xstatic-leaflet``."""
    return (_leaflet_dir() / "leaflet.js").read_text(encoding="utf-8")


@functools.cache
def leaflet_css() -> str:
    """Leaflet's CSS with its images inlined as data URIs (relative URLs would break offline)."""
    folder = _leaflet_dir()

    def inline(match: re.Match) -> str:
        image = folder / match.group(1)
        data = base64.b64encode(image.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    return re.sub(r"url\((images/[\w.-]+\.png)\)", inline, (folder / "leaflet.css").read_text(encoding="utf-8"))


# name → loader of the text to inline. Other renderers may register more (e.g. a plugin from a package).
JS: dict[str, callable] = {"leaflet": leaflet_js}
CSS: dict[str, callable] = {"leaflet_css": leaflet_css}


def _elements(root):
    """Every element under ``root`` (a Figure's header, html and script included), depth first."""
    stack = [root]
    while stack:
        element = stack.pop()
        yield element
        children = list(getattr(element, "_children", {}).values())
        for part in ("script", "html", "header"):
            sub = getattr(element, part, None)
            if sub is not None and hasattr(sub, "_children"):
                children.insert(0, sub)
        stack.extend(reversed(children))


def _resolve(kind: str, name: str, url: str, registry: dict) -> str | None:
    if name in DROPPED:
        return None
    if name in registry:
        return name
    raise MissingDependencyError(
        f"map element needs {kind} {name!r} from {url}, which geo cannot inline offline; "
        f"register a loader in geo.render.assets.{kind.upper()} or drop the element"
    )


def make_offline(m):
    """Inline the map's declared JS/CSS (once each) and drop its remote links; returns ``m``.

    Safe to call again after adding elements: only new declarations are processed.
    """
    from branca.element import Element

    root = m.get_root()
    done: dict = root.__dict__.setdefault("_geo_inlined", {"js": [], "css": []})
    for element in list(_elements(root)):
        for kind, attr, registry in (("js", "default_js", JS), ("css", "default_css", CSS)):
            declared = getattr(element, attr, None)
            if not declared:
                continue
            for name, url in declared:
                kept = _resolve(kind, name, url, registry)
                if kept and kept not in done[kind]:
                    done[kind].append(kept)
                    tag = "script" if kind == "js" else "style"
                    root.header.add_child(Element(f"<{tag}>{registry[kept]()}</{tag}>"), name=f"geo_inline_{kept}")
            setattr(element, attr, [])  # an instance attribute: the class keeps its declaration
    return m


_EXTERNAL = re.compile(r"<(?:script|link|img|iframe)\b[^>]*?\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//[^\"'\s>]*", re.I)


def external_refs(html: str) -> list[str]:
    """Tags in ``html`` that would fetch from the network (scripts, stylesheets, images, frames)."""
    return _EXTERNAL.findall(html)
