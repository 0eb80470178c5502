"""Place mentions in running text: the :class:`Place` record and the :class:`PlaceFinder` that finds them."""

from __future__ import annotations

from geo.extract.places.finder import PlaceFinder
from geo.extract.places.record import Place

__all__ = ["Place", "PlaceFinder"]
