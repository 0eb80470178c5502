"""Real-style community tables for measuring the gazetteer and the maps, made from OCHA's list.

Running this writes (deterministically, seed 541):

* ``data/communities_541.csv`` — IDP arrivals by community in north-west and
  north-east Syria, one row per community, with the whole hierarchy in the
  row as monthly tracking tables carry it (``Mohafaza, Mantika, Nahya,
  Community`` and their P-codes) and a figure per community. The names are
  written the way such tables write them: mostly OCHA's, a third respelled by
  one of the habits below, so name matching has real work to do. Figures are
  invented (a log-normal draw), not real arrivals.
* ``data/community_respellings.csv`` — 2,000 communities from every
  governorate, each respelled by one named habit, with the true P-code:
  vowels dropped, ee/i and ou/u swapped, Kafr/Kfar, Tal/Tell, al-/el-/Al ,
  hyphens and spaces, -eh/-a endings, apostrophes dropped, Arabic script, a
  one-letter typo.

Truth is the OCHA P-code of the row. Source: ``geo/data/communities.csv.gz``
(OCHA COD-PP, CC BY-IGO; credit "Syria populated places: OCHA").

Run:  python benchmarks/community_tables.py
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED = 541
NORTH = {  # districts of north-west and north-east Syria where monthly arrival tables report communities
    "Harim", "Idleb", "Ariha", "Jisr-Ash-Shugur", "Al Ma'ra", "Afrin", "A'zaz", "Jarablus", "Al Bab", "Menbij",
    "Ain Al Arab", "Tell Abiad", "Ras Al Ain", "Al-Hasakeh", "Quamishli", "Al-Malikeyyeh", "Ar-Raqqa", "Ath-Thawrah",
}  # fmt: skip

# Habits of transliteration seen in real tables, each a function of a name (None when it does not apply).
_WORD_SWAPS = [
    ("Kafr", "Kfar"), ("Kafr", "Kafer"), ("Tal", "Tell"), ("Tell", "Tal"), ("Tall", "Tal"), ("Deir", "Dayr"),
    ("Ein", "Ain"), ("Ain", "Ein"), ("Jabal", "Jebel"), ("Jeb", "Jubb"), ("Kherbet", "Khirbet"), ("Um", "Umm"),
    ("Abu", "Abo"), ("Sheikh", "Shaikh"), ("Qasr", "Kasr"),
]  # fmt: skip


def _swap_word(name: str) -> str | None:
    for a, b in _WORD_SWAPS:
        if re.search(rf"\b{a}\b", name):
            return re.sub(rf"\b{a}\b", b, name, count=1)
    return None


def _article(name: str) -> str | None:
    m = re.match(r"^(Al|El|Ar|As|Ash|Ad|Az|At|An)[- ](.+)$", name)
    if m:
        return random.choice([f"El-{m.group(2)}", f"Al {m.group(2)}", m.group(2)])
    return None


def _hyphens(name: str) -> str | None:
    if "-" in name:
        return name.replace("-", " ")
    if " " in name:
        return name.replace(" ", "-", 1)
    return None


def _vowels(name: str) -> str | None:
    for a, b in (("ee", "i"), ("ou", "u"), ("i", "ee"), ("u", "ou"), ("aa", "a"), ("e", "a")):
        if a in name[1:]:
            return name[0] + name[1:].replace(a, b, 1)
    return None


def _ending(name: str) -> str | None:
    for a, b in (("eh", "a"), ("ah", "eh"), ("iyeh", "iya"), ("yeh", "ya"), ("a", "eh")):
        if name.endswith(a):
            return name[: -len(a)] + b
    return None


def _apostrophes(name: str) -> str | None:
    return name.replace("'", "") if "'" in name else None


def _drop_vowel(name: str) -> str | None:
    spots = [i for i, c in enumerate(name) if c in "aeiou" and 0 < i < len(name) - 1]
    if not spots or len(name) < 6:
        return None
    i = random.choice(spots)
    return name[:i] + name[i + 1 :]


def _typo(name: str) -> str | None:
    if len(name) < 6:
        return None
    i = random.randrange(1, len(name) - 1)
    if not name[i].isalpha():
        return None
    return name[:i] + random.choice("aeiklmnrst".replace(name[i].lower(), "")) + name[i + 1 :]


HABITS = {
    "word swap (Kafr/Kfar, Tal/Tell…)": _swap_word,
    "article (al-/el-/Al )": _article,
    "hyphens and spaces": _hyphens,
    "vowels (ee/i, ou/u, aa/a)": _vowels,
    "ending (-eh/-a)": _ending,
    "apostrophes dropped": _apostrophes,
    "one vowel dropped": _drop_vowel,
    "one-letter typo": _typo,
}


def respell(name: str, habits: list[str]) -> tuple[str, str]:
    """The name written by the first of ``habits`` that applies, and that habit's name."""
    for habit in habits:
        out = HABITS[habit](name)
        if out and out != name:
            return out, habit
    return name, "as OCHA writes it"


def communities() -> pd.DataFrame:
    return pd.read_csv(ROOT / "geo" / "data" / "communities.csv.gz", dtype=str, keep_default_na=False)


def table_541() -> pd.DataFrame:
    random.seed(SEED)
    df = communities()
    north = df[df["admin2"].isin(NORTH)].sort_values("pcode", key=lambda s: s.str[1:].astype(int))
    picked = north.sample(n=541, random_state=SEED).sort_values(["admin1_pcode", "admin2_pcode", "admin3_pcode"])
    rows = []
    for r in picked.itertuples():
        written, habit = r.name, "as OCHA writes it"
        if random.random() < 1 / 3:
            habits = list(HABITS)
            random.shuffle(habits)
            written, habit = respell(r.name, habits)
        arrivals = int(round(random.lognormvariate(4.6, 1.1)))
        rows.append({
            "Mohafaza": r.admin1, "Mantika": r.admin2, "Nahya": r.admin3, "Community": written,
            "admin1Pcode": r.admin1_pcode, "admin2Pcode": r.admin2_pcode, "admin3Pcode": r.admin3_pcode,
            "Community_Pcode": r.pcode, "IDP arrivals": arrivals, "spelling": habit,
        })  # fmt: skip
    return pd.DataFrame(rows)


def respellings(n: int = 2000) -> pd.DataFrame:
    random.seed(SEED + 1)
    df = communities().sample(n=n, random_state=SEED + 1)
    rows = []
    habits = list(HABITS)
    for k, r in enumerate(df.itertuples()):
        if k % 10 == 9:
            written, habit = r.name_ar, "Arabic script"
        else:
            order = habits[k % len(habits) :] + habits[: k % len(habits)]
            written, habit = respell(r.name, order)
        rows.append({"written": written, "habit": habit, "ocha_name": r.name, "pcode": r.pcode,
                     "admin1_pcode": r.admin1_pcode, "admin3_pcode": r.admin3_pcode})  # fmt: skip
    return pd.DataFrame(rows)


def main() -> int:
    out = HERE / "data"
    t = table_541()
    t.to_csv(out / "communities_541.csv", index=False, lineterminator="\n")
    print(f"wrote communities_541.csv: {len(t)} rows, {t['IDP arrivals'].sum():,} arrivals, "
          f"{(t['spelling'] != 'as OCHA writes it').sum()} respelled")  # fmt: skip
    r = respellings()
    r.to_csv(out / "community_respellings.csv", index=False, lineterminator="\n")
    print(f"wrote community_respellings.csv: {len(r)} rows; {r['habit'].value_counts().to_dict()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
