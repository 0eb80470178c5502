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
    plain = tmp_path / "plain.csv"
    plain.write_text("where,idps\nIdlib,5\n", encoding="utf-8")
    result = run("choropleth", plain, "--value", "idps", "-o", tmp_path / "m.html")
    assert result.exit_code == 2 and "which column says where each row is" in result.output
    result = run("choropleth", data, "--place", "governorate", "--pcode", "x", "-o", tmp_path / "m.html")
    assert result.exit_code == 2 and "only one of --place, --pcode" in result.output
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


GOVERNORATES = [
    ("Damascus", "SY01"), ("Aleppo", "SY02"), ("Rural Damascus", "SY03"), ("Homs", "SY04"), ("Hama", "SY05"),
    ("Lattakia", "SY06"), ("Idleb", "SY07"), ("Al-Hasakeh", "SY08"), ("Deir-ez-Zor", "SY09"), ("Tartous", "SY10"),
    ("Ar-Raqqa", "SY11"), ("Dar'a", "SY12"), ("As-Sweida", "SY13"), ("Quneitra", "SY14"),
]  # fmt: skip


def test_an_hxl_table_maps_with_no_column_options(tmp_path):
    lines = ["Governorate,Code,IDPs,Updated", "#adm1+name,#adm1+code,#affected+idps,#date"]
    lines += [f"{name},{code},{1000 * (i + 1)},2020-0{1 + i % 2}-28" for i, (name, code) in enumerate(GOVERNORATES)]
    data = tmp_path / "idps.csv"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = run("choropleth", data, "-o", tmp_path / "m.html")
    assert res.exit_code == 0, res.output
    assert "figures from column 'IDPs' (#affected+idps)" in res.stderr
    assert "placed by P-codes from column 'Code' (#adm1+code)" in res.stderr
    assert "periods from column 'Updated' (#date)" in res.stderr
    assert "14 of 14 rows placed in 14 area(s) over 2 period(s)" in res.stderr
    one_date = data.read_text(encoding="utf-8").replace("2020-02-28", "2020-01-28")
    data.write_text(one_date, encoding="utf-8")
    res = run("choropleth", data, "-o", tmp_path / "one.html")
    assert "periods from" not in res.stderr and "14 of 14 rows placed in 14 area(s);" in res.stderr
    options_win = run("choropleth", data, "--place", "Governorate", "--value", "IDPs", "-o", tmp_path / "n.html")
    assert options_win.exit_code == 0 and "placed by P-codes" not in options_win.stderr


def test_two_value_columns_by_tag_is_one_clear_error(tmp_path):
    data = tmp_path / "two.csv"
    data.write_text("gov,idps,pin\n#adm1+name,#affected+idps,#inneed\nIdlib,5,6\n", encoding="utf-8")
    res = run("choropleth", data, "-o", tmp_path / "m.html")
    assert res.exit_code == 2 and "2 columns could be the figures to map: 'idps'" in res.output
    assert run("choropleth", data, "--value", "pin", "-o", tmp_path / "m.html").exit_code == 0


def test_places_file_places_villages_into_the_areas(tmp_path):
    places = tmp_path / "pp.csv"
    places.write_text("ADM4_EN,ADM4_PCODE,LATITUDE,LONGITUDE\nUm Sayala,SD020101,13.7102,25.4411\n", encoding="utf-8")
    data = tmp_path / "sites.csv"
    data.write_text("village,people\nUm Sayala,40\nEl Fasher,60\n", encoding="utf-8")
    args = ["choropleth", data, "--value", "people", "--place", "village", "--country", "SD", "-o", tmp_path / "m.html"]
    without, with_places = run(*args), run(*args, "--places", places)
    assert "1 of 2 rows placed" in without.stderr
    assert with_places.exit_code == 0 and "2 of 2 rows placed in 1 area(s)" in with_places.stderr
