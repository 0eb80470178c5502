"""The labelled sets of benchmarks/data stay right (the benchmark measures; this guards)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_geocode.py"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_geocode", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_labelled_spellings_are_placed_right():
    t = _bench().spellings()
    assert t.n >= 150
    assert t.right >= 0.97 * t.n and t.wrong == 0, t.errors


def test_made_up_names_stay_unplaced():
    for name in ("nonexistent.txt", "madeup_names.txt"):
        found, n, shown = _bench().made_up(name)
        assert n >= 30 and found == 0, shown


def test_community_table_by_name_is_right_or_unplaced_never_wrong_beyond_one_percent():
    t = _bench().community_table()
    assert t.n == 541 and t.right >= 0.90 * t.n and t.wrong <= 0.01 * t.n, t.errors


def test_community_table_by_pcode_is_all_right():
    t = _bench().community_table(by="Community_Pcode")
    assert t.right == t.n == 541
