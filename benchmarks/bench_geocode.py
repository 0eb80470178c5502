"""Accuracy and speed of the offline gazetteer (issue: foundation and gazetteer).

Claims measured here, recorded in BENCHMARKS.md:

* accuracy on ``benchmarks/data/spellings.csv`` — spellings of Syrian and
  southern Turkish places as news and humanitarian reports write them, with
  true coordinates (points: within 10 km) or the true feature (areas, borders);
  target ≥ 97 %;
* made-up names (``benchmarks/data/nonexistent.txt``) must not match above the
  threshold;
* throughput after load: exact/normalised names (target ≥ 20,000/s) and names
  with typos that need fuzzy matching (target ≥ 2,000/s), all distinct so no
  cache helps;
* cold start of ``geo geocode Idlib`` (target < 1.5 s), with the index cache
  warm, and the very first run that builds the cache.

Run:  python benchmarks/bench_geocode.py
"""

from __future__ import annotations

import csv
import math
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from geo.gazetteer import FOCUS_COUNTRIES, Gazetteer  # noqa: E402
from geo.geocode import resolve  # noqa: E402


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(a))


def correct(row: dict, m) -> bool:
    if not m.matched:
        return False
    if row["kind"] == "admin1":
        code = row["expect"]
        if ":" in code:  # outside Syria: country and name, e.g. TR:Hatay
            country, name = code.split(":", 1)
            return m.kind == "admin1" and m.country == country and m.name == name
        return m.pcode == code
    if row["kind"] == "country":
        return m.kind == "country" and m.country == row["expect"]
    if row["kind"] == "border":
        return m.id == f"border:{row['expect']}"
    return km(float(row["lat"]), float(row["lon"]), m.lat, m.lon) <= 10.0


def accuracy() -> tuple[float, list[str]]:
    rows = list(csv.DictReader(open(HERE / "data" / "spellings.csv", encoding="utf-8")))
    wrong = []
    for row in rows:
        (m,) = resolve([row["query"]])  # each name alone: no help from context
        if not correct(row, m):
            wrong.append(f"{row['query']!r} → {m.name or '(unmatched)'} [{m.kind} {m.id}] score {m.score}")
    return 1 - len(wrong) / len(rows), wrong, len(rows)


def made_up() -> list[str]:
    names = [n.strip() for n in open(HERE / "data" / "nonexistent.txt", encoding="utf-8") if n.strip()]
    return [f"{m.query!r} → {m.name} ({m.score})" for m in resolve(names) if m.matched], len(names)


def typo(name: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(name) - 1)
    op = rng.choice("sdi")
    letter = rng.choice("bcdfgklmnprstz")
    if op == "s":
        return name[:i] + letter + name[i + 1 :]
    if op == "d":
        return name[:i] + name[i + 1 :]
    return name[:i] + letter + name[i:]


def throughput(gaz: Gazetteer) -> dict:
    rng = random.Random(7)
    names = sorted({gaz.rows[i][1] for i in range(len(gaz.rows))})
    exact = rng.sample(names, 20000)
    focus = sorted({r[1] for r in gaz.rows if r[3] in FOCUS_COUNTRIES and len(r[1]) > 5 and r[1].isascii()})
    fuzzy = sorted({typo(n, rng) for n in rng.sample(focus, min(3000, len(focus)))})[:2000]
    out = {}
    for label, batch in (("exact/normalised", exact), ("fuzzy (typos)", fuzzy)):
        gaz.lookup.cache_clear()
        start = time.perf_counter()
        matches = resolve(batch, gazetteer=gaz)
        secs = time.perf_counter() - start
        out[label] = (len(batch), secs, sum(m.matched for m in matches))
    return out


def cold_start() -> tuple[float, float]:
    geo = [sys.executable, "-m", "geo", "geocode", "Idlib"]
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as fresh:
        env["GEO_CACHE_DIR"] = fresh
        start = time.perf_counter()
        subprocess.run(geo, env=env, check=True, capture_output=True)
        first = time.perf_counter() - start
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run(geo, env=env, check=True, capture_output=True)
            runs.append(time.perf_counter() - start)
    return first, min(runs)


def main() -> int:
    start = time.perf_counter()
    gaz = Gazetteer.default()
    load = time.perf_counter() - start
    acc, wrong, n = accuracy()
    fakes, n_fake = made_up()
    print(f"index load (cache warm): {load:.2f} s; {len(gaz):,} features, {len(gaz.exact):,} name keys")
    print(f"accuracy: {acc:.1%} of {n} spellings placed right (target ≥ 97%)")
    for w in wrong:
        print("  wrong:", w)
    print(f"made-up names matched above the threshold: {len(fakes)} of {n_fake} (target 0)")
    for f in fakes:
        print("  matched:", f)
    for label, (count, secs, placed) in throughput(gaz).items():
        rate = count / secs
        print(f"throughput {label}: {rate:,.0f} names/s ({count:,} distinct names in {secs:.2f} s, {placed:,} placed)")
    first, warm = cold_start()
    print(f"cold start `geo geocode Idlib`: {warm:.2f} s with the index cache warm; first run ever {first:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
