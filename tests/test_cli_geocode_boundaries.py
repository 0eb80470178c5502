from __future__ import annotations

import csv
import io
import json
import zipfile

import geopandas as gpd
import pytest
from click.testing import CliRunner
from geopy.location import Location
from test_admin import COD_ADM3, make_cod_admin3

from geo.cli import main


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def rows(text):
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


@pytest.fixture(scope="module")
def cod_zip(tmp_path_factory):
    """The synthetic COD admin-3 layer as OCHA ships it: a zipped shapefile."""
    if not COD_ADM3.exists():
        make_cod_admin3(COD_ADM3)
    folder = tmp_path_factory.mktemp("cod")
    gpd.read_file(COD_ADM3).to_file(folder / "syr_admbnda_adm3.shp")
    path = folder / "syr_admbnda_adm3.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for ext in ("shp", "shx", "dbf", "prj", "cpg"):
            zf.write(folder / f"syr_admbnda_adm3.{ext}", f"syr_admbnda_adm3.{ext}")
    return path


def test_boundaries_add_districts_and_subdistricts(cod_zip):
    res = run("geocode", "Ariha", "Harim district", "SY07-03-01", "Idlib", "--boundaries", cod_zip)
    assert res.exit_code == 0, res.output
    got = rows(res.stdout)
    assert [(r["kind"], r["pcode"]) for r in got] == [
        ("admin2", "SY0703"), ("admin2", "SY0704"), ("admin3", "SY070301"), ("admin1", "SY07")]  # fmt: skip
    assert got[0]["source"] == "syr_admbnda_adm3.zip"
    assert "areas added from" in res.stderr and "4 of 4 names placed" in res.stderr


def test_without_boundaries_districts_are_ochas_points():
    got = rows(run("geocode", "Harim district").stdout)
    assert got[0]["kind"] == "admin2" and got[0]["pcode"] == "SY0703" and "no polygon" in got[0]["note"]


def test_geojson_output_carries_the_district_polygon(cod_zip, tmp_path):
    out = tmp_path / "d.geojson"
    res = run("geocode", "Harim district", "--boundaries", cod_zip, "-o", out)
    assert res.exit_code == 0, res.output
    feat = json.loads(out.read_text())["features"][0]
    assert feat["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert feat["properties"]["pcode"] == "SY0704"


def test_parent_column_decides_and_missing_parent_is_ambiguous(cod_zip, tmp_path):
    f = tmp_path / "idps.csv"
    f.write_text(
        "sub_district;governorate;idps\nTell Hamdan;Aleppo;100\nTell Hamdan;Hama;50\nTell Hamdan;;7\n;Idleb;3\n",
        encoding="utf-8",
    )
    res = run("geocode", "-i", f, "--column", "sub_district", "--parent", "governorate", "--boundaries", cod_zip)
    assert res.exit_code == 0, res.output
    got = rows(res.stdout)
    assert [r["pcode"] for r in got] == ["SY020101", "SY050201", ""]
    assert got[2]["note"].startswith("ambiguous") and "SY020101" in got[2]["alternatives"]
    assert "1 empty line(s) skipped" in res.stderr and "2 of 3 names placed" in res.stderr


def test_xlsx_sheet_and_hxl_tags_pick_the_columns(cod_zip, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "notes"
    ws = book.create_sheet("data")
    for row in (["Site", "Gov", "IDPs"], ["#loc+name", "#adm1+name", "#affected+idps"], ["Tell Hamdan", "SY02", 5]):
        ws.append(row)
    f = tmp_path / "dtm.xlsx"
    book.save(f)
    res = run("geocode", "-i", f, "--sheet", "data", "--parent", "#adm1+name", "--boundaries", cod_zip)
    assert res.exit_code == 0, res.output
    assert rows(res.stdout)[0]["pcode"] == "SY020101"
    assert "names from column 'Site' (#loc+name)" in res.stderr


def test_hxl_csv_without_column_and_hxl_output(tmp_path):
    f = tmp_path / "sites.csv"
    f.write_text("people,site\n#affected+ind,#loc+name\n100,Atmeh camps\n50,Qah\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    res = run("geocode", "-i", f, "-o", out, "--hxl")
    assert res.exit_code == 0, res.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("query,name,lat,lon")
    assert lines[1].startswith("#loc+name,#loc+name+matched,#geo+lat,#geo+lon")
    assert [r["query"] for r in rows("\n".join(lines))] == ["Atmeh camps", "Qah"]


def test_plain_names_file_still_one_per_line(tmp_path):
    f = tmp_path / "names.csv"
    f.write_text("Idlib\nSarmada\n", encoding="utf-8")
    assert [r["query"] for r in rows(run("geocode", "-i", f).stdout)] == ["Idlib", "Sarmada"]


class Fake:
    calls: list[str] = []

    def geocode(self, query, exactly_one=True, **kwargs):
        Fake.calls.append(query)
        return Location("Khirbet Zzyx, Idlib, Syria", (35.9, 36.6), {}) if query == "Khirbet Zzyx" else None


def test_provider_fills_only_unmatched_and_caches(tmp_path, monkeypatch):
    from geo import online

    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(online, "geocoder", lambda provider, user_agent=None: Fake())
    Fake.calls = []
    res = run("geocode", "Idlib", "Khirbet Zzyx", "--provider", "nominatim", "--user-agent", "geo-tests")
    assert res.exit_code == 0, res.output
    got = rows(res.stdout)
    assert got[0]["source"] != "nominatim" and got[1]["source"] == "nominatim" and got[1]["lat"] == "35.9"
    assert Fake.calls == ["Khirbet Zzyx"] and "2 of 2 names placed" in res.stderr
    again = run("geocode", "Khirbet Zzyx", "--provider", "nominatim", "--user-agent", "geo-tests")
    assert Fake.calls == ["Khirbet Zzyx"] and rows(again.stdout)[0]["lat"] == "35.9"  # from the cache


def test_nominatim_needs_a_user_agent(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("GEO_USER_AGENT", raising=False)
    res = run("geocode", "Khirbet Zzyx", "--provider", "nominatim")
    assert res.exit_code == 2 and "user agent" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_bad_boundaries_and_parent_without_table_fail_cleanly(tmp_path):
    bad = tmp_path / "adm3.zip"
    bad.write_bytes(b"PK\x03\x04 cut short")
    for args in (("Ariha", "--boundaries", bad), ("Ariha", "--boundaries", tmp_path / "missing.shp")):
        res = run("geocode", *args)
        assert res.exit_code == 2 and "Traceback" not in res.output
        assert len(res.stderr.strip().splitlines()) == 1, res.stderr
    assert run("geocode", "Ariha", "--parent", "gov").exit_code == 2
