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

One row per figure, per movement and per place mention that neither carries
(:meth:`Extraction.rows`, ``to_frame``, ``to_csv``): ``place``, ``origin`` and
``destination`` are the names as written; a figure with no place in its
sentence has an empty place. Feed the ``figure`` rows to a choropleth
(``place``, ``figure``) and the movements with both ends (``rows("flows")``)
to a flow map (``origin``, ``destination``, ``figure``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

from geo.errors import InputError
from geo.extract import dates as _dates
from geo.extract import figures as _figures
from geo.extract import movements as _movements
from geo.extract.figures import Figure
from geo.extract.movements import Movement
from geo.extract.places import Place, PlaceFinder
from geo.extract.review import COLUMNS, SELECTIONS, Extraction
from geo.extract.text import blank_controls, html_to_text, read, sentences

__all__ = [
    "COLUMNS", "SELECTIONS", "Extraction", "Figure", "Movement", "Place", "extract", "html_to_text", "read",
]  # fmt: skip

ILLUSTRATIVE_NOTE = "the text calls this illustrative"
_PARAGRAPH = re.compile(r"\n[ \t]*(?:\n|(?:[-*+•]|\d{1,3}[.)])\s)")  # a blank line, or the next item of a list


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


def _nearest(items, start: int, end: int):
    best, best_d = None, None
    for item in items:
        s, e = item.start, item.end
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
    ``gazetteer`` replaces the shipped one, e.g. one with a country's villages
    added (:func:`geo.places.gazetteer_with`). Offsets (``start``, ``end``)
    index ``text`` itself; control characters in it are shown as spaces in
    every text column, one for one, so offsets hold.
    """
    if not isinstance(text, str):
        raise InputError(f"extract wants text (str), got {type(text).__name__}")
    base = _as_date(date)
    work = blank_controls(text)
    if base is None:
        base = _dates.document_base(work)
    spans = sentences(work)
    finder = PlaceFinder(gazetteer)
    raws = finder.find(work, spans)
    flat = finder.resolve(work, [r for rs in raws for r in rs])
    places: list[Place] = []
    figures: list[Figure] = []
    moves: list[Movement] = []
    k = 0
    previous: list[Movement] = []  # the movements of the sentence before, in the same paragraph
    prev_end = 0
    for (s, e), rs in zip(spans, raws):
        if _PARAGRAPH.search(work, prev_end, s):
            previous = []
        prev_end = e
        sentence = " ".join(work[s:e].split())
        here = [replace(p, sentence=sentence) for p in flat[k : k + len(rs)]]
        k += len(rs)
        places += here
        note = ILLUSTRATIVE_NOTE if "illustrative" in sentence.lower() else ""
        periods = _dates.periods(work, s, e, base)
        masked = [(p.start, p.end) for p in periods] + [(p.start, p.end) for p in here]
        found: list[Figure] = []
        for n in _figures.find(work, s, e, masked):
            clause = _figures.clause(work, s, e, n.start)
            near = [p for p in here if clause[0] <= p.start and p.end <= clause[1]] or here
            place = _nearest(near, n.start, n.end)
            period = _nearest(periods, n.start, n.end)
            confidence = (
                n.confidence - (0.2 if place is not None and not place.placed else 0) - (0.1 if len(near) > 1 else 0)
            )
            found.append(
                replace(
                    n,
                    place=place,
                    date_from=period.date_from if period else None,
                    date_to=period.date_to if period else None,
                    period=period.text if period else "",
                    sentence=sentence,
                    confidence=round(max(0.1, confidence), 2),
                    note=note,
                )  # fmt: skip
            )
        figures += found
        found_moves = _movements.find(work, s, e, here, found, previous)
        previous = found_moves
        for m in found_moves:
            period = _nearest(periods, m.start, m.end)
            score = 0.9 if (m.origin and m.destination) else 0.7
            score -= 0.2 * sum(1 for p in (m.origin, m.destination) if p is not None and not p.placed)
            moves.append(
                replace(
                    m,
                    text=" ".join(work[m.start : m.end].split()),
                    sentence=sentence,
                    date_from=period.date_from if period else None,
                    date_to=period.date_to if period else None,
                    confidence=round(max(0.1, score), 2),
                    note="; ".join(n for n in (note, m.note) if n),
                )  # fmt: skip
            )
    return Extraction(text, base, tuple(places), tuple(figures), tuple(moves), tuple(spans))
