"""The review table of an extraction: one row per figure, movement and otherwise unused place mention.

Rows carry the sentence and character offsets they came from, so a person can
check each one before it reaches a map; :data:`COLUMNS` lists the columns.
"""

from __future__ import annotations

import csv
import io as _io
import os
import sys
from dataclasses import dataclass, field
from datetime import date

from geo.errors import InputError
from geo.extract.figures import Figure
from geo.extract.movements import Movement
from geo.extract.places import Place

SELECTIONS = ("all", "places", "figures", "flows")
COLUMNS = [
    "kind", "place", "lat", "lon", "place_kind", "place_id", "figure", "high", "unit", "what", "qualifier", "per",
    "date_from", "date_to", "origin", "origin_lat", "origin_lon", "destination", "destination_lat",
    "destination_lon", "text", "sentence", "start", "end", "confidence", "note",
]  # fmt: skip


@dataclass(frozen=True)
class Extraction:
    """Everything found in one text: place mentions, figures, movements and the report date used."""

    text: str
    date: date | None
    places: tuple[Place, ...] = ()
    figures: tuple[Figure, ...] = ()
    movements: tuple[Movement, ...] = ()
    sentences: tuple[tuple[int, int], ...] = field(default=(), repr=False)

    @property
    def other_places(self) -> tuple[Place, ...]:
        """Place mentions that no figure or movement row carries (the ``place`` rows of the review table)."""
        used = {(p.start, p.end) for f in self.figures if (p := f.place)}
        used |= {(p.start, p.end) for m in self.movements for p in (m.origin, m.destination) if p}
        return tuple(p for p in self.places if (p.start, p.end) not in used)

    @property
    def flows(self) -> tuple[Movement, ...]:
        """Movements with both ends: what a flow map can draw (those without a figure draw no arrow)."""
        return tuple(m for m in self.movements if m.origin and m.destination)

    def rows(self, select: str = "all") -> list[dict]:
        """One dict per row, with every column of :data:`COLUMNS`.

        ``select``: "all" (figures, movements, then the place mentions neither
        carries); "places" (every place mention, for a map of where the report
        speaks of); "figures" (what a choropleth takes: place, figure); "flows"
        (movements with both ends, for ``geo flows``; those whose figure is
        shared with other pairs, or missing, have an empty figure).
        """
        if select not in SELECTIONS:
            raise InputError(f"rows {select!r}: choose one of {', '.join(SELECTIONS)}")
        items: tuple = {
            "all": self.figures + self.movements + self.other_places,
            "places": self.places,
            "figures": self.figures,
            "flows": self.flows,
        }[select]
        blank = dict.fromkeys(COLUMNS, "")
        return [{**blank, **item.row()} for item in items]

    def to_frame(self, select: str = "all"):
        """The rows as a pandas DataFrame with the columns of :data:`COLUMNS`."""
        import pandas as pd

        return pd.DataFrame(self.rows(select), columns=COLUMNS)

    def to_csv(self, path: str | os.PathLike | None = None, select: str = "all") -> str:
        """The rows as CSV: written atomically to ``path`` ('-' or None: stdout) and returned."""
        from geo.io import write_text

        buf = _io.StringIO()
        writer = csv.DictWriter(buf, COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in self.rows(select):
            writer.writerow({k: _cell(v) for k, v in row.items()})
        out = buf.getvalue()
        if path is None or str(path) == "-":
            sys.stdout.write(out)
        else:
            write_text(path, out)
        return out

    def left_out(self, select: str) -> str:
        """What ``rows(select)`` leaves out, in words ("" when nothing)."""
        parts = []
        if select in ("figures", "places") and self.movements:
            parts.append(_count(len(self.movements), "movement"))
        if select in ("places", "flows") and self.figures:
            parts.append(_count(len(self.figures), "figure"))
        if select == "flows" and len(self.movements) > len(self.flows):
            parts.append(
                _count(len(self.movements) - len(self.flows), "movement") + " with only an origin or a destination"
            )
        if select in ("figures", "flows") and self.other_places:
            parts.append(_count(len(self.other_places), "other place mention"))
        line = f"left out: {', '.join(parts)} (--rows all shows them)" if parts else ""
        no_figure = sum(1 for m in self.flows if m.figure is None)
        if select == "flows" and no_figure:
            line += ("; " if line else "") + f"{no_figure} of {len(self.flows)} flows have no figure of their own"
        return line

    def summary(self) -> str:
        """One line: what was found, and the place mentions the gazetteer could not place."""
        unplaced = list(dict.fromkeys(p.text for p in self.places if not p.placed))
        line = (
            f"{len(self.figures)} figures and {len(self.movements)} movements from {len(self.sentences)} sentences; "
            f"{sum(p.placed for p in self.places)} of {len(self.places)} place mentions placed"
        )
        if unplaced:
            line += "; not placed: " + ", ".join(repr(t) for t in unplaced[:10])
        no_place = sum(1 for f in self.figures if f.place is None)
        if no_place:
            line += f"; {no_place} figures have no place in their sentence"
        return line


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _cell(value) -> object:
    from geo.io.files import guard_cell

    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return guard_cell(value)
