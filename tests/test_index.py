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


def test_index_is_written_whole_or_not_at_all(tmp_path, monkeypatch):
    # a geo running while the index is rebuilt must never read half a file: each part is written beside its
    # place and moved there
    monkeypatch.setattr(gazetteer, "INDEX", tmp_path / "gazetteer.json.gz")
    monkeypatch.setattr(gazetteer, "INDEX_VARIANTS", tmp_path / "gazetteer-variants.json.gz")
    seen = []
    real_replace = gazetteer.os.replace

    def replace(src, dst):
        seen.append((src.name, dst.name, (tmp_path / dst.name).exists()))
        real_replace(src, dst)

    monkeypatch.setattr(gazetteer.os, "replace", replace)
    gazetteer.write_index(gazetteer.Gazetteer())  # how it writes, not what: an empty index will do
    assert seen == [("gazetteer.json.gz.part", "gazetteer.json.gz", False),
                    ("gazetteer-variants.json.gz.part", "gazetteer-variants.json.gz", False)]  # fmt: skip
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gazetteer-variants.json.gz", "gazetteer.json.gz"]
    with gzip.open(tmp_path / "gazetteer.json.gz", "rb") as fh:
        assert json.loads(fh.read())["sources"] == gazetteer.source_hash()


def test_variants_changed_under_a_running_geo_is_one_clear_error(tmp_path, monkeypatch):
    import pytest

    from geo.errors import GeocoderError

    stale = tmp_path / "gazetteer-variants.json.gz"
    stale.write_bytes(gzip.compress(b'{"sources": "0000"'))  # half a file, or one of another build
    with pytest.raises(GeocoderError, match="gazetteer-variants.json.gz changed or went missing while geo was running"):
        gazetteer._read_later(stale, gazetteer.source_hash())
