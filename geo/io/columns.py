"""What a table's columns hold, read from their headers and HXL hashtags.

Humanitarian tables name the same things many ways: a COD-AB or COD-PP file says
``ADM3_EN``/``ADM3_PCODE``, the newer HDX files ``admin3Name_en``/``admin3Pcode``,
Syrian tracking tables ``Mohafaza, Mantika, Nahya, Community`` (governorate,
district, sub-district, community), others ``governorate, district,
sub_district``; HXL says ``#adm3+name``, ``#adm3+code``, ``#loc+name``,
``#geo+lat``. :func:`admin_columns` and :func:`point_columns` find them so that
commands need no options for what the table already says; an option always
wins.

>>> import pandas as pd
>>> df = pd.DataFrame(columns=["Mohafaza", "Mantika", "Nahya", "Community", "Community_Pcode", "IDPs"])
>>> {level: cols["name"] for level, cols in admin_columns(df).items()}
{1: 'Mohafaza', 2: 'Mantika', 3: 'Nahya', 4: 'Community'}
>>> admin_columns(df)[4]["pcode"]
'Community_Pcode'
"""

from __future__ import annotations

import re

# Words for each admin level in headers (English, Syria's Arabic terms, French), then HXL's.
LEVEL_WORDS = {
    0: ("country", "admin0", "adm0", "iso3", "iso2", "iso"),
    1: ("governorate", "mohafaza", "muhafaza", "muhafazah", "province", "region", "state", "admin1", "adm1", "gov"),
    2: ("district", "mantika", "mantiqa", "mantiqah", "admin2", "adm2", "departement", "county", "zone"),
    3: ("subdistrict", "sub_district", "nahya", "nahiya", "nahia", "admin3", "adm3", "commune", "subcounty"),
    4: ("community", "communities", "village", "town", "admin4", "adm4", "location", "locality", "featurename",
        "settlement", "place", "placename"),
}  # fmt: skip
LEVEL_KINDS = {0: "country", 1: "admin1", 2: "admin2", 3: "admin3", 4: "community"}
_CODE_WORDS = ("pcode", "p_code", "code", "id")
_NAME_WORDS = ("name", "en", "name_en", "nameen", "english")
_ARABIC_WORDS = ("ar", "name_ar", "namear", "arabic")
_SPLIT = re.compile(r"[\s_\-\.]+")
_COD = re.compile(r"^adm(?:in)?(\d)_?(?P<rest>.*)$", re.I)


def _words(header: str) -> list[str]:
    text = re.sub(r"([a-z])([A-Z])", r"\1_\2", str(header).strip())  # admin3Name_en → admin3_Name_en
    return [w for w in _SPLIT.split(text.lower()) if w]


def header_level(header: str) -> tuple[int, str] | None:
    """The admin level a header names and what it holds there ("name", "pcode", "ar"), or None.

    >>> header_level("admin3Name_en"), header_level("ADM2_PCODE"), header_level("Nahya"), header_level("IDPs")
    ((3, 'name'), (2, 'pcode'), (3, 'name'), None)
    """
    text = str(header).strip()
    m = _COD.match(text.replace(" ", "_"))
    if m:
        rest = [w for w in _words(m.group("rest")) if w]
        return int(m.group(1)), _what(rest)
    words = _words(text)
    if not words:
        return None
    joined = "".join(words)
    for level, names in LEVEL_WORDS.items():
        for i in range(len(words)):
            head = words[i]
            if head in names or "".join(words[i : i + 2]) in names or (i == 0 and joined in names):
                rest = words[i + 1 :] if head in names else words[i + 2 :]
                if words[:i] and not set(words[:i]) <= {"the", "admin", "adm"}:
                    break  # "origin district" is not the table's own district column
                return level, _what(rest)
    return None


def _what(rest: list[str]) -> str:
    if any(w in _CODE_WORDS for w in rest) or "".join(rest) in _CODE_WORDS:
        return "pcode"
    if any(w in _ARABIC_WORDS for w in rest):
        return "ar"
    if not rest or all(w in _NAME_WORDS or w.isdigit() for w in rest):
        return "name"
    return "other"


_HXL_LEVEL = {"#country": 0, "#adm0": 0, "#adm1": 1, "#adm2": 2, "#adm3": 3, "#adm4": 4, "#loc": 4}


def _tag_level(tag: str) -> tuple[int, str] | None:
    head, *attrs = str(tag).lower().replace(" ", "").split("+")
    if head not in _HXL_LEVEL:
        return None
    if "code" in attrs:
        return _HXL_LEVEL[head], "pcode"
    if "name" in attrs:
        return _HXL_LEVEL[head], "ar" if "i_ar" in attrs else "name"
    return None


