from __future__ import annotations

import pytest
from click.testing import CliRunner

from geo.cli import main

CSV = (
    'governorate,idps\n#adm1+name,#affected+idps\nIdlib,"520,000"\nAleppo,120000\nDamascus,0\nAtlantis-xyz,3\nIdleb,5\n'
)


@pytest.fixture()
def data(tmp_path):
    path = tmp_path / "idps.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_map_static_twins_embed_and_unmatched(data, tmp_path):
    out = tmp_path / "maps"
    result = run(
        "choropleth", data, "--value", "#affected+idps", "--place", "governorate", "-o", out / "idps.html",
        "--png", out / "idps.png", "--svg", out / "idps.svg", "--pdf", out / "idps.pdf", "--embed", out / "frag.html",
        "--unmatched", out / "unmatched.csv", "--title", "IDPs", "--source", "OCHA", "--created", "2026-01-20",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    for name in ("idps.html", "idps.png", "idps.svg", "idps.pdf", "frag.html", "unmatched.csv"):
        assert (out / name).stat().st_size > 0
    assert "4 of 5 rows placed in 3 area(s); 1 unmatched: 'Atlantis-xyz'" in result.output
    assert "total 640,008 = 640,005 mapped + 3 unmatched" in result.output
    assert "summed: Idleb (SY07): rows 3, 7" in result.output  # rows numbered as in the file
    assert "read 'Damascus' → Damascus (SY01" in result.output
    lines = (out / "unmatched.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("row,governorate,idps,reason") and lines[1].startswith("6,Atlantis-xyz,3,")


def test_pcode_scheme_breaks_and_colours(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("p,v\nSY07,10\nSY02,200\nSY01,3000\n", encoding="utf-8")
    result = run("choropleth", path, "--value", "v", "--pcode", "p", "-o", tmp_path / "m.html", "--breaks",
                 "100,1000", "--colors", "Blues", "--disclaimer", "", "--created", "2026-01-20")  # fmt: skip
    assert result.exit_code == 0, result.output
    page = (tmp_path / "m.html").read_text(encoding="utf-8")
    assert "&gt; 1,000 – 3,000" in page and "United Nations" not in page


def test_clean_errors(data, tmp_path):
    result = run("choropleth", data, "--value", "nope", "--place", "governorate", "-o", tmp_path / "m.html")
    assert result.exit_code == 2 and "no column 'nope'" in result.output
    result = run("choropleth", data, "--value", "idps", "-o", tmp_path / "m.html")
    assert result.exit_code == 2 and "exactly one of --place, --pcode" in result.output
    result = run("choropleth", data, "--value", "idps", "--place", "governorate")
    assert result.exit_code == 2 and "say where to write" in result.output
    result = run("choropleth", data, "--value", "idps", "--place", "governorate", "-o", tmp_path / "m.html",
                 "--scheme", "astrology")  # fmt: skip
    assert result.exit_code == 2 and "unknown scheme" in result.output
    assert not (tmp_path / "m.html").exists()


def test_summary_names_unmatched_rows_by_the_place_column(tmp_path):
    import warnings

    from click.testing import CliRunner

    from geo.cli import main

    data = tmp_path / "f.csv"
    data.write_text("kind,place,figure\nfigure,Idlib,5\nfigure,Atlantis,2\nfigure,,1\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = CliRunner().invoke(main, ["choropleth", str(data), "--value", "figure", "--place", "place",
                                        "-o", str(tmp_path / "m.html")])  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "2 unmatched: 'Atlantis', (empty)" in res.stderr
