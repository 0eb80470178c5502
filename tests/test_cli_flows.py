from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner

from geo.cli import main

MOVES = (
    "from,to,idps,month\n"
    'Saraqib,Atmeh,"4,500",2024-01\n'
    "Maaret al-Numan,the Turkish border,12000,2024-02\n"
    "Ariha,Sarmada,800,2024-02\n"
    "Nowhere-xyz,Atmeh,40,2024-01\n"
    "Idlib city,Idlib city,10,2024-01\n"
)
ARGS = ["--origin", "from", "--destination", "to", "--value", "idps", "--created", "2026-01-01"]


@pytest.fixture
def moves(tmp_path):
    path = tmp_path / "moves.csv"
    path.write_text(MOVES, encoding="utf-8")
    return path


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_writes_the_map_report_and_summary(moves, tmp_path):
    out, report = tmp_path / "maps" / "moves.html", tmp_path / "unmatched.csv"
    res = run("flows", moves, *ARGS, "-o", out, "--period", "month", "--unmatched", report)
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert "geo-flow" in html and "2024-02" in html
    summary = res.stderr.strip().splitlines()[-1]
    assert summary.startswith("3 flows drawn, 17,300 people over 2 periods; 2 of 5 rows unplaced (50 people): ")
    assert "unknown origin 'Nowhere-xyz'" in summary
    rows = list(csv.DictReader(report.open(encoding="utf-8")))
    assert [(r["row"], r["value"], r["reason"]) for r in rows] == [
        ("5", "40", "unknown origin"),
        ("6", "10", "origin is the destination: Idlib city"),
    ]
    assert res.stdout == ""  # stdout stays clean


def test_top_and_min_are_summarised(moves, tmp_path):
    res = run("flows", moves, *ARGS, "-o", tmp_path / "m.html", "--top", "1")
    assert "1 flow drawn, 12,000 people; + 2 smaller flows, 5,300 people" in res.stderr
    res = run("flows", moves, *ARGS, "-o", tmp_path / "m.html", "--min", "1000")
    assert "2 flows drawn, 16,500 people; + 1 smaller flow, 800 people" in res.stderr


def test_same_command_same_bytes(moves, tmp_path):
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    run("flows", moves, *ARGS, "-o", a)
    run("flows", moves, *ARGS, "-o", b)
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize(
    "extra, message",
    [
        (["--value", "people"], "no value column 'people'; columns are: from, to, idps, month"),
        (["--level", "admin3"], "Invalid value for '--level'"),
        (["--top", "-1"], "Invalid value for '--top'"),
        (["--areas-value", "idps"], "--areas-value, --areas-pcode and --areas-place go with --areas FILE"),
    ],
)
def test_errors_are_one_line_exit_2(moves, tmp_path, extra, message):
    res = run("flows", moves, *ARGS, "-o", tmp_path / "m.html", *extra)
    assert res.exit_code == 2
    assert message in res.stderr
    assert "Traceback" not in res.output


def test_bad_figures_name_the_rows(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("from,to,idps\nSaraqib,Atmeh,12\nAriha,Atmeh,-3\nIdlib,Atmeh,lots\n", encoding="utf-8")
    res = run("flows", path, *ARGS, "-o", tmp_path / "m.html")
    assert res.exit_code == 2
    lines = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "column 'idps' rows 3, 4: not a non-negative number ('-3', 'lots')" in lines[0]
    assert not (tmp_path / "m.html").exists()  # nothing half-written


def test_no_output_is_a_usage_error(moves):
    res = run("flows", moves, *ARGS)
    assert res.exit_code == 2
    assert "-o maps/NAME.html" in res.stderr


def test_missing_file(tmp_path):
    res = run("flows", tmp_path / "nope.csv", *ARGS, "-o", tmp_path / "m.html")
    assert res.exit_code == 2
    assert "no such file" in res.stderr


def test_hxl_tags_as_columns(tmp_path):
    path = tmp_path / "hxl.csv"
    path.write_text(
        "Origin,Destination,IDPs\n#loc+origin,#loc+destination,#affected+idps\nSaraqib,Atmeh,100\n", encoding="utf-8"
    )
    out = tmp_path / "m.html"
    res = run(
        "flows", path, "--origin", "#loc+origin", "--destination", "#loc+destination", "--value", "#affected+idps",
        "-o", out,
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "1 flow drawn, 100 people" in res.stderr


def test_areas_layer_and_static_twin(moves, tmp_path):
    areas = tmp_path / "areas.csv"
    areas.write_text("pcode,hosted\nSY07,2900000\nSY02,1700000\nSY99,1\n", encoding="utf-8")
    out, png = tmp_path / "m.html", tmp_path / "m.png"
    res = run(
        "flows", moves, *ARGS, "-o", out, "--png", png, "--areas", areas, "--areas-value", "hosted",
        "--areas-pcode", "pcode", "--title", "Flows and IDPs hosted",
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "areas: 1 of 3 rows matched no area" in res.stderr
    assert ".addOverlay(" in out.read_text(encoding="utf-8")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    res = run("flows", moves, *ARGS, "-o", out, "--areas", areas)
    assert res.exit_code == 2 and "--areas FILE needs --areas-value COL" in res.stderr


def test_at_draws_one_period_and_checks_it(moves, tmp_path):
    one, all_ = tmp_path / "one.png", tmp_path / "all.png"
    res = run("flows", moves, *ARGS, "--period", "month", "--png", all_)
    assert res.exit_code == 0, res.output
    res = run("flows", moves, *ARGS, "--period", "month", "--at", "2024-02", "--png", one, "-o", tmp_path / "m.html")
    assert res.exit_code == 0, res.output
    assert one.read_bytes() != all_.read_bytes()
    res = run("flows", moves, *ARGS, "--period", "month", "--at", "2030-01", "--png", one)
    assert res.exit_code == 2 and "no period '2030-01'" in res.stderr
    res = run("flows", moves, *ARGS, "--at", "2024-02", "--png", one)
    assert res.exit_code == 2 and "--at PERIOD goes with --period COLUMN" in res.stderr


def test_an_hxl_movement_table_needs_no_column_options(tmp_path):
    from click.testing import CliRunner

    from geo.cli import main

    data = tmp_path / "moves.csv"
    data.write_text(
        "From,To,People,Month\n#adm1+name+origin,#adm1+name+dest,#affected+idps,#date\n"
        "Idlib,Aleppo,500,2020-01\nHama,Idlib,300,2020-02\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(main, ["flows", str(data), "-o", str(tmp_path / "m.html")])
    assert res.exit_code == 0, res.output
    assert "--origin 'From' (#adm1+name+origin), from the table's HXL tags" in res.stderr
    assert "--period 'Month' (#date)" in res.stderr
    plain = tmp_path / "plain.csv"
    plain.write_text("a,b,n\nIdlib,Aleppo,5\n", encoding="utf-8")
    bad = CliRunner().invoke(main, ["flows", str(plain), "-o", str(tmp_path / "p.html")])
    assert bad.exit_code == 2 and "missing --origin" in bad.output
