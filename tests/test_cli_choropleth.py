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


MONTHLY = (
    "governorate,idps,month\n"
    "Idlib,500000,Jan 2024\nAleppo,120000,Jan 2024\n"
    "Idlib,520000,Mar 2024\nAleppo,90000,Mar 2024\nHama,4000,Mar 2024\n"
    "Idleb,5,\n"  # no period: reported, not summed into any month
)


def test_by_period_writes_a_slider_small_multiples_and_one_month(tmp_path):
    data = tmp_path / "monthly.csv"
    data.write_text(MONTHLY, encoding="utf-8")
    out = tmp_path / "m.html"
    args = ["choropleth", data, "--value", "idps", "--place", "governorate", "--period", "month", "--created",
            "2026-01-20", "-o", out, "--png", tmp_path / "all.png", "--unmatched", tmp_path / "u.csv"]  # fmt: skip
    result = run(*args)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert 'type="range"' in page and "No rows for Feb 2024." in page
    assert "Classes shared by all 3 periods (Jan 2024 to Mar 2024)" in page
    assert "5 of 6 rows placed in 3 area(s) over 3 period(s); 1 unmatched: 'Idleb'" in result.stderr
    assert "have no period" in result.stderr
    assert "empty period" in (tmp_path / "u.csv").read_text(encoding="utf-8")
    one = run(*args[:-6], "--png", tmp_path / "one.png", "--at", "Mar 2024")
    assert one.exit_code == 0, one.output
    assert (tmp_path / "all.png").read_bytes() != (tmp_path / "one.png").read_bytes()
    bad = run(*args[:-6], "--png", tmp_path / "x.png", "--at", "Dec 2030")
    assert bad.exit_code == 2 and "no period 'Dec 2030'" in bad.stderr
    lonely = run("choropleth", data, "--value", "idps", "--place", "governorate", "--at", "Mar 2024", "-o", out)
    assert lonely.exit_code == 2 and "--at PERIOD goes with --period COLUMN" in lonely.stderr
