"""Admin hierarchies from the user's own boundary files (COD-AB and the like).

A COD-AB layer (OCHA's common operational dataset of administrative
boundaries) names its areas in columns such as ``ADM3_EN``, ``ADM3_AR``,
``ADM3_PCODE``, ``ADM2_EN``, ``ADM2_PCODE``, ``ADM1_PCODE``. Loading one adds
its areas to a copy of the gazetteer for the run, so districts ("Ariha",
"Harim district") and sub-districts match, spelled as users spell them,
with their true polygons:

>>> gaz = gazetteer_with("syr_admbnda_adm3.shp")  # doctest: +SKIP
>>> [m.kind for m in geo.resolve(["Ariha", "Harim district", "SY070301"], gazetteer=gaz)]  # doctest: +SKIP
['admin2', 'admin2', 'admin3']

Names are matched inside their parents (the governorate or district each lies
in) by :func:`geo.parents.resolve`.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from geo import names as _names
from geo.errors import InputError
from geo.gazetteer import Feature, Gazetteer

if TYPE_CHECKING:
    import geopandas as gpd


ADMIN_KINDS = ("admin1", "admin2", "admin3", "admin4")
# COD-AB spellings (ADM2_EN, ADM2_PCODE, ADM2_AR, ADM2_REF, ADM2ALT1EN) and the newer HDX ones
# (admin2Name_en, admin2Pcode, admin2Name_ar, adm2_name, adm2_pcode).
_NAME = re.compile(r"^adm(?:in)?(\d)_?(?:name(?:_?en)?|en)$", re.I)
_PCODE = re.compile(r"^adm(?:in)?(\d)_?p_?code$", re.I)
_ARABIC = re.compile(r"^adm(?:in)?(\d)_?(?:name_?)?ar$", re.I)
_ALT = re.compile(r"^adm(?:in)?(\d)_?(?:ref(?:_?name)?|name_?ref|alt_?\d?_?(?:en|ar|name)?|alt_?name_?\d?)$", re.I)
# Generic name columns of a boundary file that is not COD-AB shaped.
_GENERIC_NAMES = ("name_en", "name", "NAME", "Name", "NAME_EN", "shapeName", "label")
_GENERIC_PCODES = ("pcode", "PCODE", "Pcode", "p_code", "code", "shapeID")


def columns(df) -> dict[int, dict[str, str | list[str]]]:
    """The COD-AB columns of a table by admin level: ``{3: {"name": "ADM3_EN", "pcode": …, "ar": …, "alt": […]}}``.

    >>> import pandas as pd
    >>> names = ["ADM1_EN", "ADM1_PCODE", "ADM2_EN", "ADM2_AR", "ADM2_PCODE", "ADM2ALT1EN"]
    >>> columns(pd.DataFrame(columns=names))[2]
    {'name': 'ADM2_EN', 'ar': 'ADM2_AR', 'pcode': 'ADM2_PCODE', 'alt': ['ADM2ALT1EN']}
    """
    found: dict[int, dict] = defaultdict(dict)
    for col in df.columns:
        text = str(col)
        for key, pattern in (("name", _NAME), ("pcode", _PCODE), ("ar", _ARABIC), ("alt", _ALT)):
            m = pattern.match(text)
            if m:
                level = int(m.group(1))
                if key == "alt":
                    found[level].setdefault("alt", []).append(text)
                else:
                    found[level].setdefault(key, text)
                break
    return {level: found[level] for level in sorted(found)}


def load_boundaries(
    path: str | os.PathLike,
    name_col: str | None = None,
    pcode_col: str | None = None,
    level: int | None = None,
    parent: str | None = None,
    layer: str | None = None,
    assume_crs: str | int | None = None,
) -> gpd.GeoDataFrame:
    """Read a boundary file (any format :func:`geo.io.read_table` reads) as areas of one admin level.

    COD-AB columns are found by themselves: the deepest level the file has
    (or ``level``), its English name, Arabic name, alternate names and
    P-code, and the P-code of the level above as the parent. Other files
    need ``name_col`` (and ``level``, unless P-codes tell it: ``SY07`` is
    level 1, ``SY0703`` level 2); ``parent`` names the column holding each
    area's parent (a P-code or a name).

    Returns a GeoDataFrame in EPSG:4326 with ``name, name_ar, alt_names,
    pcode, level, kind, parent, parent_name, admin1, country`` and the file's
    own columns; ``attrs["source"]`` is the file name and ``attrs["cod"]``
    the COD-AB columns found (used to add the levels above).
    """
    import geopandas as gpd

    from geo.io import read_table

    label = str(path)
    if layer is None and str(path).lower().endswith(".gpkg"):
        layer = _pick_layer(path, level)
    df = read_table(path, layer=layer, assume_crs=assume_crs)
    if not isinstance(df, gpd.GeoDataFrame):
        raise InputError(f"{label}: no geometry; boundaries must be a Shapefile, GeoPackage or GeoJSON")
    cod = columns(df)
    for col in (name_col, pcode_col, parent):
        if col is not None and col not in df.columns:
            raise InputError(f"{label}: no column {col!r}; columns are: {', '.join(map(str, df.columns))}")
    if level is None and name_col is None and pcode_col is None and cod:
        level = max(cod)
    if level is not None and level in cod:
        name_col = name_col or cod[level].get("name")
        pcode_col = pcode_col or cod[level].get("pcode")
    name_col = name_col or next((c for c in _GENERIC_NAMES if c in df.columns), None)
    pcode_col = pcode_col or next((c for c in _GENERIC_PCODES if c in df.columns), None)
    if name_col is None and pcode_col is None:
        raise InputError(
            f"{label}: cannot tell which column names the areas (no ADM2_EN-style column); "
            f"columns are: {', '.join(map(str, df.columns))}"
        )
    if level is None:
        level = _level_from_pcodes([_code(v) for v in df[pcode_col]] if pcode_col else [])
        if level is None:
            raise InputError(f"{label}: cannot tell the admin level of its areas; give it (level=2 for districts)")
    if parent is None and level - 1 in cod:
        parent = cod[level - 1].get("pcode") or cod[level - 1].get("name")
    out = _areas(df, cod, level, name_col, pcode_col, parent)
    if not out["name"].astype(bool).any():
        raise InputError(f"{label}: column {name_col!r} is empty")
    out.attrs.update(source=Path(label).name, cod=cod, level=level)
    return out


def _areas(df, cod, level: int, name_col, pcode_col, parent):
    """The standard columns for the areas of one level; rows of deeper areas are dissolved into theirs."""
    import geopandas as gpd

    key = pcode_col or name_col
    if max(cod, default=level) > level and df[key].duplicated().any():
        # an admin-3 file read at level 2: one district from its sub-districts
        df = df.dissolve(by=key, as_index=False, aggfunc="first", sort=False)
    here = cod.get(level, {})
    codes = [_code(v) for v in df[pcode_col]] if pcode_col else [""] * len(df)
    names = [_text(v) for v in df[name_col]] if name_col else codes
    parent_name_col = cod.get(level - 1, {}).get("name")
    admin1_col = cod.get(1, {}).get("name")
    alt = here.get("alt", []) if level in cod else []
    out = gpd.GeoDataFrame(
        {
            "name": names,
            "name_ar": [_text(v) for v in df[here["ar"]]] if "ar" in here else "",
            "alt_names": ["|".join(a for a in map(_text, vals) if a) for vals in zip(*(df[c] for c in alt))]
            if alt
            else "",
            "pcode": codes,
            "level": level,
            "kind": f"admin{level}",
            "parent": [_parent_value(v) for v in df[parent]] if parent else "",
            "parent_name": [_text(v) for v in df[parent_name_col]] if parent_name_col else "",
            "admin1": [_text(v) for v in df[admin1_col]] if admin1_col else (names if level == 1 else ""),
            "country": [_country(row, c, cod) for (_, row), c in zip(df.iterrows(), codes)],
        },
        geometry=df.geometry.values,
        crs=4326,
    )
    for lv in (1, 2, 3):  # the areas each lies in, its own code at its own level
        cols = cod.get(lv, {})
        above = lv < level and cols.get("pcode") in df.columns
        out[f"admin{lv}_pcode"] = codes if lv == level else [_code(v) for v in df[cols["pcode"]]] if above else ""
        out[f"admin{lv}_name"] = (
            names
            if lv == level
            else ([_text(v) for v in df[cols["name"]]] if lv < level and cols.get("name") in df.columns else "")
        )
    for col in df.columns:
        if col not in out.columns and col != df.geometry.name:
            out[col] = df[col].values
    return out


def _code(v) -> str:
    # SY07-03 → SY0703; codes of another shape (IQG01, UKR0101) are kept as written
    return "" if _blank(v) else (_names.pcode(v) or _text(v).upper())


def _pick_layer(path, level: int | None) -> str | None:
    """The layer of a multi-layer COD GeoPackage for this level (``…_adm2``), else the deepest one."""
    import pyogrio

    try:
        layers = [name for name, _ in pyogrio.list_layers(path)]
    except Exception:
        return None  # read_table reports the unreadable file
    if len(layers) < 2:
        return None
    levels = {}
    for name in layers:
        m = re.search(r"adm(?:in)?_?(\d)", name, re.I)
        if m:
            levels.setdefault(int(m.group(1)), name)
    if level is not None:
        return levels.get(level)
    return levels[max(levels)] if levels else None


def _blank(v) -> bool:
    return v is None or (isinstance(v, float) and v != v) or (isinstance(v, str) and not v.strip())


def _text(v) -> str:
    return "" if _blank(v) else _names.clean(str(v))


def _parent_value(v) -> str:
    text = _text(v)
    return _names.pcode(text) or text


def _level_from_pcodes(codes: Sequence[str]) -> int | None:
    # COD P-codes add two digits a level: SY (0), SY07 (1), SY0703 (2), SY070301 (3)
    digits = {len(c) - 2 for c in codes if c}
    if len(digits) == 1:
        n = digits.pop()
        if n % 2 == 0 and 2 <= n <= 8:
            return n // 2
    return None


# COD P-codes begin with the ISO alpha-2 code (SY07…) or, in some countries, alpha-3 (IRQ…, UKR…).
_ISO3 = dict(
    pair.split(":")
    for pair in (
        "SYR:SY TUR:TR IRQ:IQ LBN:LB JOR:JO PSE:PS EGY:EG LBY:LY YEM:YE SDN:SD SSD:SS SOM:SO ETH:ET KEN:KE "
        "UGA:UG COD:CD CAF:CF TCD:TD NER:NE NGA:NG MLI:ML BFA:BF CMR:CM MOZ:MZ AFG:AF PAK:PK BGD:BD MMR:MM "
        "UKR:UA HTI:HT COL:CO VEN:VE IRN:IR ARM:AM AZE:AZ GEO:GE"
    ).split()
)


def _country(row, code: str, cod) -> str:
    col = cod.get(0, {}).get("pcode")
    return iso2(str(row[col]) if col and not _blank(row[col]) else code)


def iso2(text: str) -> str:
    """The ISO alpha-2 country of a country code or a P-code: ``SY0703`` → SY, ``IRQ012`` → IQ, ``SDN`` → SD.

    >>> iso2("SY0703"), iso2("IRQ012"), iso2("sdn"), iso2("")
    ('SY', 'IQ', 'SD', '')
    """
    text = str(text).strip().upper()
    letters = re.match(r"[A-Z]*", text).group(0)
    if letters[:3] in _ISO3 and (len(letters) == 3 or not _names.pcode(text)):
        return _ISO3[letters[:3]]
    return letters[:2] if len(letters) >= 2 else ""


# ------------------------------------------------------------------ the gazetteer
def _upper_levels(gdf) -> list:
    """Areas of the levels above, dissolved from the file's ADM1/ADM2 columns (levels with names and P-codes)."""
    cod = gdf.attrs.get("cod") or {}
    level = gdf.attrs.get("level") or 0
    out = []
    for up in sorted((lv for lv in cod if 1 <= lv < level), reverse=True):
        cols = cod[up]
        if "name" not in cols or "pcode" not in cols or cols["pcode"] not in gdf.columns:
            continue
        above = cod.get(up - 1, {})
        parent = above.get("pcode") or above.get("name")
        out.append(_areas(gdf, cod, up, cols["name"], cols["pcode"], parent if parent in gdf.columns else None))
    return out


