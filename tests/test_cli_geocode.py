from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from geo.cli import main

HEADER = "query,name,lat,lon,kind,admin1,country,score,source"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_help_has_examples():
    out = run("geocode", "--help").output
    assert "Examples:" in out and "--country" in out
    assert "geocode" in run("--help").output


def test_names_as_arguments():
    res = run("geocode", "Idlib", "Maaret al-Numan", "Nowhere-on-earth")
    assert res.exit_code == 0
    assert res.stdout.startswith(HEADER)
    got = rows(res.stdout)
    assert [r["kind"] for r in got] == ["admin1", "community", ""]
    assert got[2]["lat"] == "" and got[2]["score"] == "0.0"
    assert "2 of 3 names placed; unmatched: 'Nowhere-on-earth'" in res.stderr


def test_names_from_file_skip_and_count_empty_lines(tmp_path):
    f = tmp_path / "names.txt"
    f.write_text("Idlib\n\nSarmada\n  \n", encoding="utf-8")
    res = run("geocode", "-i", str(f))
    assert res.exit_code == 0
    assert [r["query"] for r in rows(res.stdout)] == ["Idlib", "Sarmada"]
    assert "2 empty line(s) skipped" in res.stderr


def test_csv_column_and_hxl_row(tmp_path):
    f = tmp_path / "sites.csv"
    f.write_text("site,people\n#loc+name,#affected+ind\nAtmeh camps,100\nQah camps,50\n", encoding="utf-8")
    res = run("geocode", "-i", str(f), "--column", "site")
    assert res.exit_code == 0
    assert [r["kind"] for r in rows(res.stdout)] == ["camp", "camp"]


def test_stdin():
    res = run("geocode", "-i", "-", input="Sarmada\n")
    assert rows(res.stdout)[0]["name"] == "Sarmada"


def test_geojson_and_gpkg_carry_true_geometry(tmp_path):
    out = tmp_path / "places.geojson"
    res = run("geocode", "Idleb", "Turkish border", "Atmeh", "Nowhere-on-earth", "-o", str(out))
    assert res.exit_code == 0, res.output
    feats = json.loads(out.read_text())["features"]
    assert [f["geometry"]["type"] if f["geometry"] else None for f in feats] == [
        "Polygon", "LineString", "Point", None]  # fmt: skip
    gpkg = tmp_path / "places.gpkg"
    assert run("geocode", "Idleb", "-o", str(gpkg)).exit_code == 0
    import geopandas as gpd

    assert gpd.read_file(gpkg).geometry.iloc[0].geom_type == "Polygon"


