"""The gazetteer index that geo ships must be the one its sources build."""

from __future__ import annotations

import gzip
import json

from geo import gazetteer


def test_shipped_index_matches_its_sources():
    for path in (gazetteer.INDEX, gazetteer.INDEX_VARIANTS):
        with gzip.open(path, "rb") as fh:
            built_from = json.loads(fh.read())["sources"]
        assert built_from == gazetteer.source_hash(), f"{path.name} is stale: run python scripts/build_index.py"


def test_shipped_index_loads_without_building(monkeypatch):
    from geo import sources

    def refuse():
        raise AssertionError("the shipped index should have been used")

    monkeypatch.setattr(sources, "build", refuse)
    gazetteer._default.cache_clear()
    try:
        gaz = gazetteer.Gazetteer.default()
        assert gaz.feature("community:C4130").name == "Atma" and len(gaz) > 40_000
    finally:
        gazetteer._default.cache_clear()
