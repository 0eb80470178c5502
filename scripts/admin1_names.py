"""The English names of admin-1 areas, derived by rule from Natural Earth's columns.

Used by ``build_shapefiles.py``; kept apart so the rules read in one place.
Natural Earth (NE) gives each area a ``name`` and, in other columns, the
forms other gazetteers use: ``name_alt`` ("|"-separated), ``woe_name``
(Yahoo WOE), ``gn_name`` and ``gns_name`` (GeoNames and NGA GNS, often with
a generic word: "Gobolka Bay", "Borno State", "Janub Darfur, Wilayat").

The alternates of an area are built from those columns by these rules:

* generic words are cleaned off ("Gobolka Bay" → "Bay", "Kanem, Region du"
  → "Kanem"); an English type word is kept as a form of its own too
  ("Borno State");
* the name with its English type is added ("Cabo Delgado Province",
  "Kachin State", "Luhansk Oblast" where NE's local type is Oblast);
* English and French compass words get their usual English twins
  ("North Darfur" ↔ "Northern Darfur", "Nord-Kivu" → "North Kivu");
* dropped: forms that are another area's name in the same country, forms
  two areas of one country share (NE copied some alternates to the
  neighbour it was split from), the name of a town inside the area that is
  not named like the area (NE mixes in capitals: "Mazar-i-Sharif" for Balkh),
  country names, abbreviations and garbled text.

Facts that no rule derives (``admin1_english.csv``) are added after the rules
and are never dropped.
"""

from __future__ import annotations

import re
import unicodedata

# Generic words around a name in NE's gn_name/gns_name/name_alt (lower case, longest first).
GENERIC_PREFIXES = sorted(
    [
        "gobolka", "wilayat-e", "velayat-e", "wilayat", "wilayah", "muhafazat", "muhafazah", "province of",
        "province de l'", "province de la", "province du", "province des", "province de", "provincia de la",
        "provincia del", "provincia de", "provincia di", "prefecture de la", "prefecture de l'",
        "prefecture du", "prefecture de", "région de la", "region de la", "region du", "region de l'",
        "region de", "région du", "région de", "region des", "departement de la", "departement de l'",
        "departement du", "departement des", "departement de", "département de", "departamento de la",
        "departamento del", "departamento de", "estado de", "etat de", "état de", "état du", "commune de",
        "comuna de", "distrito de", "distrito", "district of", "county", "metropolitan borough of",
        "borough of", "municipality of", "opstina", "opština", "komuna e", "qarku i", "raionul", "mkoa wa",
        "kanton", "canton de", "eparchia", "sha`biyat", "sha'biyat", "shabiyat", "mohafazat", "oblast",
        "respublika", "state of", "région", "region", "ville de", "cidade de", "wojewodztwo", "województwo",
    ],
    key=len,
    reverse=True,
)  # fmt: skip
GENERIC_SUFFIXES = sorted(
    [
        "state", "region", "province", "governorate", "division", "district", "county", "prefecture",
        "department", "oblast'", "oblast", "kray", "krai", "respublika", "rayonu", "rayon", "raion",
        "wilayat", "muhafazat", "megye", "zupanija", "županija", "okrug", "kanton", "municipality",
        "parish", "voivodeship", "ili", "novads", "rajons", "viloyati", "shahri", "qarku", "provincia", "departamento",
    ],
    key=len,
    reverse=True,
)  # fmt: skip
# Type words English reports put after an area's name ("Borno State", "Amhara Region").
ENGLISH_TYPES = {
    "State", "Region", "Province", "Governorate", "Division", "District", "County", "Prefecture",
    "Department", "Territory", "Emirate", "Oblast", "Voivodeship",
}  # fmt: skip
# NE's local type words that English reports keep ("Luhansk Oblast", "Krasnodar Krai").
LOCAL_TYPES = {
    "oblast": "Oblast", "oblast'": "Oblast", "kray": "Krai", "muhafazah": "Governorate", "muhafazat": "Governorate",
}  # fmt: skip
# Local type words only fit areas NE calls a region or province in English (not Crimea, not Kyiv City).
LOCAL_TYPE_FITS = {"", "Region", "Province", "Governorate"}
# Myanmar's divisions were renamed regions in 2008; reports use both.
EXTRA_TYPES = {("MM", "Division"): ["Region"]}
# A name made of these words alone names no particular area.
GENERIC_WORDS = {
    "north", "northern", "south", "southern", "east", "eastern", "west", "western", "central", "centre",
    "center", "upper", "lower", "middle", "capital", "federal", "city", "new", "coast", "nord", "sud",
    "est", "ouest", "the", "of", "and", "region", "province", "state", "district", "territory", "islands",
    "nile", "nil", "nilo", "nilen",
}  # fmt: skip
COMPASS = {"north": "northern", "south": "southern", "east": "eastern", "west": "western"}
# "West Bank" is no "Western Bank": compass twins only for names of places, not of kinds of things.
COMMON_NOUNS = {
    "bank", "cape", "coast", "island", "islands", "sea", "province", "region", "state", "district", "division",
    "territory", "county", "area", "areas", "highlands", "lakes", "frontier", "sahara", "ireland", "macedonia",
}  # fmt: skip
FRENCH_LEAD = {
    "nord": "North", "sud": "South", "haut": "Upper", "haute": "Upper", "bas": "Lower", "basse": "Lower",
    "moyen": "Middle", "moyenne": "Middle",
}  # fmt: skip
FRENCH_TAIL = {"nord": "North", "sud": "South", "est": "East", "ouest": "West", "centre": "Central"}
# Slavic adjectival forms left when "Oblast'" is cleaned off ("Luhans'ka"): not names anyone searches.
ADJECTIVAL = re.compile(r"(s'?ka|s'?kaya|s'?kyy|s'?kiy|s'?kyi|skoj)$", re.IGNORECASE)
ABBREVIATION = re.compile(r"(^|[\s-])(?!St\.|Ste\.)[A-Za-z]{1,2}\.")


