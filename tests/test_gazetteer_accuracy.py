"""The labelled spellings of benchmarks/data stay right (the benchmark measures; this guards)."""

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
    acc, wrong, n = _bench().accuracy()
    assert n >= 150
    assert acc >= 0.97, wrong


def test_made_up_names_stay_unmatched():
    matched, n = _bench().made_up()
    assert n >= 30
    assert matched == []