def add_to_gazetteer(gdf, gazetteer: Gazetteer | None = None, upper: bool = True) -> Gazetteer:
    """Add the areas of :func:`load_boundaries` (and, with ``upper``, the levels above them) to a gazetteer.

    With no ``gazetteer`` a copy of the shipped one is made, so the default
    stays as shipped for the rest of the process; a gazetteer given is
    extended in place. Each area is found by its English and Arabic names,
    alternate names and P-code (``SY0703``, ``sy0703``, ``SY07-03``); its
    kind is ``admin2``/``admin3``…, its source the file name, and its
    polygon is registered with :func:`geo.shapes.register`. Areas already in
    the gazetteer under the same P-code and kind (the shipped Syrian
    governorates) are not added twice. Returns the gazetteer.
    """
    from geo import shapes
    from geo.boundaries import inside_point

    gaz = Gazetteer.default().extended() if gazetteer is None else gazetteer
    source = gdf.attrs.get("source", "user boundaries")
    frames = [gdf, *(_upper_levels(gdf) if upper else [])]
    items: list[tuple[Feature, list[str]]] = []
    for frame in frames:
        for i, row in enumerate(frame.itertuples(index=False)):
            geom = row.geometry
            if geom is None or geom.is_empty or not (row.name or row.pcode):
                continue
            code = row.pcode
            if code and code in gaz.pcodes and gaz.at(gaz.pcodes[code]).source == source:
                continue  # the same area from another layer of this file
            if row.kind == "admin1" and code in gaz.pcodes and gaz.at(gaz.pcodes[code]).kind == "admin1":
                shapes.register(gaz.at(gaz.pcodes[code]).uid, geom)  # the shipped governorate, with these lines
                continue
            uid = f"{row.kind}:{source}:{code}" if code else f"{row.kind}:{source}#{i + 1}"
            if uid in gaz.uids:
                continue
            lat, lon = inside_point(geom)
            feature = Feature(
                uid, row.name or code, row.kind, row.country, row.admin1 or "", lat, lon, 0, code, source, "",
                row.parent, admin2=row.admin2_name, admin3=row.admin3_name, admin1_pcode=row.admin1_pcode,
                admin2_pcode=row.admin2_pcode, admin3_pcode=row.admin3_pcode,
            )  # fmt: skip
            names = [row.name, row.name_ar, *str(row.alt_names or "").split("|")]
            if code and not _names.pcode(code):
                names.append(code)  # the lookup only reads P-codes shaped like SY0703; others are found as names
            items.append((feature, [n for n in names if n]))
            shapes.register(uid, geom)
    for feature, names in items:
        gaz.add_own(feature, names)
    shapes.area.cache_clear()  # a uid may have been looked up (and cached as absent) before
    return gaz


def gazetteer_with(*paths: str | os.PathLike, gazetteer: Gazetteer | None = None, **options) -> Gazetteer:
    """A copy of the shipped gazetteer (or ``gazetteer``, extended in place) with the areas of these files."""
    gaz = Gazetteer.default().extended() if gazetteer is None else gazetteer
    for path in paths:
        add_to_gazetteer(load_boundaries(path, **options), gaz)
    return gaz
