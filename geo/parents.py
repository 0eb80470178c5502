"""Names matched inside the areas a table gives for each row: its governorate, district, sub-district.

Tables carry the hierarchy in each row (``Mohafaza, Mantika, Nahya, Community``;
``admin1Name_en … admin4Name_en``; P-code columns at each level). Given those
"parents", each name is looked for only among the places inside the deepest
parent that can be found, before the lookup: a village spelt as a variant inside
its sub-district is found even where the same spelling exactly names a village
elsewhere, and a name several villages share is the one in that sub-district.

Parents are read from the top down, each inside the one above ("Idleb" in a
district column, under "Idleb" governorate, is the district); a P-code is taken
as it is. A parent that cannot be found is said in the row's note (and by
:func:`unknown_parents`, for a warning), never dropped silently: the name is
then placed without it.

>>> rows = [("Idleb", "Harim"), ("Al-Hasakeh", "Al-Malikeyyeh")]
>>> [m.pcode for m in resolve(["Salqin", "Hamra"], rows, level="community")]
['C4140', 'C4908']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from geo.admin import _blank
from geo.gazetteer import AREA_KINDS, DEFAULT_MIN_SCORE, Gazetteer

Chain = tuple  # the parents of one row, from the top level down


def _chain(value) -> Chain:
    values = value if isinstance(value, (tuple, list)) else (value,)
    return tuple(None if _blank(v) else str(v).strip() for v in values)


def resolve(
    names: Iterable[str],
    parents: Sequence | None = None,
    country: str | Sequence[str] | None = None,
    bbox: tuple[float, float, float, float] | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
    gazetteer: Gazetteer | None = None,
    level: str | None = None,
    parent_levels: Sequence[str | None] | None = None,
):
    """One :class:`geo.geocode.Match` per name, each looked for inside its parents.

    ``parents`` holds, for each name, its parent area (a name or a P-code) or
    a tuple of them from the top level down (governorate, district,
    sub-district), or None. ``parent_levels`` gives the kind of each position
    of those tuples (``admin1``, ``admin2``, ``admin3``) when known: "Idleb"
    in a district column is the district. ``level`` is passed to
    :func:`geo.geocode.resolve` (the kind the names themselves are).
    """
    from geo.geocode import resolve as _resolve

    gaz = gazetteer or Gazetteer.default()
    names = ["" if n is None else str(n) for n in names]
    chains = [()] * len(names) if parents is None else [_chain(p) for p in parents]
    if len(chains) != len(names):
        from geo.errors import InputError

        raise InputError(f"{len(names)} names but {len(chains)} parents")
    areas = {chain: _area(chain, parent_levels, gaz, country, min_score) for chain in dict.fromkeys(chains)}
    codes = [areas[chain][0] for chain in chains]
    matches = _resolve(names, country, bbox, min_score, gaz, level=level, within=codes)
    out = []
    for m, chain in zip(matches, chains):
        code, label, note = areas[chain]
        if code and not m.matched and m.query.strip():
            m = replace(m, note=f"nothing by that name inside {label}; {m.note}")
        if note and m.query.strip():
            m = replace(m, note="; ".join(n for n in (m.note, note) if n))
        out.append(m)
    return out


def _area(chain: Chain, levels, gaz: Gazetteer, country, min_score) -> tuple[str | None, str, str]:
    """The deepest parent of a row that can be found: (its P-code, how to name it, a note on what was not found)."""
    from geo.geocode import resolve as _resolve

    code, label, missing = None, "", []
    for k, value in enumerate(chain):
        if value is None:
            continue
        kind = levels[k] if levels and k < len(levels) else None
        m = _resolve([value], country=country, min_score=min_score, gazetteer=gaz, level=kind, within=[code])[0]
        if m.matched and m.kind in AREA_KINDS and m.pcode:
            code, label = m.pcode, f"{value!r} ({m.kind} {m.pcode})"
            gaz.know_area(m.pcode, m.id)
        else:
            missing.append(value)
    note = f"parent {', '.join(map(repr, missing))} not found" + ("; placed without it" if not code else "")
    return code, label, note if missing else ""


def unknown_parents(matches) -> list[str]:
    """The parent values that named no area, for one warning line."""
    found = []
    for m in matches:
        if "parent " in m.note and " not found" in m.note:
            text = m.note.split("parent ", 1)[1].split(" not found", 1)[0]
            if text not in found:
                found.append(text)
    return found
