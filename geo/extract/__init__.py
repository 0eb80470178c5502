"""Text → places, figures, periods and movements, each with the sentence it came from.

>>> report = "Since 1 December, some 52,000 people have fled Saraqib toward the Turkish border."
>>> result = extract(report, date="2020-02-05")
>>> fig = result.figures[0]
>>> fig.value, fig.qualifier, fig.what, str(fig.date_from), fig.place.text
(52000, 'approximate', 'people displaced', '2019-12-01', 'Saraqib')
>>> [(m.origin.text, m.destination.text) for m in result.movements]
[('Saraqib', 'the Turkish border')]
>>> report[fig.start:fig.end]
'52,000'

One row per figure and per movement (:meth:`Extraction.rows`, ``to_frame``,
``to_csv``): ``place``, ``origin`` and ``destination`` are the names as
written; a figure with no place in its sentence has an empty place. Feed the
``figure`` rows to a choropleth (``place``, ``figure``) and the ``movement``
rows to a flow map (``origin``, ``destination``, ``figure``).
"""

from __future__ import annotations

import csv
import io as _io
import os
import sys
from dataclasses import dataclass, field
from datetime import date, datetime

from geo.errors import InputError
from geo.extract import dates as _dates
from geo.extract import figures as _figures
from geo.extract import movements as _movements
from geo.extract.dates import Period
from geo.extract.figures import Figure as _Number
from geo.extract.movements import Movement as _Move
from geo.extract.places import Place, PlaceFinder
from geo.extract.text import blank_controls, html_to_text, read, sentences

__all__ = ["COLUMNS", "Extraction", "Figure", "Movement", "Place", "extract", "html_to_text", "read"]

SELECTIONS = ("all", "figures", "flows")
ILLUSTRATIVE_NOTE = "the text calls this illustrative"
COLUMNS = [
    "kind", "place", "lat", "lon", "place_kind", "place_id", "figure", "unit", "what", "qualifier", "per",
    "date_from", "date_to", "origin", "origin_lat", "origin_lon", "destination", "destination_lat",
    "destination_lon", "text", "sentence", "start", "end", "confidence", "note",
]  # fmt: skip


@dataclass(frozen=True)
class Figure:
    """One figure found in the text: the number, what it counts, where, when, and the sentence it is from."""

    text: str
    start: int
    end: int
    value: float
    unit: str
    what: str
    qualifier: str
    per: str
    place: Place | None
    date_from: date | None
    date_to: date | None
    period: str
    sentence: str
    confidence: float
    note: str = ""

    def row(self) -> dict:
        p = self.place
        qualifier = "; ".join(q for q in (self.qualifier, f"per {self.per}" if self.per else "") if q)
        return {
            "kind": "figure", "place": p.text if p else "", "lat": p.lat if p else None,
            "lon": p.lon if p else None, "place_kind": p.kind if p else "", "place_id": p.id if p else "",
            "figure": self.value, "unit": self.unit, "what": self.what, "qualifier": qualifier, "per": self.per,
            "date_from": self.date_from, "date_to": self.date_to, "text": self.text, "sentence": self.sentence,
            "start": self.start, "end": self.end, "confidence": self.confidence, "note": self.note,
        }  # fmt: skip


@dataclass(frozen=True)
class Movement:
    """People going from ``origin`` to ``destination`` (either may be missing), with the clause's figure."""

    origin: Place | None
    destination: Place | None
    figure: Figure | None
    direction: str
    start: int
    end: int
    text: str
    sentence: str
    date_from: date | None
    date_to: date | None
    confidence: float
    note: str = ""

    def row(self) -> dict:
        o, d, f = self.origin, self.destination, self.figure
        qualifier = [f.row()["qualifier"]] if f and f.row()["qualifier"] else []
        if self.direction:
            qualifier.append(f"{self.direction}ward")
        return {
            "kind": "movement", "place": "", "figure": f.value if f else None, "unit": f.unit if f else "",
            "what": f.what if f else "", "qualifier": "; ".join(qualifier), "per": f.per if f else "",
            "date_from": self.date_from, "date_to": self.date_to,
            "origin": o.text if o else "", "origin_lat": o.lat if o else None, "origin_lon": o.lon if o else None,
            "destination": d.text if d else "", "destination_lat": d.lat if d else None,
            "destination_lon": d.lon if d else None, "text": self.text, "sentence": self.sentence,
            "start": self.start, "end": self.end, "confidence": self.confidence, "note": self.note,
        }  # fmt: skip


