from __future__ import annotations

import pytest
from click.testing import CliRunner

from geo.cli import main
from geo.online import Cache


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_info_on_an_empty_cache(cache_home):
    res = run("cache", "info")
    assert res.exit_code == 0, res.output
    assert f"folder: {cache_home}" in res.stdout
    assert "online answers: 0" in res.stdout and "gazetteer index files: 0" in res.stdout


def test_info_and_clear_by_provider_and_all(cache_home):
    c = Cache()
    c.put("nominatim", "Kafr Nubl", {"address": "Kafr Nubl", "lat": 35.6, "lon": 36.6, "raw": {}})
    c.put("nominatim", "Nowhere", None)
    c.put("arcgis", "Kafr Nubl", None)
    (cache_home / "gazetteer-0123.pickle").write_bytes(b"x" * 10)
    res = run("cache", "info")
    assert "online answers: 3 (arcgis 1, nominatim 2)" in res.stdout
    assert "gazetteer index files: 1" in res.stdout
    res = run("cache", "clear", "--provider", "nominatim")
    assert res.exit_code == 0 and "removed 2 online answer(s) of nominatim" in res.stderr
    assert Cache().info()["providers"] == {"arcgis": 1}
    res = run("cache", "clear", "--all")
    assert "removed 1 online answer(s)" in res.stderr and "removed 1 gazetteer index file(s)" in res.stderr
    assert not (cache_home / "gazetteer-0123.pickle").exists()


def test_help_lists_the_group():
    assert "cache" in run("--help").stdout
    assert "Examples:" in run("cache", "--help").stdout
