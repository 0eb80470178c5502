from __future__ import annotations

import csv
import io

from click.testing import CliRunner

from geo.cli import main
from geo.extract import COLUMNS


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_help_has_examples():
    out = run("extract", "--help").output
    assert "Examples:" in out and "--date" in out
    assert "extract" in run("--help").output


def test_file_to_csv_with_summary(tmp_path):
    src = tmp_path / "update.txt"
    src.write_text("Since 1 December, some 52,000 people have fled Saraqib toward the Turkish border.\n", "utf-8")
    out = tmp_path / "figures.csv"
    res = run("extract", str(src), "--date", "2020-02-05", "-o", str(out))
    assert res.exit_code == 0, res.output
    got = rows(out.read_text(encoding="utf-8"))
    assert list(got[0]) == COLUMNS
    fig, move = got
    assert (fig["kind"], fig["place"], fig["figure"], fig["qualifier"]) == ("figure", "Saraqib", "52000", "approximate")
    assert (fig["date_from"], fig["date_to"]) == ("2019-12-01", "2020-02-05")
    assert (move["kind"], move["origin"], move["destination"], move["figure"]) == (
        "movement",
        "Saraqib",
        "the Turkish border",
        "52000",
    )
    assert f"wrote {out}" in res.stderr
    assert "1 figures and 1 movements from 1 sentences; 2 of 2 place mentions placed" in res.stderr


def test_stdin_to_stdout():
    res = run("extract", "-", "--date", "2020-02-05", input="Last Saturday, 6,500 children fled daily.")
    assert res.exit_code == 0
    (row,) = rows(res.stdout)
    assert (row["figure"], row["per"], row["date_from"]) == ("6500", "day", "2020-02-01")
    assert row["place"] == ""  # nothing invented


def test_html_file(tmp_path):
    src = tmp_path / "update.html"
    src.write_text("<p>Some 5,000 people fled <i>Ariha</i>.</p><script>x = 777777</script>", encoding="utf-8")
    res = run("extract", str(src))
    assert res.exit_code == 0
    got = rows(res.stdout)
    assert [(r["kind"], r["figure"], r["place"], r["origin"]) for r in got] == [
        ("figure", "5000", "Ariha", ""),
        ("movement", "5000", "", "Ariha"),
    ]
    assert "777777" not in res.stdout


def test_non_utf8_file_is_one_line_and_exit_code_2(tmp_path):
    src = tmp_path / "latin1.txt"
    src.write_bytes("Some 5,000 people fled Ma\xe2arrat.".encode("latin-1"))
    res = run("extract", str(src))
    assert res.exit_code == 2
    assert "Traceback" not in res.output
    assert len(res.stderr.strip().splitlines()) == 1
    assert "UTF-8" in res.stderr and "latin1.txt" in res.stderr


def test_missing_file_and_bad_date_are_clear(tmp_path):
    res = run("extract", str(tmp_path / "nope.txt"))
    assert res.exit_code == 2 and "no such file" in res.stderr
    src = tmp_path / "a.txt"
    src.write_text("Some 5,000 people fled.", encoding="utf-8")
    res = run("extract", str(src), "--date", "Feb 5")
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.stderr


def test_demo_report_through_the_cli(tmp_path):
    from pathlib import Path

    demo = Path(__file__).resolve().parents[1] / "geo" / "data" / "demo_report.md"
    out = tmp_path / "demo.csv"
    res = run("extract", str(demo), "--date", "2020-02-05", "-o", str(out))
    assert res.exit_code == 0
    got = rows(out.read_text(encoding="utf-8"))
    figures = {r["figure"] for r in got if r["kind"] == "figure"}
    assert {"520000", "80", "400000", "3000000", "6500", "1200000", "50", "3500000"} <= figures
    flows = [r for r in got if r["kind"] == "movement" and r["figure"]]
    assert flows and all(r["origin"] and r["destination"] and r["origin_lat"] for r in flows)
    # places named with no figure or movement have rows of their own ("western Aleppo countryside", on one line)
    places = {r["place"] for r in got if r["kind"] == "place"}
    assert "western Aleppo countryside" in places and all(r["lat"] for r in got if r["kind"] == "place")


def test_rows_flows_feeds_geo_flows_and_rows_figures_feeds_choropleth(tmp_path):
    from pathlib import Path

    demo = Path(__file__).resolve().parents[1] / "geo" / "data" / "demo_report.md"
    flows = tmp_path / "flows.csv"
    res = run("extract", str(demo), "--date", "2020-02-05", "--rows", "flows", "-o", str(flows))
    assert res.exit_code == 0
    assert "2 movements with only an origin or a destination" in res.stderr
    assert "4 of 11 flows have no figure of their own" in res.stderr
    got = rows(flows.read_text(encoding="utf-8"))
    assert got and all(r["kind"] == "movement" and r["origin"] and r["destination"] for r in got)
    assert sum(float(r["figure"]) for r in got if r["figure"]) == 520000
    assert sum(1 for r in got if not r["figure"]) == 4
    figs = tmp_path / "figures.csv"
    res = run("extract", str(demo), "--date", "2020-02-05", "--rows", "figures", "-o", str(figs))
    assert res.exit_code == 0 and "left out: 13 movements" in res.stderr
    assert {r["kind"] for r in rows(figs.read_text(encoding="utf-8"))} == {"figure"}


def test_places_file_makes_a_countrys_villages_findable_in_text(tmp_path):
    places = tmp_path / "sdn_pplp.csv"
    places.write_text(
        "ADM1_EN,ADM4_EN,ADM4_PCODE,LATITUDE,LONGITUDE\nNorth Darfur,Um Sayala,SD020101,13.7102,25.4411\n",
        encoding="utf-8",
    )
    report = tmp_path / "update.txt"
    report.write_text("Some 3,000 people fled El Fasher to Um Sayala last week.", encoding="utf-8")
    without = CliRunner().invoke(main, ["extract", str(report), "--rows", "flows"])
    with_places = CliRunner().invoke(main, ["extract", str(report), "--rows", "flows", "--places", str(places)])
    assert with_places.exit_code == 0, with_places.output
    row = next(csv.DictReader(io.StringIO(with_places.stdout)))
    assert (row["origin"], row["destination"]) == ("El Fasher", "Um Sayala")
    assert row["destination_lat"].startswith("13.71") and "places: 1 added" in with_places.stderr
    assert "13.71" not in without.stdout
