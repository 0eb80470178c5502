"""Accuracy and speed of ``geo extract`` (issue: report text → reviewed figures → maps).

Claims measured here, recorded in BENCHMARKS.md, on each labelled set separately:

* ``extract_labelled.jsonl``: 92 sentences written by the geo authors in the
  style of UN flash updates (north-west Syria mostly), split "dev" (62, used
  while building) and "heldout" (30, written afterwards);
* ``extract_dev_world.jsonl``: 70 sentences about crises other than Syria's
  (Sudan, Ukraine, Gaza, Myanmar, DRC, Somalia, Yemen, Afghanistan, Haiti …),
  written for issue 14 and used while building: mistakes are listed;
* ``extract_dev_world2.jsonl``: 30 more such sentences, written after the
  first round of changes to see how far they generalised, then used too;
* ``extract_heldout_world.jsonl`` (108 sentences) and ``unseen_reports.jsonl``
  (5 reports): written by someone else and held out until their first
  score; since read item by item and learnt from, so development data now:
  mistakes are listed;
* ``extract_heldout_world3.jsonl`` (128 sentences) and ``unseen_reports_2.jsonl``
  (5 reports): written by someone else after the rules of ``data/LABELLING.md``,
  scored once held out (aggregates only), since read item by item and learnt
  from, so development data now: mistakes are listed;
* ``unseen_reports_3.jsonl`` (8 reports): the same, scored once held out,
  then read: development data now;
* ``unseen_reports_4.jsonl`` (6 reports): written by someone else after the
  "settled after the third set" rules of ``data/LABELLING.md``, never read by
  the extractor's authors: scored when present, aggregate precision and recall
  only, never the items, so nobody tunes on them.

Target on held-out text: places recall ≥ 0.9, figures precision and recall
≥ 0.9, movements precision and recall ≥ 0.85. Also measured: among the figures
found, how often the qualifier (approximate, more than …) is the labelled one;
where labels give them, the top of ranges and the figure a movement carries;
and speed after the gazetteer is loaded (a 92-sentence report against pysbd
splitting the same report into sentences, the demo report, 1 MB of text).

How a prediction counts as right, per labelled item:

* a place: the same words as written (case and a leading "the" aside);
* a figure: the same number, and a percentage (to the whole per cent) where the label says percent;
* a movement: the same origin and destination as written (either may be empty);
* "movements with figure" (stricter): the same ends and the same figure, or
  none where the label has none (a shared figure must not be copied).

Run:  python benchmarks/bench_extract.py  [--no-timing] [--dev]   (--dev: leave the held-out sets out)
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

DATA = HERE / "data"
LABELLED = DATA / "extract_labelled.jsonl"
DEV_WORLD = DATA / "extract_dev_world.jsonl"
DEV_WORLD2 = DATA / "extract_dev_world2.jsonl"
USED_WORLD = DATA / "extract_heldout_world.jsonl"  # held out once, development data since
USED_REPORTS = DATA / "unseen_reports.jsonl"  # held out once, development data since
USED_WORLD3 = DATA / "extract_heldout_world3.jsonl"  # held out once, development data since
USED_REPORTS2 = DATA / "unseen_reports_2.jsonl"  # held out once, development data since
USED_REPORTS3 = DATA / "unseen_reports_3.jsonl"  # held out once, development data since
HELDOUT = (("unseen reports 4 (unseen_reports_4)", DATA / "unseen_reports_4.jsonl"),)
PARTS = ("places", "figures", "movements")


def load(path: Path = LABELLED) -> list[dict]:
    """The labelled items, one dict per line."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def sets(dev_only: bool = False) -> list[tuple[str, list[dict], bool]]:
    """(name, items, list its mistakes?) for every labelled set present; held-out sets never list mistakes.

    ``dev_only`` leaves the held-out sets out altogether: what to run while developing.
    """
    labelled = load(LABELLED)
    out = [
        ("Syria dev (extract_labelled, split dev)", [i for i in labelled if i.get("split", "dev") == "dev"], True),
        ("Syria held-out (extract_labelled, heldout)", [i for i in labelled if i.get("split") == "heldout"], True),
        ("world dev (extract_dev_world)", load(DEV_WORLD), True),
        ("world dev 2 (extract_dev_world2)", load(DEV_WORLD2), True),
        ("world used (extract_heldout_world, held out once)", load(USED_WORLD), True),
        ("reports used (unseen_reports, held out once)", load(USED_REPORTS), True),
        ("world used 3 (extract_heldout_world3, held out once)", load(USED_WORLD3), True),
        ("reports used 2 (unseen_reports_2, held out once)", load(USED_REPORTS2), True),
        ("reports used 3 (unseen_reports_3, held out once)", load(USED_REPORTS3), True),
    ]
    for name, path in HELDOUT:
        if path.exists() and not dev_only:
            out.append((name, load(path), False))  # aggregates only: never list a held-out item
    return out


def _name(text: str) -> str:
    text = " ".join(text.split()).lower()
    return text.removeprefix("the ")


