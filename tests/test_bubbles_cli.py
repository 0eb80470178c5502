"""``geo bubbles``: the command line over geo.points and geo.render.bubbles."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from geo.cli import main

DATA = Path(__file__).resolve().parent / "data"
SITES = (
    "site,idps,gov\n"
    'Atmeh,"12,000",SY07\n'
    "Kafr Lusin,4500,SY07\n"
    "al-Atmeh,500,SY07\n"
    "Nowhere-xyz,40,SY07\n"
    "Sarmada,,SY07\n"
    "Azaz,0,SY02\n"
)
ARGS = ["--value", "idps", "--place", "site", "--created", "2026-01-01"]


@pytest.fixture
def sites(tmp_path):
    path = tmp_path / "sites.csv"
    path.write_text(SITES, encoding="utf-8")
    return path


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_writes_the_map_the_report_and_the_summary(sites, tmp_path):
    out, png, report = tmp_path / "maps" / "sites.html", tmp_path / "sites.png", tmp_path / "unmatched.csv"
    res = run("bubbles", sites, *ARGS, "-o", out, "--png", png, "--unmatched", report)
    assert res.exit_code == 0, res.output
    assert "geo-bubble" in out.read_text(encoding="utf-8")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    summary = res.stderr.strip().splitlines()[-1]
    assert summary == (
        "4 of 6 rows placed at 3 points; total 17,040 = 17,000 drawn + 40 unmatched; 2 not drawn: "
        "no value: 'Sarmada' (row 6); unknown place: 'Nowhere-xyz' (row 5)"
    )
    # the table's own governorate column ('gov') is where its names are looked for, and that is said
    assert "matched inside the table's own columns 'gov' (parents)" in res.stderr
    rows = list(csv.DictReader(report.open(encoding="utf-8")))
    assert [(r["row"], r["site"], r["reason"]) for r in rows] == [
        (
            "5",
            "Nowhere-xyz",
            "unknown place: nothing by that name inside 'SY07' (admin1 SY07); no match scoring 75 or more",
        ),
        ("6", "Sarmada", "no value"),
    ]
    assert res.stdout == ""  # stdout stays clean


def test_same_command_same_bytes(sites, tmp_path):
    for name in ("a", "b"):
        res = run("bubbles", sites, *ARGS, "-o", tmp_path / f"{name}.html", "--svg", tmp_path / f"{name}.svg")
        assert res.exit_code == 0
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


def test_embed_pdf_and_areas_underneath(sites, tmp_path):
    embed, pdf = tmp_path / "frag.html", tmp_path / "m.pdf"
    res = run("bubbles", sites, *ARGS, "--embed", embed, "--pdf", pdf, "--areas-value", "idps")
    assert res.exit_code == 0, res.output
    assert embed.read_text(encoding="utf-8").startswith('<div class="geo-map"')
    assert pdf.read_bytes()[:5] == b"%PDF-"
    areas = tmp_path / "areas.csv"
    areas.write_text("pcode,hosted\nSY07,2900000\nSY99,1\n", encoding="utf-8")
    res = run("bubbles", sites, *ARGS, "-o", tmp_path / "m.html", "--areas", areas, "--areas-value", "hosted",
              "--areas-pcode", "pcode")  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "areas: 1 of 2 rows matched no area" in res.stderr


def test_pcodes_labels_and_coordinates(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_text("code,name,n,lat,lon\nSY07,Idleb gov.,10,36.2,36.6\nSY02,Aleppo gov.,5,x,36.6\n", encoding="utf-8")
    out = tmp_path / "m.html"
    res = run("bubbles", path, "--value", "n", "--pcode", "code", "--label", "name", "-o", out)
    assert res.exit_code == 0, res.output
    assert "2 of 2 rows placed at 2 points" in res.stderr and "Idleb gov." in out.read_text(encoding="utf-8")
    res = run("bubbles", path, "--value", "n", "--lat", "lat", "--lon", "lon", "-o", out)
    assert "1 of 2 rows placed at 1 point; total 15 = 10 drawn + 5 unmatched" in res.stderr
    assert "no usable coordinates: row 3" in res.stderr


def test_boundaries_and_parent(tmp_path):
    cod = DATA / "syr_admbnda_adm3_synthetic.gpkg"
    if not cod.exists():
        pytest.skip("tests/data/syr_admbnda_adm3_synthetic.gpkg is made by tests/test_admin.py")
    path = tmp_path / "nahya.csv"
    path.write_text("nahya,where,n\nTell Hamdan,Aleppo,3\nTell Hamdan,Hama,4\n", encoding="utf-8")
    args = ["bubbles", path, "--value", "n", "--place", "nahya", "--boundaries", cod, "-o", tmp_path / "m.html"]
    assert "2 of 2 rows placed at 2 points" in run(*args, "--parent", "where").stderr
    res = run(*args)  # the same name in two governorates, and nothing in the table to say which: not guessed
    assert "0 of 2 rows placed" in res.stderr and "ambiguous place: 'Tell Hamdan' (row 2)" in res.stderr


def test_hxl_tags_as_columns(tmp_path):
    path = tmp_path / "hxl.csv"
    path.write_text("Site,IDPs\n#loc+name,#affected+idps\nAtmeh,100\n", encoding="utf-8")
    res = run("bubbles", path, "--value", "#affected+idps", "--place", "#loc+name", "-o", tmp_path / "m.html")
    assert res.exit_code == 0, res.output
    assert "1 of 1 rows placed at 1 point; total 100 = 100 drawn + 0 unmatched" in res.stderr


@pytest.mark.parametrize(
    "extra, message",
    [
        (["--pcode", "gov"], "give one of --place, --pcode or --lat/--lon"),
        (["--areas-pcode", "gov"], "--areas-pcode and --areas-place go with"),
        (["--areas", "x.csv"], "--areas FILE needs --areas-value COL"),
    ],
)
def test_usage_errors_are_one_line(sites, tmp_path, extra, message):
    res = run("bubbles", sites, *ARGS, "-o", tmp_path / "m.html", *extra)
    assert res.exit_code == 2 and message in res.stderr


def test_errors_are_one_line_exit_2(sites, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("site,idps\nAtmeh,-5\nDana,lots\n", encoding="utf-8")
    res = run("bubbles", bad, *ARGS, "-o", tmp_path / "m.html")
    assert res.exit_code == 2 and "rows 2, 3: not a non-negative number" in res.stderr
    assert "Traceback" not in res.output
    res = run("bubbles", sites, "--value", "nope", "--place", "site", "-o", tmp_path / "m.html")
    assert res.exit_code == 2 and "no value column 'nope'" in res.stderr
    res = run("bubbles", sites, *ARGS)
    assert res.exit_code == 2 and "say where to write the map" in res.stderr


def test_labels_default_is_the_library_default():
    from geo.cli.bubbles import bubbles_command
    from geo.render.bubbles import LABELS

    assert next(p.default for p in bubbles_command.params if p.name == "labels") == LABELS


def test_places_file_adds_a_countrys_villages(tmp_path):
    pp = tmp_path / "sdn_pplp.csv"
    pp.write_text(
        "ADM0_EN,ADM0_PCODE,ADM1_EN,ADM1_PCODE,ADM4_EN,ADM4_PCODE,LATITUDE,LONGITUDE\n"
        "Sudan,SD,North Darfur,SD02,Um Sayala,SD020101,13.7102,25.4411\n"
        "Sudan,SD,West Darfur,SD03,Ardamata,SD030103,13.4660,22.4640\n",
        encoding="utf-8",
    )
    data = tmp_path / "returnees.csv"
    data.write_text("village,returnees\nUm Sayala,120\nArdamatta,80\n", encoding="utf-8")
    out = tmp_path / "m.html"
    res = run("bubbles", data, "--value", "returnees", "--place", "village", "--places", pp, "--country", "SD",
              "-o", out, "--created", "2026-01-01")  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "places: 2 added from" in res.stderr
    assert "2 of 2 rows placed at 2 points; total 200 = 200 drawn + 0 unmatched" in res.stderr
    assert "SD030103" in out.read_text(encoding="utf-8")


def test_an_hxl_table_needs_no_column_options(tmp_path):
    path = tmp_path / "hxl.csv"
    path.write_text(
        "Site,Code,IDPs,Latitude,Longitude\n#loc+name,#loc+code,#affected+idps,#geo+lat,#geo+lon\n"
        "Atmeh,C4130,100,36.3,36.69\nKafr Lusin,C8812,50,36.25,36.71\n",
        encoding="utf-8",
    )
    res = run("bubbles", path, "-o", tmp_path / "m.html")
    assert res.exit_code == 0, res.output
    assert "figures from column 'IDPs' (#affected+idps)" in res.stderr
    assert "placed by P-codes from column 'Code' (#loc+code)" in res.stderr
    assert "2 of 2 rows placed at 2 points; total 150 = 150 drawn + 0 unmatched" in res.stderr


MONTHLY = (
    "site,idps,month\n"
    "Azaz,12000,Jan 2024\n"
    "Idlib city,5000,Jan 2024\n"
    "Azaz,4000,Mar 2024\n"
    "Idlib city,20000,Mar 2024\n"
    "Jarablus,9000,Apr 2024\n"
    "Sarmada,700,\n"
)


def test_by_period_a_slider_small_multiples_and_every_row_accounted_for(tmp_path):
    data = tmp_path / "monthly.csv"
    data.write_text(MONTHLY, encoding="utf-8")
    out, png, report = tmp_path / "m.html", tmp_path / "m.png", tmp_path / "unplaced.csv"
    res = run("bubbles", data, "--value", "idps", "--place", "site", "--period", "month", "-o", out, "--png", png,
              "--unmatched", report, "--created", "2026-01-01")  # fmt: skip
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert 'type="range"' in html and "No rows for Feb 2024." in html
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert res.stderr.strip().splitlines()[-1] == (
        "5 of 6 rows placed at 3 points over 4 periods (1 with no rows: Feb 2024); total 50,700 = 50,000 drawn + "
        "700 unmatched; 1 not drawn: empty period: 'Sarmada' (row 7)"
    )
    rows = list(csv.DictReader(report.open(encoding="utf-8")))
    assert [(r["row"], r["site"], r["reason"]) for r in rows] == [("7", "Sarmada", "empty period")]
    # the same command writes the same bytes
    again = tmp_path / "again.html"
    run("bubbles", data, "--value", "idps", "--place", "site", "--period", "month", "-o", again, "--created",
        "2026-01-01")  # fmt: skip
    assert again.read_bytes() == out.read_bytes()


def test_at_opens_the_web_map_there_and_prints_that_one_period(tmp_path):
    data = tmp_path / "monthly.csv"
    data.write_text(MONTHLY, encoding="utf-8")
    args = ["bubbles", data, "--value", "idps", "--place", "site", "--created", "2026-01-01"]
    one, grid = tmp_path / "one.png", tmp_path / "grid.png"
    assert run(*args, "--period", "month", "--at", "Jan 2024", "--png", one, "-o", tmp_path / "m.html").exit_code == 0
    assert run(*args, "--period", "month", "--png", grid).exit_code == 0
    from PIL import Image

    with Image.open(one) as a, Image.open(grid) as b:
        assert a.size != b.size  # one map, against a grid of four panels
    res = run(*args, "--period", "month", "--at", "May 2024", "-o", tmp_path / "m.html")
    assert res.exit_code == 2 and "no period 'May 2024'; the periods are: Jan 2024, Feb 2024" in res.stderr
    res = run(*args, "--at", "Jan 2024", "-o", tmp_path / "m.html")
    assert res.exit_code == 2 and "--at PERIOD goes with --period COLUMN" in res.stderr
    res = run(*args, "--period", "month", "--areas-value", "idps", "-o", tmp_path / "m.html")
    assert res.exit_code == 2 and "give --areas FILE" in res.stderr


def test_an_hxl_date_column_is_the_period_and_said(tmp_path):
    path = tmp_path / "hxl.csv"
    path.write_text(
        "Site,IDPs,Month\n#loc+name,#affected+idps,#date\nAtmeh,100,2024-01\nAtmeh,50,2024-02\nKafr Lusin,7,2024-02\n",
        encoding="utf-8",
    )
    out = tmp_path / "m.html"
    res = run("bubbles", path, "-o", out, "--created", "2026-01-01")
    assert res.exit_code == 0, res.output
    assert "periods from column 'Month' (#date)" in res.stderr
    assert "3 of 3 rows placed at 2 points over 2 periods; total 157 = 157 drawn + 0 unmatched" in res.stderr
    assert 'type="range"' in out.read_text(encoding="utf-8")
    # one date is no timeline: the same table with a single month is one map
    path.write_text("Site,IDPs,Month\n#loc+name,#affected+idps,#date\nAtmeh,100,2024-01\nKafr Lusin,7,2024-01\n",
                    encoding="utf-8")  # fmt: skip
    res = run("bubbles", path, "-o", out, "--created", "2026-01-01")
    assert res.exit_code == 0 and "periods from" not in res.stderr
    assert 'type="range"' not in out.read_text(encoding="utf-8")
