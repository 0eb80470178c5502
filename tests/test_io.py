from __future__ import annotations

import json
import math
import zipfile

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point, Polygon, box

from geo.errors import FileFormatError, GeometryError, InputError
from geo.io import hxl_column, hxl_tags, parse_figures, read_names, read_table, write_table

SITES = [("Atmeh", "36.32", "36.65", "5,000"), ("Sarmada", "36.18", "36.71", "1200")]


def squares() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"ADM2_EN": ["Harim", "Ariha"], "ADM2_PCODE": ["SY0703", "SY0704"]},
        geometry=[box(36.4, 36.0, 36.7, 36.3), box(36.4, 35.7, 36.7, 36.0)],
        crs=4326,
    )


def one_line_error(excinfo, path) -> str:
    msg = str(excinfo.value)
    assert "\n" not in msg and str(path) in msg, msg
    return msg


# ------------------------------------------------------------------ CSV
@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_any_delimiter(tmp_path, delimiter):
    f = tmp_path / "sites.csv"
    lines = [delimiter.join(["site", "lat", "lon", "idps"])]
    lines += [delimiter.join(f'"{c}"' if delimiter in c else c for c in row) for row in SITES]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    df = read_table(f)
    assert list(df.columns) == ["site", "lat", "lon", "idps"]
    assert df["site"].tolist() == ["Atmeh", "Sarmada"]
    assert df["lat"].tolist() == [36.32, 36.18]  # plain numbers become numbers
    assert df["idps"].tolist() == ["5,000", "1200"]  # figures wait for parse_figures
    assert df.attrs["source"] == str(f) and df.attrs["first_row"] == 2


def test_csv_bom_apostrophes_and_codes(tmp_path):
    f = tmp_path / "names.csv"
    text = "name,pcode,n\nMa'arrat an-Nu'man,0703,1\nKafr Nubl,0704,2\n"
    f.write_bytes("\ufeff".encode() + text.encode("utf-8"))
    df = read_table(f)
    assert df.columns[0] == "name"
    assert df["name"].tolist() == ["Ma'arrat an-Nu'man", "Kafr Nubl"]
    assert df["pcode"].tolist() == ["0703", "0704"]  # a code keeps its leading zero