def predictions(item: dict) -> dict:
    """What extract() finds in one labelled item, in the labels' terms."""
    res = extract(item["text"], date=item.get("date"))
    return {
        "places": [p.text for p in res.places],
        "figures": [
            {"figure": f.value, "unit": f.unit, "qualifier": f.qualifier, "high": getattr(f, "high", None)}
            for f in res.figures
        ],
        "movements": [
            {
                "origin": m.origin.text if m.origin else "",
                "destination": m.destination.text if m.destination else "",
                "figure": m.figure.value if m.figure else None,
            }
            for m in res.movements
        ],
    }


def _figure(f: dict) -> tuple[float, bool]:
    """A figure as it is compared: the number (a percentage to the whole per cent: two thirds is 67) and
    whether it is a percentage."""
    percent = f["unit"] == "percent"
    return (float(round(float(f["figure"]))) if percent else float(f["figure"]), percent)


def _keys(item: dict, part: str) -> Counter:
    if part == "places":
        return Counter(_name(p) for p in item["places"])
    if part == "figures":
        return Counter(_figure(f) for f in item["figures"])
    if part == "movements with figure":
        return Counter(
            (_name(m["origin"]), _name(m["destination"]), None if m.get("figure") is None else float(m["figure"]))
            for m in item["movements"]
        )
    return Counter((_name(m["origin"]), _name(m["destination"])) for m in item["movements"])


def _ratio(right: int, total: int) -> float:
    return right / total if total else 1.0


def score(items: list[dict]) -> dict:
    """Precision, recall and counts per part, plus qualifier agreement and the mistakes, over all items."""
    strict = all("figure" in m for i in items for m in i["movements"])
    parts = (*PARTS, "movements with figure") if strict else PARTS
    tallies = {part: Counter() for part in parts}
    mistakes = []
    qual_right = qual_total = high_right = high_total = 0
    for item in items:
        got = predictions(item)
        for part, tally in tallies.items():
            want, have = _keys(item, part), _keys(got, part)
            hit = want & have
            tally["tp"] += sum(hit.values())
            tally["fp"] += sum((have - want).values())
            tally["fn"] += sum((want - have).values())
            if part == "movements with figure":
                want = Counter(k for k in want.elements() if k[:2] in _keys(got, "movements"))
                have = Counter(k for k in have.elements() if k[:2] in _keys(item, "movements"))
                part = "movement figure"  # listed only where the ends are right, so each mistake shows once
            for k in (have - want).elements():
                mistakes.append((item["id"], part, "extra", k))
            for k in (want - have).elements():
                mistakes.append((item["id"], part, "missed", k))
        wanted = {_figure(f): f for f in item["figures"]}
        for f in got["figures"]:
            label = wanted.get(_figure(f))
            if label is None:
                continue
            qual_total += 1
            qual_right += f["qualifier"] == label["qualifier"]
            if label.get("high") is not None or f["high"] is not None:  # a label may write "high": null
                high_total += 1
                high_right += label.get("high") is not None and f["high"] == label["high"]
    out = {}
    for part, t in tallies.items():
        out[part] = {"precision": _ratio(t["tp"], t["tp"] + t["fp"]), "recall": _ratio(t["tp"], t["tp"] + t["fn"]), **t}
    out["qualifier"] = _ratio(qual_right, qual_total)
    out["ranges"] = (high_right, high_total)
    out["mistakes"] = mistakes
    return out


def _timed(func, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        func()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def report(name: str, items: list[dict], list_mistakes: bool) -> None:
    """Print one set's scores (and, for sets we may develop on, its mistakes)."""
    result = score(items)
    print(f"{name}: {len(items)} items")
    for part in (p for p in (*PARTS, "movements with figure") if p in result):
        r = result[part]
        print(
            f"  {part:22s} precision {r['precision']:.3f}  recall {r['recall']:.3f}  "
            f"(tp {r['tp']}, fp {r['fp']}, fn {r['fn']})"
        )
    high_right, high_total = result["ranges"]
    ranges = f"; ranges with the right top: {high_right} of {high_total}" if high_total else ""
    print(f"  qualifier right among figures found: {result['qualifier']:.3f}{ranges}")
    if list_mistakes:
        for mistake in result["mistakes"]:
            print("    ", *mistake)


def timing(items: list[dict], load_s: float) -> None:
    import pysbd

    report_text = " ".join(item["text"] for item in items)
    demo = (HERE.parent / "geo" / "data" / "demo_report.md").read_text(encoding="utf-8")
    extract(report_text, date="2020-02-05")  # warm the caches of dateparser and the lookups once
    ours = _timed(lambda: extract(report_text, date="2020-02-05"))
    segmenter = pysbd.Segmenter(language="en", clean=False)
    base = _timed(lambda: segmenter.segment(report_text))
    demo_s = _timed(lambda: extract(demo, date="2020-02-05"))
    big = (report_text + "\n\n") * (1_000_000 // (len(report_text) + 2) + 1)
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


def main() -> None:
    t = time.perf_counter()
    Gazetteer.default()
    load_s = time.perf_counter() - t
    for name, items, list_mistakes in sets(dev_only="--dev" in sys.argv):
        report(name, items, list_mistakes)
    if "--no-timing" not in sys.argv:
        timing(load(LABELLED), load_s)


if __name__ == "__main__":
    main()
