"""Regenerate ``geo/data/countries.csv``: every country's names and demonyms.

Sources:

* ISO 3166-1 as shipped in the PyPI package ``pycountry==26.2.16`` (LGPL-2.1;
  the ISO data it carries comes from Debian's iso-codes): every country's
  alpha-2 code, short name, official name and common name.
* ``scripts/country_names.csv``, facts written by the geo authors: the name
  reports use for each country (``name``), the other forms they use
  ("CAR", "DRC", "Ivory Coast", "Türkiye", "oPt" …) and the demonyms
  ("Syrian", "Congolese" …) that name borders ("the Syrian border"). It also
  holds Kosovo (``XK``, the user-assigned code GeoNames uses), which ISO lacks.

Output columns: ``iso_a2, name, names, demonyms, source``. ``names`` and
``demonyms`` are "|"-separated; ``names`` holds every form but ``name``
itself. A form two countries share is listed under both (``Congo`` for CD
and CG, ``Congolese``, ``Dominican``): the gazetteer decides between them
from context. The Gaza Strip and the West Bank are admin-1 areas of PS
(``shapefiles/admin1.gpkg``), not names of the country.

Run:  pip install pycountry==26.2.16 && python scripts/build_countries.py
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
FACTS = Path(__file__).with_name("country_names.csv")
OUT = ROOT / "geo" / "data" / "countries.csv"


def _split(text: str) -> list[str]:
    return [t.strip() for t in (text or "").split("|") if t.strip()]


def uninverted(name: str) -> str:
    """ISO's inverted names read the usual way: "Korea, Republic of" → "Republic of Korea"."""
    head, sep, tail = name.partition(", ")
    if sep and (tail.endswith(" of") or tail.endswith(" of the")):
        return f"{tail[4:] if tail.startswith('The ') else tail} {head}"
    return ""


def iso_names(alpha_2: str) -> list[str]:
    country = pycountry.countries.get(alpha_2=alpha_2)
    if country is None:
        return []
    forms = [country.name, getattr(country, "common_name", ""), uninverted(country.name)]
    official = getattr(country, "official_name", "")
    if official:
        forms.append(official[4:] if official.startswith("the ") else official)
    return [f for f in forms if f]


def unique(names: list[str], drop: str) -> list[str]:
    """Names in order, each once (ignoring case), without ``drop``."""
    seen = {drop.casefold()}
    out = []
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name)
    return out


def build() -> list[dict[str, str]]:
    with open(FACTS, encoding="utf-8", newline="") as fh:
        facts = {row["iso_a2"]: row for row in csv.DictReader(fh)}
    missing = sorted({c.alpha_2 for c in pycountry.countries} - set(facts))
    if missing:
        raise SystemExit(f"{FACTS.name} has no row for {', '.join(missing)}")
    rows = []
    for code in sorted(facts):
        fact = facts[code]
        name = fact["name"] or iso_names(code)[0]
        iso = iso_names(code)
        rows.append(
            {
                "iso_a2": code,
                "name": name,
                "names": "|".join(unique([*_split(fact["names"]), *iso], drop=name)),
                "demonyms": "|".join(unique(_split(fact["demonyms"]), drop="")),
                "source": f"ISO 3166-1 (pycountry {pycountry_version()}) and {fact['source']}"
                if iso
                else fact["source"],
            }
        )
    return rows


def pycountry_version() -> str:
    from importlib.metadata import version

    return version("pycountry")


def main() -> int:
    rows = build()
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=["iso_a2", "name", "names", "demonyms", "source"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    OUT.write_text(buf.getvalue(), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} countries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