def admin_columns(df) -> dict[int, dict[str, str]]:
    """The table's columns by admin level: ``{3: {"name": "Nahya", "pcode": "admin3Pcode"}, …}``.

    HXL tags count first, then headers; the leftmost column wins a place.
    """
    tags = df.attrs.get("hxl") or {}
    found: dict[int, dict[str, str]] = {}
    for source in ("hxl", "header"):
        for col in df.columns:
            hit = _tag_level(tags[col]) if source == "hxl" and col in tags else None
            if source == "header":
                hit = header_level(col)
            if hit and hit[1] != "other":
                found.setdefault(hit[0], {}).setdefault(hit[1], col)
    return {level: found[level] for level in sorted(found)}


_LAT = ("lat", "latitude", "latitude_y", "y", "lat_y", "ycoord", "geo_lat")
_LON = ("lon", "long", "lng", "longitude", "longitude_x", "x", "lon_x", "xcoord", "geo_lon")


def point_columns(df) -> tuple[str, str] | None:
    """The latitude and longitude columns (``#geo+lat``/``#geo+lon``, ``Latitude``, ``lat``, ``y`` …), or None."""
    from geo.io.hxl import hxl_column

    lat, lon = hxl_column(df, "#geo+lat"), hxl_column(df, "#geo+lon")
    if lat and lon:
        return lat, lon
    norm = {"_".join(_words(c)): c for c in reversed(list(df.columns))}
    lat = next((norm[k] for k in _LAT if k in norm), None)
    lon = next((norm[k] for k in _LON if k in norm), None)
    return (lat, lon) if lat and lon else None


LEVEL_NAMES = {
    "1": "admin1", "adm1": "admin1", "admin1": "admin1", "governorate": "admin1", "province": "admin1",
    "state": "admin1", "region": "admin1", "mohafaza": "admin1",
    "2": "admin2", "adm2": "admin2", "admin2": "admin2", "district": "admin2", "mantika": "admin2",
    "3": "admin3", "adm3": "admin3", "admin3": "admin3", "subdistrict": "admin3", "sub-district": "admin3",
    "sub_district": "admin3", "nahya": "admin3",
    "4": "community", "adm4": "community", "admin4": "community", "community": "community", "village": "community",
    "place": "place", "town": "place", "camp": "camp", "crossing": "crossing",
}  # fmt: skip


def level_kind(text: str | int | None) -> str | None:
    """The feature kind a ``--level`` names: 3, ``adm3``, ``sub-district`` → ``admin3``; None passes.

    >>> level_kind("sub-district"), level_kind(4), level_kind(None)
    ('admin3', 'community', None)
    """
    if text is None or str(text).strip() == "":
        return None
    key = str(text).strip().lower()
    if key not in LEVEL_NAMES:
        from geo.errors import InputError

        raise InputError(f"--level {text!r}: say 1-4, adm1-adm4, governorate, district, sub-district or community")
    return LEVEL_NAMES[key]


def column_level(df, col: str) -> int | None:
    """The admin level a column names, by its HXL tag or its header (``Nahya``: 3), or None."""
    tag = (df.attrs.get("hxl") or {}).get(col)
    hit = (_tag_level(tag) if tag else None) or header_level(col)
    return hit[0] if hit and hit[1] in ("name", "pcode", "ar") else None


def hierarchy(df, name_col: str, given: tuple[str, ...] = ()) -> tuple[list[str], list[str | None]]:
    """The parent columns of ``name_col`` and their kinds: those given (``--parent``), else the table's own
    columns of the levels above it (``Mohafaza, Mantika, Nahya`` above ``Community``), names before P-codes."""
    from geo.io.tables import find_column

    if given:
        cols = [find_column(df, c) for c in given]
        return cols, [LEVEL_KINDS.get(column_level(df, c)) for c in cols]
    level = column_level(df, name_col) or 5
    admin = admin_columns(df)
    cols, kinds = [], []
    for lv in sorted(admin):
        col = admin[lv].get("name") or admin[lv].get("pcode")
        if lv < level and col and col != name_col:
            cols.append(col)
            kinds.append(LEVEL_KINDS[lv])
    return cols, kinds


# HXL hashtags that carry a figure a map can show (people affected, in need, displaced, reached …).
VALUE_TAGS = ("#affected", "#inneed", "#population", "#reached", "#targeted", "#displaced", "#returnees", "#idps",
              "#refugees", "#value")  # fmt: skip


