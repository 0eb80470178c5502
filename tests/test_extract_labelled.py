"""geo extract keeps its precision and recall on the labelled sentences (benchmarks/data)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_extract.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_extract", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores(bench):
    items = bench.load()
    assert len(items) >= 60
    return bench.score(items)


@pytest.mark.parametrize("part", ["places", "figures", "movements"])
def test_precision_and_recall_stay_at_least_0_9(scores, part):
    assert scores[part]["precision"] >= 0.9, scores["mistakes"]
    assert scores[part]["recall"] >= 0.9, scores["mistakes"]


def test_qualifiers_of_found_figures(scores):
    assert scores["qualifier"] >= 0.9