@dataclass(frozen=True)
class Extraction:
    """Everything found in one text: place mentions, figures, movements and the report date used."""

    text: str
    date: date | None
    places: tuple[Place, ...] = ()
    figures: tuple[Figure, ...] = ()
    movements: tuple[Movement, ...] = ()
    sentences: tuple[tuple[int, int], ...] = field(default=(), repr=False)

    def rows(self, select: str = "all") -> list[dict]:
        """One dict per figure, then one per movement, with every column of :data:`COLUMNS`.

        ``select``: "all"; "figures" (the rows a choropleth takes: place, figure);
        "flows" (the movements a flow map can draw: origin, destination and a figure).
        """
        if select not in SELECTIONS:
            raise InputError(f"rows {select!r}: choose one of {', '.join(SELECTIONS)}")
        items: tuple = ()
        if select in ("all", "figures"):
            items += self.figures
        if select == "all":
            items += self.movements
        elif select == "flows":
            items += tuple(m for m in self.movements if m.origin and m.destination and m.figure)
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
        if select == "figures" and self.movements:
            return f"{len(self.movements)} movements left out (--rows all shows them)"
        if select == "flows":
            parts = []
            no_figure = sum(1 for m in self.movements if m.origin and m.destination and not m.figure)
            one_end = sum(1 for m in self.movements if not (m.origin and m.destination))
            if no_figure:
                parts.append(f"{no_figure} without a figure")
            if one_end:
                parts.append(f"{one_end} with only an origin or a destination")
            if parts:
                return f"movements left out: {', '.join(parts)}; {len(self.figures)} figures left out (--rows all)"
            if self.figures:
                return f"{len(self.figures)} figures left out (--rows all shows them)"
        return ""

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


def _cell(value) -> object:
    from geo.io.files import guard_cell

    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return guard_cell(value)


def _as_date(value) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"report date {value!r} is not a date written YYYY-MM-DD") from None


def _nearest(items, start: int, end: int, key=lambda x: (x.start, x.end)):
    best, best_d = None, None
    for item in items:
        s, e = key(item)
        d = s - end if s >= end else (start - e if e <= start else 0)
        d = d + 0.5 if e <= start else d  # a tie goes to what follows ("520,000 people in Idlib")
        if best_d is None or d < best_d:
            best, best_d = item, d
    return best


def extract(text: str, date: date | str | None = None, gazetteer=None) -> Extraction:
    """Places, figures, periods and movements in ``text`` (plain text; see :func:`read` for files).

    ``date`` is the report date (a ``date`` or "YYYY-MM-DD"): "since 1 December"
    and "last Saturday" are read against it. Without it, the latest full date
    written in the text stands in; dates with no year stay empty if there is none.
    Offsets (``start``, ``end``) index ``text`` itself; control characters in it
    are shown as spaces in every text column, one for one, so offsets hold.
    """
    if not isinstance(text, str):
        raise InputError(f"extract wants text (str), got {type(text).__name__}")
    base = _as_date(date)
    work = blank_controls(text)
    if base is None:
        base = _dates.document_base(work)
    spans = sentences(work)
    finder = PlaceFinder(gazetteer)
    raws = [finder.scan(work, s, e) for s, e in spans]
    flat = finder.resolve(work, [r for rs in raws for r in rs])
    places_by_sentence: list[list[Place]] = []
    k = 0
    for rs in raws:
        places_by_sentence.append(flat[k : k + len(rs)])
        k += len(rs)
    figures: list[Figure] = []
    moves: list[Movement] = []
    for (s, e), here in zip(spans, places_by_sentence):
        sentence = " ".join(work[s:e].split())
        note = ILLUSTRATIVE_NOTE if "illustrative" in sentence.lower() else ""
        periods = _dates.periods(work, s, e, base)
        masked = [(p.start, p.end) for p in periods] + [(p.start, p.end) for p in here]
        numbers = _figures.find(work, s, e, masked)
        by_number: dict[int, Figure] = {}
        for n in numbers:
            clause = _figures._clause(work, s, e, n.start)
            near = [p for p in here if clause[0] <= p.start and p.end <= clause[1]] or here
            place = _nearest(near, n.start, n.end)
            period = _nearest(periods, n.start, n.end)
            fig = Figure(
                n.text, n.start, n.end, n.value, n.unit, n.what, n.qualifier, n.per, place,
                period.date_from if period else None, period.date_to if period else None,
                period.text if period else "", sentence, _figure_confidence(n, place, near), note,
            )  # fmt: skip
            figures.append(fig)
            by_number[n.start] = fig
        for m in _movements.find(work, s, e, here, numbers):
            fig = by_number.get(m.figure.start) if m.figure else None
            period = _nearest(periods, m.start, m.end)
            moves.append(_movement(work, m, fig, period, sentence, note))
    return Extraction(text, base, tuple(flat), tuple(figures), tuple(moves), tuple(spans))


def _figure_confidence(n: _Number, place: Place | None, near: list[Place]) -> float:
    score = 0.9
    if not n.what:
        score -= 0.2
    if n.in_words:
        score -= 0.05
    if place is not None and not place.placed:
        score -= 0.2
    if len(near) > 1:
        score -= 0.1
    return round(max(0.1, score), 2)


def _movement(work: str, m: _Move, fig: Figure | None, period: Period | None, sentence: str, note: str) -> Movement:
    score = 0.9 if (m.origin and m.destination) else 0.7
    for p in (m.origin, m.destination):
        if p is not None and not p.placed:
            score -= 0.2
    return Movement(
        m.origin, m.destination, fig, m.direction, m.start, m.end, " ".join(work[m.start : m.end].split()),
        sentence, period.date_from if period else None, period.date_to if period else None,
        round(max(0.1, score), 2), "; ".join(n for n in (note, m.note) if n),
    )  # fmt: skip