def tagged_roles(df, *, area_level: int | None = None) -> dict[str, str]:
    """Columns an HXL-tagged table assigns to each role a map needs, by hashtag alone.

    Roles: ``pcode`` (``#adm1+code`` … ``#loc+code``; the level of ``area_level`` first, else the deepest),
    ``place`` (``#adm1+name`` … ``#loc+name``, likewise), ``lat``/``lon`` (``#geo+lat``/``#geo+lon``),
    ``value`` (one column tagged ``#affected``, ``#inneed``, ``#population`` … ; two are an error: say which
    with an option), ``period`` (``#date``), ``origin``/``destination`` (``+origin``/``+dest``, e.g.
    ``#adm1+name+origin``).
    A table without hashtags gives ``{}``.

    >>> import pandas as pd
    >>> df = pd.DataFrame(columns=["gov", "code", "idps", "month"])
    >>> df.attrs["hxl"] = {"gov": "#adm1+name", "code": "#adm1+code", "idps": "#affected+idps", "month": "#date"}
    >>> tagged_roles(df)
    {'pcode': 'code', 'place': 'gov', 'value': 'idps', 'period': 'month'}
    """
    from geo.errors import InputError
    from geo.io.hxl import hxl_column

    tags = df.attrs.get("hxl") or {}
    if not tags:
        return {}
    roles: dict[str, str] = {}
    levels = [area_level] if area_level else []
    levels += [lv for lv in (4, 3, 2, 1) if lv != area_level]
    for role, what in (("pcode", "code"), ("place", "name")):
        for lv in levels:
            head = "#loc" if lv == 4 else f"#adm{lv}"
            col = hxl_column(df, f"{head}+{what}")
            if col:
                roles[role] = col
                break
    for role, tag in (("lat", "#geo+lat"), ("lon", "#geo+lon")):
        col = hxl_column(df, tag)
        if col:
            roles[role] = col
    for role, words in (("origin", {"origin", "from"}), ("destination", {"dest", "destination", "to"})):
        ends = [c for c in df.columns if c in tags and words & set(tags[c].lower().split("+")[1:])]
        named = [c for c in ends if "+name" in tags[c].lower()]
        if ends:
            roles[role] = (named or ends)[0]
    values = [c for c in df.columns if c in tags and tags[c].split("+")[0] in VALUE_TAGS]
    if len(values) > 1:
        shown = ", ".join(f"{c!r} ({tags[c]})" for c in values)
        raise InputError(f"{len(values)} columns could be the figures to map: {shown}; choose one with --value")
    if values:
        roles["value"] = values[0]
    period = hxl_column(df, "#date")
    if period:
        roles["period"] = period
    return roles


def locate(df, value=None, place=None, pcode=None, lat=None, lon=None, *, notes: list[str],
           area_level: int | None = None, need_value: bool = True) -> tuple:  # fmt: skip
    """The columns of the figures and of where rows are: those not given, found as the table says them.

    HXL hashtags first (``#affected+idps``, ``#adm1+code``, ``#geo+lat``, ``#loc+name``), then headers (the
    P-code column of ``area_level`` or the deepest one — ``Community_Pcode``, ``admin3Pcode`` —, latitude and
    longitude, the name column). Where rows are is read in that order of trust: P-codes, coordinates, names.
    What was found is said in ``notes``; the figures are never guessed from a header (without
    ``need_value`` they may be left None: each row then counts one). Returns ``(value, place, pcode, lat, lon)``.
    """
    from geo.errors import InputError

    located = place is not None or pcode is not None or lat is not None or lon is not None
    if value is not None and located:
        return value, place, pcode, lat, lon
    try:
        roles = tagged_roles(df, area_level=area_level)
    except InputError:
        if value is None:
            raise  # two figure columns by hashtag and none named: never pick one
        roles = {}  # two figure columns by hashtag, but the caller named one
    tags = df.attrs.get("hxl") or {}

    def said(col: str, what: str) -> str:
        notes.append(f"{what} from column {col!r}" + (f" ({tags[col]})" if col in tags else ""))
        return col

    if value is None and "value" in roles:
        value = said(roles["value"], "figures")
    elif value is None and need_value:
        raise InputError("which column holds the figures? give value= (--value), a header or an HXL tag")
    if located:
        return value, place, pcode, lat, lon
    levels = admin_columns(df)
    order = sorted(levels, key=lambda lv: (lv != area_level, -lv))
    codes = [levels[lv]["pcode"] for lv in order if "pcode" in levels[lv]]
    names = [levels[lv]["name"] for lv in order if "name" in levels[lv]]
    if "pcode" in roles:
        pcode = said(roles["pcode"], "placed by P-codes")
    elif "lat" in roles and "lon" in roles:
        lat, lon = said(roles["lat"], "latitudes"), said(roles["lon"], "longitudes")
    elif "place" in roles:
        place = said(roles["place"], "placed by names")
    elif codes:
        pcode = said(codes[0], "placed by P-codes")
    elif point_columns(df):
        lat, lon = (said(c, w) for c, w in zip(point_columns(df), ("latitudes", "longitudes")))
    elif names:
        place = said(names[0], "placed by names")
    return value, place, pcode, lat, lon


def tagged_period(df) -> str | None:
    """The column an HXL ``#date`` tag marks as the period, if it holds two dates or more (one date is no
    timeline); None otherwise, and when the tags are otherwise in doubt (two value columns: said elsewhere)."""
    from geo.errors import InputError

    try:
        period = tagged_roles(df).get("period")
    except InputError:
        return None
    return period if period and df[period].nunique() > 1 else None
