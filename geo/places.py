"""The user's own populated places (a country's COD-PP from HDX, a site list), added to the gazetteer for a run.

A COD-PP file has one row per village or town: its name (``ADM4_EN``,
``featureName``, ``NAME_EN``, ``#loc+name`` …), names in other languages
(``ADM4_AR``, ``#loc+name+i_ar``), its P-code (``ADM4_PCODE``, ``PCODE``,
``#loc+code``), its position (a point layer, or ``LATITUDE``/``LONGITUDE``,
``#geo+lat``/``#geo+lon``) and the names and P-codes of its admin areas.
:func:`load_places` finds those columns by themselves (``columns`` names them
when the headers are unusual) and :func:`add_places` adds each place as a
feature of kind ``place`` whose source is the file: found by every name and by
its P-code, and standing in for a same-named town of the same country that geo
ships (the user's list is the one they trust).

>>> gaz = gazetteer_with_places("sdn_pplp.csv")  # doctest: +SKIP
>>> resolve(["Um Sayala"], gazetteer=gaz)[0].source  # doctest: +SKIP
'sdn_pplp.csv'
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from geo import names as _names
from geo.admin import _text, iso2
from geo.errors import InputError
from geo.gazetteer import Feature, Gazetteer
from geo.io.columns import admin_columns, point_columns

FIELDS = ("name", "pcode", "lat", "lon", "country")
_NAME_HEADERS = ("name_en", "name", "NAME_EN", "NAME", "Name", "featureName", "placename", "place_name", "site_name")
_PCODE_HEADERS = ("pcode", "PCODE", "Pcode", "p_code", "P_CODE", "location_pcode", "Location_Pcode", "code")
_COUNTRY_HEADERS = ("iso_a2", "ISO2", "iso2", "country_code", "ADM0_PCODE", "admin0Pcode", "adm0_pcode", "ISO", "iso3")


def parse_columns(text: str | None) -> dict[str, str]:
    """``"name=featureName,pcode=PCODE"`` → ``{"name": "featureName", "pcode": "PCODE"}`` (for --places-columns)."""
    out: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in (text or "").split(","))):
        key, sep, col = part.partition("=")
        if not sep or key.strip() not in FIELDS or not col.strip():
            raise InputError(f"--places-columns wants FIELD=COLUMN pairs with FIELD one of {', '.join(FIELDS)}; "
                             f"got {part!r}")  # fmt: skip
        out[key.strip()] = col.strip()
    return out


def load_places(path: str | os.PathLike, columns: dict[str, str] | None = None, country: str | None = None,
                sheet=None, layer=None):  # fmt: skip
    """Read a populated-places file into one row per place with ``name, names, pcode, lat, lon, country`` and
    the names and P-codes of its admin areas (``admin1`` … ``admin3``, ``admin1_pcode`` …).

    Rows without a name or a position are left out and counted in ``attrs["skipped"]`` (row numbers in
    ``attrs["skipped_rows"]``). A missing or unreadable column is one error naming the file and the column.
    """
    import pandas as pd

    from geo.io import read_table

    label = Path(str(path)).name
    df = read_table(path, sheet=sheet, layer=layer)
    cols = dict(columns or {})
    for field, col in cols.items():
        if col not in df.columns:
            raise InputError(f"{label}: no column {col!r} for the place {field}; columns are: "
                             f"{', '.join(map(str, df.columns))}")  # fmt: skip
    admin = admin_columns(df)
    here = admin.get(4, {})
    name_col = cols.get("name") or here.get("name") or _first(df, _NAME_HEADERS)
    if name_col is None:
        raise InputError(f"{label}: cannot tell which column names the places (no ADM4_EN, featureName, NAME_EN, "
                         f"#loc+name …); name it: --places-columns name=COLUMN")  # fmt: skip
    pcode_col = cols.get("pcode") or here.get("pcode") or _first(df, _PCODE_HEADERS)
    lat, lon = _positions(df, cols, label)
    other_names = [c for c in df.columns if c != name_col and _is_other_name(c, here)]
    codes = [_code(v) for v in df[pcode_col]] if pcode_col else [""] * len(df)
    countries = _countries(df, cols, codes, lat, lon, country, label)
    out = pd.DataFrame({
        "name": [_text(v) for v in df[name_col]],
        "names": ["|".join(n for n in (_text(v) for v in vals) if n) for vals in zip(*(df[c] for c in other_names))]
        if other_names else "",
        "pcode": codes, "lat": lat, "lon": lon, "country": countries,
    })  # fmt: skip
    for level in (1, 2, 3):
        for what in ("name", "pcode"):
            col = admin.get(level, {}).get(what)
            key = f"admin{level}" + ("_pcode" if what == "pcode" else "")
            out[key] = [(_code(v) if what == "pcode" else _text(v)) for v in df[col]] if col else ""
    first = df.attrs.get("first_row", 2)
    bad = (out["name"] == "") | out["lat"].isna() | out["lon"].isna()
    out.attrs.update(source=label, skipped=int(bad.sum()), skipped_rows=[int(i) + first for i in out.index[bad]])
    return out[~bad].reset_index(drop=True)


def _first(df, headers) -> str | None:
    return next((h for h in headers if h in df.columns), None)


def _is_other_name(col, here: dict) -> bool:
    """Another language's name of the place: ADM4_AR, NAME_AR, featureName_fr, #loc+name+i_ar, alternate names."""
    if col == here.get("ar"):
        return True
    text = str(col).lower()
    return bool(re.match(r"^(adm4|name|feature_?name|place_?name)_?(ar|fr|ru|uk|local|alt\w*|\w\w)$", text)) or (
        text in ("alt_names", "alternate_names", "alternatenames", "name_alt", "name_local")
    )


