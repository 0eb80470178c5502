"""Accuracy and speed of ``geo extract`` (issue: report text → reviewed figures → maps).

Claims measured here, recorded in BENCHMARKS.md:

* precision and recall of place mentions, figures and movements on
  ``benchmarks/data/extract_labelled.jsonl`` — 92 sentences written by the geo
  authors in the style of UN flash updates and NGO situation reports (north-
  west Syria mostly, some north-east Syria, Iraq, Lebanon), labelled by hand;
  target ≥ 0.9 each. The 62 "dev" items were used while building the
  extractor; the 30 "heldout" items were written and labelled afterwards and
  first run untouched (that first run is recorded in BENCHMARKS.md too);
* among the figures found, how often the qualifier (approximate, more than …)
  is the labelled one;
* speed after the gazetteer is loaded: a 62-sentence report (target well
  under a second), the demo report, and 1 MB of text; pysbd splitting the
  same report into sentences is the baseline, run in the same process.

How a prediction counts as right, per labelled item:

* a place: the same words as written (case, a leading "the" and a trailing
  possessive aside);
* a figure: the same number, and a percentage where the label says percent;
* a movement: the same origin and destination as written (either may be empty).

Run:  python benchmarks/bench_extract.py
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from geo.extract import extract  # noqa: E402
from geo.gazetteer import Gazetteer  # noqa: E402

LABELLED = HERE / "data" / "extract_labelled.jsonl"


def load(path: Path = LABELLED) -> list[dict]:
    """The labelled items, one dict per line."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _name(text: str) -> str:
    text = " ".join(text.split()).lower()
    return text.removeprefix("the ")


def predictions(item: dict) -> dict:
    """What extract() finds in one labelled item, in the labels' terms."""
    res = extract(item["text"], date=item.get("date"))
    return {
        "places": [p.text for p in res.places],
        "figures": [{"figure": f.value, "unit": f.unit, "qualifier": f.qualifier} for f in res.figures],
        "movements": [
            {"origin": m.origin.text if m.origin else "", "destination": m.destination.text if m.destination else ""}
            for m in res.movements
        ],
    }


def _keys(item: dict, part: str) -> Counter:
    if part == "places":
        return Counter(_name(p) for p in item["places"])
    if part == "figures":
        return Counter((float(f["figure"]), f["unit"] == "percent") for f in item["figures"])
    return Counter((_name(m["origin"]), _name(m["destination"])) for m in item["movements"])


def score(items: list[dict]) -> dict:
    """Precision, recall and counts per part, plus qualifier agreement and the mistakes, over all items."""
    tallies = {part: Counter() for part in ("places", "figures", "movements")}
    mistakes = []
    qual_right = qual_total = 0
    for item in items:
        got = predictions(item)
        for part, tally in tallies.items():
            want, have = _keys(item, part), _keys(got, part)
            hit = want & have
            tally["tp"] += sum(hit.values())
            tally["fp"] += sum((have - want).values())
            tally["fn"] += sum((want - have).values())
            for k in (have - want).elements():
                mistakes.append((item["id"], part, "extra", k))
            for k in (want - have).elements():
                mistakes.append((item["id"], part, "missed", k))
        wanted = {(float(f["figure"]), f["unit"] == "percent"): f["qualifier"] for f in item["figures"]}
        for f in got["figures"]:
            key = (float(f["figure"]), f["unit"] == "percent")
            if key in wanted:
                qual_total += 1
                qual_right += f["qualifier"] == wanted[key]
    out = {}
    for part, t in tallies.items():
        p = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 1.0
        r = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 1.0
        out[part] = {"precision": p, "recall": r, **t}
    out["qualifier"] = qual_right / qual_total if qual_total else 1.0
    out["mistakes"] = mistakes
    return out


def _timed(func, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        func()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    t = time.perf_counter()
    Gazetteer.default()
    load_s = time.perf_counter() - t
    items = load()
    result = score(items)
    print(f"labelled items: {len(items)}")
    for part in ("places", "figures", "movements"):
        r = result[part]
        print(
            f"{part:10s} precision {r['precision']:.3f}  recall {r['recall']:.3f}  "
            f"(tp {r['tp']}, fp {r['fp']}, fn {r['fn']})"
        )
    print(f"qualifier right among figures found: {result['qualifier']:.3f}")
    for split in ("dev", "heldout"):
        part = score([i for i in items if i.get("split", "dev") == split])
        shown = ", ".join(
            f"{k} P {part[k]['precision']:.2f} R {part[k]['recall']:.2f}" for k in ("places", "figures", "movements")
        )
        print(f"  {split}: {shown}")
    for mistake in result["mistakes"]:
        print("  ", *mistake)

    import pysbd

    report = " ".join(item["text"] for item in items)
    demo = (HERE.parent / "geo" / "data" / "demo_report.md").read_text(encoding="utf-8")
    extract(report, date="2020-02-05")  # warm the caches of dateparser and the lookups once
    ours = _timed(lambda: extract(report, date="2020-02-05"))
    segmenter = pysbd.Segmenter(language="en", clean=False)
    base = _timed(lambda: segmenter.segment(report))
    demo_s = _timed(lambda: extract(demo, date="2020-02-05"))
    big = (report + "\n\n") * (1_000_000 // (len(report) + 2) + 1)
    t = time.perf_counter()
    res = extract(big[:1_000_000], date="2020-02-05")
    big_s = time.perf_counter() - t
    print(f"gazetteer load: {load_s:.2f} s")
    print(
        f"{len(items)}-sentence report: {ours * 1000:.0f} ms (pysbd sentence split alone: {base * 1000:.0f} ms, "
        f"ratio {ours / base:.2f})"
    )
    print(f"demo report ({len(demo):,} chars): {demo_s * 1000:.0f} ms")
    print(f"1 MB of report text: {big_s:.1f} s, {len(res.figures):,} figures, {len(res.movements):,} movements")


if __name__ == "__main__":
    main()
