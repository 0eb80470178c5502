from __future__ import annotations

import csv

from click.testing import CliRunner

from geo.cli import main


def test_geo_demo_writes_maps_and_review_table(tmp_path):
    res = CliRunner().invoke(main, ["demo", "--out", str(tmp_path), "--created", "2020-02-06"])
    assert res.exit_code == 0, res.output
    written = res.stdout.split()
    names = sorted(p.rsplit("/", 1)[-1] for p in written)
    assert names == ["demo-bubbles.html", "demo-bubbles.png", "demo-choropleth.html", "demo-choropleth.png",
                     "demo-figures.csv", "demo-flows.html", "demo-flows.png"]  # fmt: skip
    for p in written:
        assert (tmp_path / p.rsplit("/", 1)[-1]).stat().st_size > 1000
    assert "520,000 people" in res.stderr  # the flows add up to the headline figure
    assert "0 unmatched" in res.stderr
    # the circles: the same people by the place they fled, Maaret al-Numan's two rows on one circle
    assert "bubbles: 7 of 7 rows placed at 6 points; total 520,000 = 520,000 drawn + 0 unmatched" in res.stderr
    with open(tmp_path / "demo-figures.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    headline = [r for r in rows if r["kind"] == "figure" and r["figure"] == "520000"]
    assert headline and headline[0]["date_from"] == "2019-12-01" and headline[0]["sentence"]
    html = (tmp_path / "demo-flows.html").read_text(encoding="utf-8")
    assert "http://" not in html.split("<body", 1)[0].replace("http://www.w3.org", "")
    assert "<script src=" not in html


def test_geo_demo_is_deterministic(tmp_path):
    runner = CliRunner()
    for folder in ("a", "b"):
        assert runner.invoke(main, ["demo", "--out", str(tmp_path / folder), "--created", "2020-02-06"]).exit_code == 0
    for name in ("demo-choropleth.html", "demo-flows.html", "demo-bubbles.html", "demo-figures.csv",
                 "demo-choropleth.png", "demo-bubbles.png"):  # fmt: skip
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
