"""Every broken input gives one clear line naming the file, exit code 2, and no output file (hardening)."""

from __future__ import annotations

import io
import zipfile

import pytest
from click.testing import CliRunner

from geo.cli import main


def make(tmp_path, kind):
    p = tmp_path / "data.csv"
    if kind == "empty":
        p.write_text("")
    elif kind == "header only":
        p.write_text("gov,v,to\n")
    elif kind == "wrong delimiter":
        p.write_text("gov:v:to\nIdlib:5:Atmeh\n")
    elif kind == "not utf-8":
        p.write_bytes("gov,v,to\nAlep\xe9,5,Atmeh\n".encode("latin-1"))
    elif kind == "xlsx that is csv":
        p = tmp_path / "data.xlsx"
        p.write_text("gov,v,to\nIdlib,5,Atmeh\n")
    elif kind == "truncated zip":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("areas.shp", b"\0" * 500)
        p = tmp_path / "data.zip"
        p.write_bytes(buf.getvalue()[:200])
    elif kind == "shapefile without dbf":
        import geopandas as gpd
        from shapely.geometry import Point

        gpd.GeoDataFrame({"gov": ["Idlib"], "v": [5]}, geometry=[Point(36.6, 35.9)], crs=4326).to_file(
            tmp_path / "pts.shp"
        )
        (tmp_path / "pts.dbf").unlink()
        p = tmp_path / "pts.shp"
    elif kind == "geojson with broken geometry":
        p = tmp_path / "data.geojson"
        p.write_text('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"gov":"x","v":1},'
                     '"geometry":{"type":"Point","coordinates":[500,95]}}]}')  # fmt: skip
    elif kind in ("negative", "not a number", "nan"):
        value = {"negative": "-5", "not a number": "approx. 5000", "nan": "nan"}[kind]
        p.write_text(f"gov,v,to\nIdlib,5,Atmeh\nAleppo,{value},Atmeh\n")
    return p


KINDS = ["empty", "header only", "wrong delimiter", "not utf-8", "xlsx that is csv", "truncated zip",
         "shapefile without dbf", "geojson with broken geometry", "negative", "not a number", "nan"]  # fmt: skip


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", ["choropleth", "flows"])
def test_broken_input_is_one_clear_line(tmp_path, kind, command):
    data = make(tmp_path, kind)
    out = tmp_path / "map.html"
    if command == "choropleth":
        args = ["choropleth", str(data), "--value", "v", "--place", "gov", "-o", str(out)]
    else:
        args = ["flows", str(data), "--origin", "gov", "--destination", "to", "--value", "v", "-o", str(out)]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 2, (kind, res.output, res.exception)
    lines = [line for line in res.stderr.strip().splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error:"), res.stderr
    assert "Traceback" not in res.output
    assert data.name in lines[0] or kind in ("negative", "not a number", "nan", "wrong delimiter"), lines[0]
    if kind in ("negative", "not a number", "nan"):
        assert "row" in lines[0]  # the bad row is named
    assert not out.exists()


def test_a_failed_run_never_spoils_an_existing_map(tmp_path):
    out = tmp_path / "map.html"
    out.write_text("the good map from yesterday")
    data = make(tmp_path, "negative")
    res = CliRunner().invoke(main, ["choropleth", str(data), "--value", "v", "--place", "gov", "-o", str(out)])
    assert res.exit_code == 2
    assert out.read_text() == "the good map from yesterday"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".map")] == []