def fold(text: str) -> str:
    """Lower case, no accents, apostrophes and punctuation as spaces: how two forms are compared."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[`'’‘ʻʼ]", "", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def split_glued(text: str) -> list[str]:
    """NE sometimes lost the separator between two forms: "Haut-ZaïreUpper Zaire"."""
    parts = re.split(r"(?<=[a-zà-ÿ]{3})(?=[A-Z][a-z]{3})", text)
    return [p.strip() for p in parts if p.strip()]


def garbled(text: str) -> bool:
    """Forms NE garbled or abbreviated ("Ba?r al A?mar", "Rang£n", "J. Dhexe") or that are generic."""
    if any(c in text for c in "?£¡¿@#*/\\0123456789()[],;"):
        return True
    if ABBREVIATION.search(text):
        return True
    if any(len(w) == 1 and w not in "aeiouy" for w in fold(text).split()):
        return True  # a letter standing alone: NE lost characters ("L rnax")
    words = fold(text).split()
    return not words or all(w in GENERIC_WORDS for w in words) or len(fold(text).replace(" ", "")) < 2


def clean(text: str) -> tuple[str, str]:
    """A form without its generic words, and the English type word cut off if any ("Borno State" → Borno, State)."""
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" -")
    head, sep, tail = text.partition(", ")
    if sep and tail.split(" ")[0].casefold().rstrip("'") in {p.split(" ")[0] for p in GENERIC_PREFIXES}:
        text = head  # GNS's inverted form: "Janub Darfur, Wilayat" → "Janub Darfur"
    low = text.casefold()
    for prefix in GENERIC_PREFIXES:
        if low.startswith(prefix + " ") or (prefix.endswith("'") and low.startswith(prefix)):
            text = text[len(prefix) :].strip()
            low = text.casefold()
            break
    kind = ""
    for suffix in GENERIC_SUFFIXES:
        if low.endswith(" " + suffix):
            word = text[len(text) - len(suffix) :]
            kind = word.title() if word.title() in ENGLISH_TYPES else ""
            text = text[: len(text) - len(suffix)].strip()
            break
    return text, kind


def compass_twins(name: str) -> list[str]:
    """ "North Darfur" → ["Northern Darfur"]; "Nord-Kivu" → ["North Kivu"]; "Mayo-Kebbi Est" → ["Mayo-Kebbi East"]."""
    out = []
    first, _, rest = name.partition(" ")
    low = first.casefold()
    if rest and fold(rest).split()[-1] not in COMMON_NOUNS:
        for short, long in COMPASS.items():
            if low == short:
                out.append(f"{long.title()} {rest}")
            elif low == long:
                out.append(f"{short.title()} {rest}")
    lead, dash, rest = name.partition("-")
    if dash and rest and lead.casefold() in FRENCH_LEAD and " " not in lead:
        if rest.casefold() in FRENCH_TAIL:  # "Nord-Est" → "North-East"
            out.append(f"{FRENCH_LEAD[lead.casefold()]}-{FRENCH_TAIL[rest.casefold()].replace('Central', 'Centre')}")
        else:
            tail = rest.replace("-", " ") if lead.casefold() in ("nord", "sud") else rest
            out.append(f"{FRENCH_LEAD[lead.casefold()]} {tail}")
    words = name.rsplit(" ", 1)
    if len(words) == 2 and words[1].casefold() in FRENCH_TAIL:
        out.append(f"{words[0]} {FRENCH_TAIL[words[1].casefold()]}")
    return out


def type_words(iso_a2: str, type_en: str, type_local: str) -> list[str]:
    """The type words English reports put after this area's name."""
    words = []
    first = (type_en or "").split("|")[0].strip()
    if first.title() in ENGLISH_TYPES:
        words.append(first.title())
    words += EXTRA_TYPES.get((iso_a2, first), [])
    local = LOCAL_TYPES.get((type_local or "").strip().casefold())
    if local and first in LOCAL_TYPE_FITS:
        words.append(local)
    return list(dict.fromkeys(words))


def with_type(name: str, words: list[str]) -> list[str]:
    """ "Borno" + ["State"] → ["Borno State"], unless the name already ends with a type word."""
    last = name.rsplit(" ", 1)[-1].casefold()
    if last in {w.casefold() for w in ENGLISH_TYPES} or last in LOCAL_TYPES or len(name.split()) > 3:
        return []
    return [f"{name} {w}" for w in words]


def unique(names: list[str], drop: set[str]) -> list[str]:
    """Names in order, each folded form once, none of those in ``drop`` (folded)."""
    seen = set(drop)
    out = []
    for name in names:
        key = fold(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return out