def _positions(df, cols: dict, label: str):
    import pandas as pd

    if "lat" in cols or "lon" in cols:
        if not ("lat" in cols and "lon" in cols):
            raise InputError(f"{label}: --places-columns needs both lat= and lon=")
        pair = cols["lat"], cols["lon"]
    elif hasattr(df, "geometry") and df.geometry is not None and "geometry" in df.columns:
        geoms = df.geometry
        if not geoms.dropna().geom_type.isin(["Point"]).all():
            geoms = geoms.representative_point()
        ys = [g.y if g is not None and not g.is_empty else None for g in geoms]
        xs = [g.x if g is not None and not g.is_empty else None for g in geoms]
        return pd.Series(ys, dtype="float64"), pd.Series(xs, dtype="float64")
    else:
        pair = point_columns(df)
        if pair is None:
            raise InputError(f"{label}: no positions: neither points nor latitude/longitude columns (LATITUDE, "
                             f"#geo+lat …); name them: --places-columns lat=COLUMN,lon=COLUMN")  # fmt: skip
    lat = pd.to_numeric(df[pair[0]], errors="coerce").astype("float64")
    lon = pd.to_numeric(df[pair[1]], errors="coerce").astype("float64")
    out_of_range = (lat.abs() > 90) | (lon.abs() > 180)
    if out_of_range.any():
        first = df.attrs.get("first_row", 2)
        rows = ", ".join(str(int(i) + first) for i in out_of_range[out_of_range].index[:5])
        raise InputError(f"{label}: columns {pair[0]!r}/{pair[1]!r} hold values that are not degrees of latitude "
                         f"and longitude (rows {rows}); are they swapped or projected?")  # fmt: skip
    return lat.where(~out_of_range), lon.where(~out_of_range)


def _countries(df, cols, codes, lat, lon, country, label) -> list[str]:
    """Each place's ISO alpha-2 country: a column, the P-code's letters, --country, else the country it lies in."""
    col = cols.get("country") or _first(df, _COUNTRY_HEADERS)
    if col:
        return [iso2(_text(v)) for v in df[col]]
    from_codes = [iso2(c) if c else "" for c in codes]
    if all(from_codes):
        return from_codes
    if country:
        return [country.upper()] * len(df)
    return _countries_of_points(lat, lon)


def _countries_of_points(lat, lon) -> list[str]:
    import geopandas as gpd

    from geo import boundaries

    ok = lat.notna() & lon.notna()
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon.fillna(0), lat.fillna(0)), crs=4326)
    a0 = boundaries.admin0()[["iso_a2", "geometry"]]
    hit = gpd.sjoin(pts, a0, how="left", predicate="within")
    hit = hit[~hit.index.duplicated()]
    return [c if isinstance(c, str) and o else "" for c, o in zip(hit["iso_a2"], ok)]


def _code(v) -> str:
    text = _text(v)
    return (_names.pcode(text) or text.upper().replace(" ", "")) if text else ""


def add_places(places, gazetteer: Gazetteer) -> Gazetteer:
    """Add the rows of :func:`load_places` to ``gazetteer`` (extended in place); returns it."""
    source = places.attrs.get("source", "user places")
    for i, r in enumerate(places.itertuples(index=False)):
        feature = Feature(
            f"place:{source}:{r.pcode or i + 2}", r.name, "place", r.country, r.admin1, float(r.lat), float(r.lon),
            0, r.pcode, source, admin2=r.admin2, admin3=r.admin3, admin1_pcode=r.admin1_pcode,
            admin2_pcode=r.admin2_pcode, admin3_pcode=r.admin3_pcode,
            parent=r.admin3_pcode or r.admin2_pcode or r.admin1_pcode,
        )  # fmt: skip
        gazetteer.add_own(feature, [r.name, *str(r.names).split("|")])
    return gazetteer


def gazetteer_with_places(*paths: str | os.PathLike, gazetteer: Gazetteer | None = None,
                          columns: dict[str, str] | None = None, country: str | None = None) -> Gazetteer:  # fmt: skip
    """A copy of the shipped gazetteer (or ``gazetteer``, extended in place) with the places of these files."""
    gaz = Gazetteer.default().extended() if gazetteer is None else gazetteer
    for path in paths:
        add_places(load_places(path, columns=columns, country=country), gaz)
    return gaz