def test_csv_blank_cells_are_missing_and_short_rows_padded(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("a,b,c\nx,,1\ny\n", encoding="utf-8")
    df = read_table(f)
    assert df["b"].isna().all() and math.isnan(df["c"].iloc[1])


def test_title_rows_blank_rows_and_duplicate_headers(tmp_path):
    f = tmp_path / "dtm.csv"
    f.write_text(
        "DTM Syria site list,,,\nas of 1 March 2024,,,\n\nsite,name,name,idps\nA,x,y,1\n,,,\nB,x,y,lots\n\n",
        encoding="utf-8",
    )
    df = read_table(f)
    assert list(df.columns) == ["site", "name", "name_2", "idps"]
    assert df.attrs["title"] == "DTM Syria site list / as of 1 March 2024"
    assert df["site"].tolist()[0] == "A" and df["site"].isna().tolist() == [False, True, False]
    with pytest.raises(InputError, match="row 7:"):  # the blank row keeps the file's numbering
        parse_figures(df["idps"])
    assert read_names(f, "site") == (["A", "B"], 1)


def test_semicolons_under_a_title_line(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("Site list as of 1 March\nsite;idps;hh\nAtmeh;5,000;1000\nQah;750;150\n", encoding="utf-8")
    df = read_table(f)
    assert list(df.columns) == ["site", "idps", "hh"] and df["idps"].tolist() == ["5,000", "750"]
    assert df.attrs["title"] == "Site list as of 1 March" and df.attrs["first_row"] == 3


def test_csv_other_encodings_fail_with_the_file_name(tmp_path):
    f = tmp_path / "latin1.csv"
    f.write_bytes("name\nAlep\xe9\n".encode("latin-1"))
    with pytest.raises(FileFormatError) as e:
        read_table(f)
    assert "UTF-8" in one_line_error(e, f)
    g = tmp_path / "utf16.csv"
    g.write_bytes("name\nAleppo\n".encode("utf-16"))
    with pytest.raises(FileFormatError, match="UTF-16"):
        read_table(g)


@pytest.mark.parametrize(
    "text, words",
    [("", "empty"), ("   \n\n", "empty"), ("a,b\n", "no data"), ("a,b\n#loc+name,#affected\n", "no data")],
)
def test_csv_empty_or_header_only(tmp_path, text, words):
    f = tmp_path / "t.csv"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_table(f)
    assert words in one_line_error(e, f)


def test_csv_row_with_too_many_cells(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("a,b\n1,2\n3,4,5\n", encoding="utf-8")
    with pytest.raises(FileFormatError) as e:
        read_table(f)
    assert "row 3 has 3 cells" in one_line_error(e, f)  # numbered as in the file


def test_csv_with_a_giant_cell(tmp_path):
    f = tmp_path / "big.csv"
    f.write_text("a,b\n" + "x" * 200_000 + ",1\n", encoding="utf-8")
    with pytest.raises(FileFormatError) as e:
        read_table(f)
    one_line_error(e, f)


def test_missing_file_folder_and_unknown_suffix(tmp_path):
    for path, words in [(tmp_path / "nope.csv", "no such file"), (tmp_path, "folder")]:
        with pytest.raises(InputError, match=words):
            read_table(path)
    f = tmp_path / "t.docx"
    f.write_text("x", encoding="utf-8")
    with pytest.raises(FileFormatError, match="cannot tell the format"):
        read_table(f)


# ------------------------------------------------------------------ HXL
def hxl_csv(tmp_path):
    f = tmp_path / "dtm.csv"
    f.write_text(
        "Governorate,Site,Lat,Lon,IDPs,HH\n"
        "#adm1+name,#loc+name,#geo+lat,#geo+lon,#affected+ind+idps,#affected +hh\n"
        'Idleb,Atmeh,36.32,36.65,"5,000",1000\n'
        "Idleb,Qah,36.33,36.60,750,150\n",
        encoding="utf-8",
    )
    return f


def test_hxl_row_detected_and_removed(tmp_path):
    df = read_table(hxl_csv(tmp_path))
    assert len(df) == 2 and df["Site"].tolist() == ["Atmeh", "Qah"]
    assert df.attrs["hxl"]["IDPs"] == "#affected+ind+idps"
    assert df.attrs["hxl"]["HH"] == "#affected+hh"  # spaces in a tag are tolerated
    assert df.attrs["first_row"] == 3
    assert df["Lat"].tolist() == [36.32, 36.33]


def test_hxl_column_matching(tmp_path):
    df = read_table(hxl_csv(tmp_path))
    assert hxl_column(df, "#affected+idps") == "IDPs"
    assert hxl_column(df, "#affected+idps+ind") == "IDPs"  # attribute order does not matter
    assert hxl_column(df, "#AFFECTED") == "HH"  # fewest extra attributes wins
    assert hxl_column(df, "#geo+lat") == "Lat"
    assert hxl_column(df, "geo+lon") == "Lon"
    assert hxl_column(df, "#affected+refugees") is None
    assert hxl_column(pd.DataFrame({"a": [1]}), "#geo+lat") is None


def test_a_hash_in_data_is_not_hxl(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("name,note\n#1 camp,see #2\nQah,\n", encoding="utf-8")
    df = read_table(f)
    assert len(df) == 2 and "hxl" not in df.attrs


def test_read_names_by_header_or_hashtag(tmp_path):
    f = hxl_csv(tmp_path)
    assert read_names(f, "Site") == (["Atmeh", "Qah"], 0)
    assert read_names(f, "#loc+name") == (["Atmeh", "Qah"], 0)
    with pytest.raises(InputError, match="no column 'site_name'"):
        read_names(f, "site_name")


# ------------------------------------------------------------------ figures
def test_parse_figures_accepts_what_people_write():
    values = ["5,000", "5000", "5 000", "5\u00a0000", 5000.0, 5000, "1.2 million", "3k", "0", "12.5", "٥٠٠٠", ""]
    got = parse_figures(pd.Series(values), "idps").tolist()
    assert got[:10] == [5000.0, 5000.0, 5000.0, 5000.0, 5000.0, 5000.0, 1_200_000.0, 3000.0, 0.0, 12.5]
    assert got[10] == 5000.0 and math.isnan(got[11])


def test_parse_figures_blank_and_missing_are_nan():
    got = parse_figures(pd.Series(["", "  ", None, float("nan"), pd.NA], dtype=object), "idps")
    assert got.isna().all() and got.dtype == float


@pytest.mark.parametrize(
    "bad", ["NaN", "inf", float("inf"), "-3", -3, "1,2,3", "approx. 5000", "some", "5,00", "12.500", True, "5%"]
)
def test_parse_figures_rejects_the_rest(bad):
    with pytest.raises(InputError, match="not a non-negative number"):
        parse_figures(pd.Series(["10", bad], dtype=object), "idps")


def test_parse_figures_error_lists_file_rows(tmp_path):
    f = tmp_path / "people.csv"
    rows = ["place,idps"] + [f"p{i},{v}" for i, v in enumerate(["1", "2", "approx. 5000", "3", "4", "5", "6", "-3"])]
    f.write_text("\n".join(rows) + "\n", encoding="utf-8")
    df = read_table(f)
    with pytest.raises(InputError) as e:
        parse_figures(df["idps"], "idps")
    assert str(e.value) == f"{f}: column 'idps' rows 4, 9: not a non-negative number ('approx. 5000', '-3')"


def test_parse_figures_numbering_without_read_table():
    s = pd.Series([1.0, -2.0, 3.0])
    with pytest.raises(InputError, match="row 2:"):
        parse_figures(s, "n")  # 1-based data rows
    with pytest.raises(InputError, match="row 3:"):
        parse_figures(s, "n", first_row=2)  # the caller knows the header is row 1
    assert parse_figures(pd.Series([1, 2], dtype="int64"), "n").tolist() == [1.0, 2.0]
    with pytest.raises(InputError, match="row 2:"):
        parse_figures(pd.Series(["1", "x"], index=["a", "b"]), "n")


def test_parse_figures_rows_after_an_hxl_row(tmp_path):
    f = tmp_path / "people.csv"
    f.write_text("place,idps\n#loc+name,#affected+idps\nA,1\nB,lots\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 4:"):
        parse_figures(read_table(f)["idps"])


# ------------------------------------------------------------------ XLSX
def write_xlsx(path, sheets: dict[str, list[list]]):
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    book.save(path)


def test_xlsx_sheets_and_hxl(tmp_path):
    f = tmp_path / "dtm.xlsx"
    write_xlsx(
        f,
        {
            "readme": [["About this file"]],
            "sites": [["Site", "IDPs"], ["#loc+name", "#affected+idps"], ["Atmeh", 5000], ["Qah", "1,200"]],
        },
    )
    df = read_table(f, sheet="sites")
    assert df["Site"].tolist() == ["Atmeh", "Qah"]
    assert hxl_column(df, "#affected+idps") == "IDPs"
    assert parse_figures(df["IDPs"]).tolist() == [5000.0, 1200.0]
    assert read_table(f, sheet=1).attrs["sheet"] == "sites"
    with pytest.raises(InputError, match="no data"):
        read_table(f)  # the first sheet is only a note
    with pytest.raises(InputError) as e:
        read_table(f, sheet="data")
    assert "readme, sites" in one_line_error(e, f)


def test_xlsx_that_is_really_csv_or_empty(tmp_path):
    fake = tmp_path / "fake.xlsx"
    fake.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(FileFormatError) as e:
        read_table(fake)
    assert "rename it to .csv" in one_line_error(e, fake)
    empty = tmp_path / "empty.xlsx"
    write_xlsx(empty, {"Sheet1": []})
    with pytest.raises(InputError, match="empty"):
        read_table(empty)
    header = tmp_path / "header.xlsx"
    write_xlsx(header, {"Sheet1": [["a", "b"]]})
    with pytest.raises(InputError, match="no data"):
        read_table(header)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(header.read_bytes()[:300])  # a download cut short
    with pytest.raises(FileFormatError) as e:
        read_table(broken)
    one_line_error(e, broken)


# ------------------------------------------------------------------ geodata
def test_geojson_gpkg_shapefile_and_zip_round_trip(tmp_path):
    gdf = squares()
    gdf.to_file(tmp_path / "a.geojson")
    gdf.to_file(tmp_path / "a.gpkg", layer="adm2")
    gdf.to_file(tmp_path / "a.shp")
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as zf:
        for ext in ("shp", "shx", "dbf", "prj", "cpg"):
            zf.write(tmp_path / f"a.{ext}", f"cod/a.{ext}")
    for name in ("a.geojson", "a.gpkg", "a.shp", "a.zip"):
        got = read_table(tmp_path / name)
        assert isinstance(got, gpd.GeoDataFrame), name
        assert got.crs.to_epsg() == 4326
        assert got["ADM2_EN"].tolist() == ["Harim", "Ariha"], name
        assert got.geometry.iloc[0].equals(gdf.geometry.iloc[0]), name


def test_gpkg_layers(tmp_path):
    f = tmp_path / "cod.gpkg"
    squares().to_file(f, layer="adm2")
    squares().to_file(f, layer="adm3")
    with pytest.raises(InputError) as e:
        read_table(f)
    assert "adm2, adm3" in one_line_error(e, f)
    assert len(read_table(f, layer="adm3")) == 2
    with pytest.raises(InputError, match="no layer 'adm9'"):
        read_table(f, layer="adm9")


def test_other_crs_is_reprojected(tmp_path):
    f = tmp_path / "utm.gpkg"
    squares().to_crs(32637).to_file(f)
    got = read_table(f)
    assert got.crs.to_epsg() == 4326
    assert got.geometry.iloc[0].centroid.distance(squares().geometry.iloc[0].centroid) < 1e-3


def test_shapefile_missing_parts(tmp_path):
    squares().to_file(tmp_path / "a.shp")
    (tmp_path / "a.prj").unlink()
    with pytest.raises(GeometryError) as e:
        read_table(tmp_path / "a.shp")
    assert "--assume-crs" in one_line_error(e, tmp_path / "a.shp")
    assert read_table(tmp_path / "a.shp", assume_crs="EPSG:4326").crs.to_epsg() == 4326
    (tmp_path / "a.dbf").unlink()
    with pytest.raises(FileFormatError, match=r"\.dbf"):
        read_table(tmp_path / "a.shp", assume_crs=4326)


def test_zip_truncated_or_incomplete(tmp_path):
    gdf = squares()
    gdf.to_file(tmp_path / "a.shp")
    z = tmp_path / "a.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for ext in ("shp", "shx", "dbf", "prj"):
            zf.write(tmp_path / f"a.{ext}", f"a.{ext}")
    cut = tmp_path / "cut.zip"
    cut.write_bytes(z.read_bytes()[: z.stat().st_size // 2])
    with pytest.raises(FileFormatError) as e:
        read_table(cut)
    one_line_error(e, cut)
    nodbf = tmp_path / "nodbf.zip"
    with zipfile.ZipFile(nodbf, "w") as zf:
        for ext in ("shp", "shx", "prj"):
            zf.write(tmp_path / f"a.{ext}", f"a.{ext}")
    with pytest.raises(FileFormatError, match=r"\.dbf"):
        read_table(nodbf)


@pytest.mark.filterwarnings("ignore:'crs' was not provided")
def test_missing_crs_needs_assume_crs(tmp_path):
    f = tmp_path / "nocrs.gpkg"
    gpd.GeoDataFrame({"n": [1]}, geometry=[Point(36.6, 35.9)]).to_file(f)
    with pytest.raises(GeometryError, match="assume-crs"):
        read_table(f)
    assert read_table(f, assume_crs=4326).crs.to_epsg() == 4326


def test_out_of_range_coordinates(tmp_path):
    f = tmp_path / "metres.gpkg"
    # metres mislabelled as degrees: the classic wrong .prj
    gpd.GeoDataFrame({"n": [1, 2]}, geometry=[Point(36.6, 35.9), Point(350000, 3970000)], crs=4326).to_file(f)
    with pytest.raises(GeometryError) as e:
        read_table(f)
    assert "features 2 " in one_line_error(e, f)


def test_invalid_geometry_repaired_with_a_warning(tmp_path):
    f = tmp_path / "bowtie.geojson"
    bowtie = Polygon([(36, 35), (37, 36), (37, 35), (36, 36), (36, 35)])
    gpd.GeoDataFrame({"n": ["ok", "bowtie"]}, geometry=[box(36, 35, 37, 36), bowtie], crs=4326).to_file(f)
    with pytest.warns(UserWarning, match=r"repaired invalid geometry of features 2"):
        got = read_table(f)
    assert got.geometry.is_valid.all() and got.geom_type.iloc[1] == "MultiPolygon"


def test_empty_geometries(tmp_path):
    f = tmp_path / "empty.geojson"
    f.write_text(
        json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": None}]})
    )
    with pytest.raises(GeometryError, match="every geometry is empty"):
        read_table(f)
    g = tmp_path / "some.geojson"
    squares().assign(geometry=[box(36, 35, 37, 36), None]).to_file(g)
    with pytest.warns(UserWarning, match="features 2 have no geometry"):
        assert len(read_table(g)) == 2  # kept, not dropped
    h = tmp_path / "none.geojson"
    h.write_text(json.dumps({"type": "FeatureCollection", "features": []}))
    with pytest.raises(InputError, match="no features"):
        read_table(h)
    bad = tmp_path / "bad.geojson"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(FileFormatError) as e:
        read_table(bad)
    one_line_error(e, bad)


# ------------------------------------------------------------------ writing
def test_write_table_csv_with_hxl_round_trips(tmp_path):
    df = pd.DataFrame(
        {"query": ["Atmeh"], "lat": [36.3], "lon": [36.6], "kind": ["admin2"], "pcode": ["SY0703"], "x": [1]}
    )
    out = tmp_path / "out.csv"
    write_table(df, out, hxl=True)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[1] == "#loc+name,#geo+lat,#geo+lon,#loc+type,#adm2+code,"
    back = read_table(out)
    assert back.attrs["hxl"]["pcode"] == "#adm2+code" and back["lat"].tolist() == [36.3]
    again = tmp_path / "again.csv"
    write_table(back, again, hxl=True)  # tags read with a table are written back
    assert again.read_text(encoding="utf-8").splitlines()[1] == lines[1]


def test_hxl_tags_for_mixed_pcodes():
    df = pd.DataFrame({"pcode": ["SY07", "SY0703"], "kind": ["admin1", "admin2"], "mystery": [1, 2]})
    assert hxl_tags(df) == ["#loc+code", "#loc+type", ""]


def test_write_table_geo_formats(tmp_path):
    gdf = squares()
    for name in ("o.geojson", "o.gpkg"):
        write_table(gdf, tmp_path / name)
        assert read_table(tmp_path / name)["ADM2_PCODE"].tolist() == ["SY0703", "SY0704"]
    write_table(gdf, tmp_path / "wkt.csv")
    assert "POLYGON" in (tmp_path / "wkt.csv").read_text()
    points = pd.DataFrame({"name": ["a", "b"], "lat": [36.0, None], "lon": [36.5, None]})
    write_table(points, tmp_path / "p.geojson")
    feats = json.loads((tmp_path / "p.geojson").read_text())["features"]
    assert feats[0]["geometry"]["type"] == "Point"
    with pytest.raises(InputError, match="lat/lon"):
        write_table(pd.DataFrame({"a": [1]}), tmp_path / "x.geojson")
    with pytest.raises(InputError, match="cannot tell the format"):
        write_table(points, tmp_path / "x.xlsx")


# ------------------------------------------------------------------ properties
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(database=None, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([",", " ", "\u00a0", "'", ""]))
def test_any_count_written_with_separators_reads_back(n, sep):
    text = f"{n:,}".replace(",", sep)
    assert parse_figures(pd.Series([text]), "n").iloc[0] == n


@settings(database=None, deadline=None, max_examples=300)
@given(st.text(max_size=20))
def test_parse_figures_never_crashes_and_never_goes_negative(text):
    try:
        value = parse_figures(pd.Series([text], dtype=object), "n").iloc[0]
    except InputError:
        return
    assert math.isnan(value) or value >= 0
