"""Period labels in the order a reader expects: as dates when every label reads as one, else as first written.

A period column holds labels such as "2020-01", "Jan 2020", "2020-01-15", "2020-Q1" or "2020". When
every label reads as a date they sort by the day they start (a year before its first month); when one
does not ("week 2", "before the offensive") the periods keep the order in which the table first writes
them. In a series of months, quarters or years all written the same way, the periods missing between
the first and the last are added, so that a map shows them as having no data instead of skipping them.

>>> order(["Mar 2020", "Jan 2020", "Mar 2020"])
Periods(labels=('Jan 2020', 'Feb 2020', 'Mar 2020'), missing=('Feb 2020',))
>>> order(["2020-02-15", "2020-01", "2020"]).labels
('2020', '2020-01', '2020-02-15')
>>> order(["week 2", "week 1"]).labels
('week 2', 'week 1')
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

MAX_FILLED = 240  # a longer run of missing periods is more likely a typo in a year than twenty years of gaps

_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_FULL = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December"]  # fmt: skip
MONTHS = {name.lower(): i % 12 + 1 for i, name in enumerate(_NAMES + _FULL)} | {"sept": 9}
_MONTH = r"(?P<mon>[A-Za-z]{3,9})\.?"
_UNITS = ("year", "quarter", "month", "day")  # a longer period sorts before a shorter one starting the same day

# (pattern, unit, style): a style names how the label is written, so that missing periods can be written alike
_FORMATS = [
    (r"(?P<y>\d{4})", "year", "Y"),
    (r"(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})", "month", "Y-m"),
    (r"(?P<m>\d{1,2})(?P<sep>[-/.])(?P<y>\d{4})", "month", "m-Y"),
    (r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})", "day", ""),
    (r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})", "day", ""),
    (rf"{_MONTH}(?P<sep>[ ,-]+)(?P<y>\d{{4}})", "month", "b Y"),
    (rf"(?P<y>\d{{4}})(?P<sep>[ -]+){_MONTH}", "month", "Y b"),
    (rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[ -]+{_MONTH}[ ,-]+(?P<y>\d{{4}})", "day", ""),
    (rf"{_MONTH} (?P<d>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y>\d{{4}})", "day", ""),
    (r"(?P<y>\d{4})(?P<sep>[ -]?)[Qq](?P<q>[1-4])", "quarter", "Y-Q"),
    (r"[Qq](?P<q>[1-4])(?P<sep>[ -]?)(?P<y>\d{4})", "quarter", "Q-Y"),
]
_COMPILED = [(re.compile(p + r"\Z"), unit, style) for p, unit, style in _FORMATS]


@dataclass(frozen=True)
class Start:
    """When a period label starts, how long the period is, and how the label is written."""

    day: _dt.date
    unit: str  # year, quarter, month or day
    style: str  # how it is written ("b Y| ": "Jan 2020"); "" when periods of this kind are not filled in (days)


@dataclass(frozen=True)
class Periods:
    """Period labels in order; ``missing`` are those added between them that no row has."""

    labels: tuple[str, ...]
    missing: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.labels)

    def __iter__(self):
        return iter(self.labels)

    def span(self) -> str:
        """ "Jan 2020 to Mar 2020" (or the one period; "" for none)."""
        if not self.labels:
            return ""
        first, last = self.labels[0], self.labels[-1]
        return first if first == last else f"{first} to {last}"


def parse(label: str) -> Start | None:
    """When ``label`` starts, if it reads as a date, year, quarter or month (English month names).

    Day-first and month-first dates with slashes ("03/04/2020") are not read: they are ambiguous.

    >>> parse("Jan 2020"), parse("2020-Q2").day, parse("15 March 2020").unit, parse("03/04/2020")
    (Start(day=datetime.date(2020, 1, 1), unit='month', style='b Y| '), datetime.date(2020, 4, 1), 'day', None)
    """
    text = " ".join(str(label).split())
    for pattern, unit, style in _COMPILED:
        found = pattern.match(text)
        if not found:
            continue
        parts = found.groupdict()
        year = int(parts["y"])
        if parts.get("mon"):
            month = MONTHS.get(parts["mon"].lower())
            if month is None:
                return None
        elif parts.get("q"):
            month = 3 * int(parts["q"]) - 2
        else:
            month = int(parts.get("m") or 1)
        try:
            day = _dt.date(year, month, int(parts.get("d") or 1))
        except ValueError:
            return None
        if style == "b Y" and len(parts["mon"]) > 3:
            style = "B Y"
        if parts.get("sep") is not None and style:
            style += "|" + parts["sep"]  # the separator is part of how the label is written
        return Start(day, unit, style)
    return None


def order(labels: Iterable[str], fill: bool = True) -> Periods:
    """The distinct non-empty ``labels`` in reading order (see the module doc); ``fill`` adds missing periods."""
    seen = list(dict.fromkeys(str(v) for v in labels if v is not None and str(v).strip()))
    starts = [parse(v) for v in seen]
    if not seen or any(s is None for s in starts):
        return Periods(tuple(seen))
    ranked = sorted(range(len(seen)), key=lambda i: (starts[i].day, _UNITS.index(starts[i].unit), i))
    ordered = tuple(seen[i] for i in ranked)
    if not fill:
        return Periods(ordered)
    added = _missing([starts[i] for i in ranked])
    if not added:
        return Periods(ordered)
    merged = sorted([(starts[i].day, seen[i]) for i in ranked] + [(parse(a).day, a) for a in added])
    return Periods(tuple(label for _, label in merged), tuple(added))


def _missing(starts: list[Start]) -> list[str]:
    """Labels of the months, quarters or years missing between the first and the last, written alike."""
    kinds = {(s.unit, s.style) for s in starts}
    if len(kinds) != 1 or not starts[0].style or len({s.day for s in starts}) != len(starts):
        return []
    unit, style = kinds.pop()
    step = {"year": 12, "quarter": 3, "month": 1}[unit]
    first, last = starts[0].day, starts[-1].day
    count = ((last.year - first.year) * 12 + last.month - first.month) // step + 1
    if count > len(starts) + MAX_FILLED:
        return []
    have = {s.day for s in starts}
    out = []
    for k in range(count):
        months = first.month - 1 + k * step
        day = _dt.date(first.year + months // 12, months % 12 + 1, 1)
        if day not in have:
            out.append(write(day, style))
    return out


def write(day: _dt.date, style: str) -> str:
    """The label of the period starting ``day``, written in ``style`` (see :func:`parse`).

    >>> write(_dt.date(2020, 2, 1), "b Y| "), write(_dt.date(2020, 4, 1), "Y-Q|-"), write(_dt.date(2020, 2, 1), "Y-m|/")
    ('Feb 2020', '2020-Q2', '2020/02')
    """
    kind, _, sep = style.partition("|")
    q = (day.month - 1) // 3 + 1
    return {
        "Y": f"{day.year}",
        "Y-m": f"{day.year}{sep}{day.month:02d}",
        "m-Y": f"{day.month:02d}{sep}{day.year}",
        "b Y": f"{_NAMES[day.month - 1]}{sep}{day.year}",
        "B Y": f"{_FULL[day.month - 1]}{sep}{day.year}",
        "Y b": f"{day.year}{sep}{_NAMES[day.month - 1]}",
        "Y-Q": f"{day.year}{sep}Q{q}",
        "Q-Y": f"Q{q}{sep}{day.year}",
    }[kind]


def labels(series: pd.Series) -> pd.Series:
    """A period column as text labels: dates as ISO days, whole-number years without ".0", blanks as "".

    >>> import pandas as pd
    >>> labels(pd.Series([pd.Timestamp("2020-01-05"), None])).tolist(), labels(pd.Series([2019.0, 2020.0])).tolist()
    (['2020-01-05', ''], ['2019', '2020'])
    """
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(series):
        return series.dt.strftime("%Y-%m-%d").fillna("").astype("string")
    if pd.api.types.is_numeric_dtype(series) and series.dropna().map(lambda v: float(v).is_integer()).all():
        return series.map(lambda v: "" if pd.isna(v) else str(int(v))).astype("string")
    text = series.astype("string").fillna("").str.strip()
    # dates read from spreadsheets arrive as "2024-01-05 00:00:00"
    return text.str.replace(r"^(\d{4}-\d{2}-\d{2})[ T]00:00:00$", r"\1", regex=True)
