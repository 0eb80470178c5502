"""Place mentions in running text: the :class:`Place` record and the :class:`PlaceFinder` that finds them."""

from __future__ import annotations

from geo.extract.places.finder import Place, PlaceFinder

__all__ = ["Place", "PlaceFinder"]
