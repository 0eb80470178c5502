"""CSVs we write never hand a spreadsheet a formula, and read back exactly (hardening)."""

from __future__ import annotations

import pandas as pd
from click.testing import CliRunner

from geo.cli import main
from geo.io import read_table, write_table

FORMULAS = ['=HYPERLINK("http://example.invalid","click")', "@SUM(A1:A9)", "+1+1", "=1+1", "\tIdlib", "'=x"]


def test_geocode_csv_guards_formulas():
    res = CliRunner().invoke(main, ["geocode", "--", *FORMULAS[:4], "-36.5,36.6", "-5"])
    assert res.exit_code == 0
    lines = res.stdout.splitlines()[1:]
    assert all(not line.startswith(("=", "@", "+")) for line in lines)
    assert lines[0].startswith("\"'=HYPERLINK") and lines[1].startswith("'@SUM")
    assert lines[4].startswith('"\'-36.5,36.6"')  # a spreadsheet would read this as a sum
    assert lines[5].startswith("-5,")  # a plain negative number is left alone


def test_tables_round_trip_through_the_guard(tmp_path):
    df = pd.DataFrame({"place": FORMULAS, "people": [-5, 0, 1, 2, 3, 4]})
    path = tmp_path / "t.csv"
    write_table(df, path)
    text = path.read_text(encoding="utf-8")
    assert "\n=" not in text and "\n@" not in text and "\n+" not in text
    back = read_table(path)
    assert list(back["place"]) == FORMULAS


def test_extract_csv_guards_formulas(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("=cmd|' /C calc'!A0 Some 5,000 people fled Saraqib toward Atmeh.\n", encoding="utf-8")
    out = tmp_path / "f.csv"
    res = CliRunner().invoke(main, ["extract", str(report), "-o", str(out)])
    assert res.exit_code == 0, res.output
    back = read_table(out)
    assert any(str(s).startswith("=cmd") for s in back["sentence"])  # read back as written
    assert "\n=" not in out.read_text(encoding="utf-8") and ",=" not in out.read_text(encoding="utf-8")