def test_csv_output_file(tmp_path):
    out = tmp_path / "p.csv"
    assert run("geocode", "Idlib", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith(HEADER)


def test_bad_inputs_give_one_line_and_exit_2(tmp_path):
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Alep\xe9\n".encode("latin-1"))
    table = tmp_path / "t.csv"
    table.write_text("a,b\n1,2\n", encoding="utf-8")
    cases = [
        ("-i", str(latin1)),
        ("-i", str(tmp_path / "missing.txt")),
        ("-i", str(table), "--column", "name"),
        ("Idlib", "--bbox", "1,2,3"),
        ("Idlib", "-o", str(tmp_path / "out.xyz")),
    ]
    for args in cases:
        res = run("geocode", *args)
        assert res.exit_code == 2, (args, res.output)
        assert "Traceback" not in res.output
        assert len(res.stderr.strip().splitlines()) == 1, res.stderr


def test_no_names_is_a_usage_error():
    res = run("geocode")
    assert res.exit_code == 2 and "give names" in res.stderr


def test_hostile_names_handled(tmp_path):
    res = run("geocode", "<script>alert(1)</script>", "x" * 100_000, "Idlib\x07")
    assert res.exit_code == 0
    assert len(rows(res.stdout)) == 3


def test_every_command_help_has_an_example():
    commands = [["geocode"], ["extract"], ["choropleth"], ["flows"], ["demo"], ["cache"], ["cache", "info"],
                ["cache", "clear"]]  # fmt: skip
    for args in commands:
        out = run(*args, "--help").output
        assert "Example" in out, args


def test_a_new_machine_uses_the_shipped_index_at_once(tmp_path, monkeypatch):
    from geo import gazetteer

    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    gazetteer._default.cache_clear()
    try:
        res = run("geocode", "Idlib")
        assert res.exit_code == 0 and "building" not in res.stderr
    finally:
        gazetteer._default.cache_clear()


def test_an_index_out_of_date_is_rebuilt_and_said(tmp_path, monkeypatch):
    from geo import gazetteer, sources

    monkeypatch.setattr(gazetteer, "INDEX", tmp_path / "missing.json.gz")
    monkeypatch.setattr(sources, "build", lambda: gazetteer.Gazetteer())  # the real build takes seconds
    gazetteer._default.cache_clear()
    try:
        res = run("geocode", "Idlib")
        assert "does not match its sources: building it" in res.stderr
        assert "0 of 1 names placed" in res.stderr
    finally:
        gazetteer._default.cache_clear()


def test_verbose_flag_is_accepted():
    res = run("-v", "geocode", "Idlib")
    assert res.exit_code == 0 and "1 of 1 names placed" in res.stderr


def test_a_tables_own_hierarchy_places_its_villages(tmp_path):
    f = tmp_path / "arrivals.csv"
    f.write_text(
        "Mohafaza,Mantika,Nahya,Community,IDPs\n"
        "Idleb,Harim,Dana,Aqrabat,120\nIdleb,Idleb,Idleb,Aqrabat,40\nIdleb,Harim,Atlantis,Qah,5\n",
        encoding="utf-8",
    )
    res = run("geocode", "-i", str(f))
    assert res.exit_code == 0, res.output
    assert "names from column 'Community'" in res.stderr
    assert "matched inside the table's own columns 'Mohafaza', 'Mantika', 'Nahya'" in res.stderr
    assert "warning: 1 parent value(s) name no area" in res.stderr and "'Atlantis'" in res.stderr
    got = rows(res.stdout)
    assert [r["pcode"] for r in got] == ["C4127", "C3866", "C4131"]
    assert [r["admin3_pcode"] for r in got[:2]] == ["SY070301", "SY070000"]


def test_a_global_tables_country_column_says_where_each_row_is(tmp_path):
    # COD-style ADM0_EN, or a plain "Country" column of names or ISO3 codes (this used to stop on ADM0 with a
    # traceback)
    f = tmp_path / "global.csv"
    f.write_text("Country,Location,IDPs\nLBY,Derna,100\nCuba,Baracoa,20\nSamoa,Apia,3\nAtlantis,Palu,1\n",
                 encoding="utf-8")  # fmt: skip
    res = run("geocode", "-i", str(f), "--column", "Location")
    assert res.exit_code == 0, res.output
    assert "matched inside the table's own columns 'Country'" in res.stderr and "'Atlantis'" in res.stderr
    got = rows(res.stdout)
    assert [r["country"] for r in got] == ["LY", "CU", "WS", "ID"]  # Palu placed without the unknown parent
    assert "parent 'Atlantis' not found; placed without it" in got[3]["note"]
    cod = tmp_path / "cod.csv"
    cod.write_text("ADM0_EN,ADM1_EN,ADM2_EN,IDPs\nSyria,Idleb,Harim,100\n", encoding="utf-8")
    res = run("geocode", "-i", str(cod))
    assert res.exit_code == 0, res.output
    assert rows(res.stdout)[0]["pcode"] == "SY0703"


def test_a_column_of_many_countries_gets_a_hint_to_give_its_country_column():
    res = run("geocode", "Derna", "Kharkiv", "Goma", "Palu", "Maiduguri", "Sittwe")
    assert res.exit_code == 0 and "give it (--parent COLUMN)" in res.stderr
    assert "--parent COLUMN" not in run("geocode", "Idlib", "Aleppo", "Kharkiv").stderr


def test_level_and_repeated_parents(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("gov,dist,name\nAleppo,Afrin,Afrin\nIdleb,Harim,Harim\n", encoding="utf-8")
    base = ["geocode", "-i", str(f), "--column", "name"]
    assert [r["kind"] for r in rows(run(*base).stdout)] == ["admin2", "admin2"]  # a bare name is the area
    got = rows(run(*base, "--level", "community", "--parent", "gov", "--parent", "dist").stdout)
    assert [(r["kind"], r["pcode"]) for r in got] == [("community", "C1366"), ("community", "C4115")]
    assert run(*base, "--level", "parish").exit_code == 2


def test_geocode_starts_without_the_map_and_online_libraries():
    # `geo geocode` answers from the offline index: folium, matplotlib and geopy (with requests) are loaded only
    # by the commands that use them, which keeps a first run on a field laptop quick
    import subprocess
    import sys

    code = (
        "import sys; from click.testing import CliRunner; from geo.cli import main; "
        "CliRunner().invoke(main, ['geocode', 'Idlib']); "
        "print(sorted(m for m in ('folium', 'matplotlib', 'geopy', 'requests') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
