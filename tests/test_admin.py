from __future__ import annotations

import random
import zipfile
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from shapely.geometry import MultiPoint, Point

from geo import admin, parents
from geo.errors import InputError
from geo.gazetteer import Gazetteer

DATA = Path(__file__).resolve().parent / "data"
COD_ADM3 = DATA / "syr_admbnda_adm3_synthetic.gpkg"

# Districts per governorate, roughly as in Syria (about 60 in all).
DISTRICTS = {"SY01": 1, "SY02": 8, "SY03": 9, "SY04": 6, "SY05": 5, "SY06": 4, "SY07": 5, "SY08": 4,
             "SY09": 3, "SY10": 5, "SY11": 3, "SY12": 3, "SY13": 3, "SY14": 2}  # fmt: skip
# Idleb's real districts, so that tests can ask for "Ariha" and "Harim district"; the rest is invented.
IDLEB = [("Idleb", "إدلب"), ("Al Ma'ra", "المعرة"), ("Jisr-Ash-Shugur", "جسر الشغور"), ("Ariha", "أريحا"),
         ("Harim", "حارم")]  # fmt: skip
PREFIXES = [("Tell", "تل"), ("Kafr", "كفر"), ("Deir", "دير"), ("Ain", "عين"), ("Beit", "بيت"), ("Khirbet", "خربة"),
            ("Jisr", "جسر"), ("Qasr", "قصر"), ("Marj", "مرج"), ("Wadi", "وادي"), ("Jabal", "جبل"),
            ("Mazraat", "مزرعة")]  # fmt: skip
ROOTS = [("Hamdan", "حمدان"), ("Nasr", "نصر"), ("Zayd", "زيد"), ("Sultan", "سلطان"), ("Karim", "كريم"),
         ("Mansour", "منصور"), ("Salem", "سالم"), ("Rahman", "رحمن"), ("Hadid", "حديد"), ("Qamar", "قمر"),
         ("Asfar", "أصفر"), ("Jamal", "جمال"), ("Yusuf", "يوسف"), ("Khalil", "خليل"), ("Ward", "ورد"),
         ("Najm", "نجم"), ("Sabr", "صبر"), ("Tawil", "طويل"), ("Zaytun", "زيتون"), ("Rumman", "رمان")]  # fmt: skip
SUFFIXES = [("", ""), (" Gharbi", " غربي"), (" Sharqi", " شرقي"), (" Kabir", " كبير")]
DUPLICATE = ("Tell Hamdan", "تل حمدان")  # a sub-district name that two governorates share, as real ones do


def _points_in(poly, n: int, rng: random.Random) -> list[Point]:
    minx, miny, maxx, maxy = poly.bounds
    shapely.prepare(poly)
    pts: list[Point] = []
    while len(pts) < n:
        p = Point(rng.uniform(minx, maxx), rng.uniform(miny, maxy))
        if poly.contains(p):
            pts.append(p)
    return pts


def _split(poly, n: int, rng: random.Random) -> list:
    """``n`` pieces of a polygon: Voronoi cells of random inner points, clipped to it, west to east."""
    if n == 1:
        return [poly]
    cells = shapely.voronoi_polygons(MultiPoint(_points_in(poly, n, rng)), extend_to=poly)
    pieces = [c.intersection(poly) for c in cells.geoms]
    pieces = [p for p in pieces if not p.is_empty and p.area > 0]
    return sorted(pieces, key=lambda p: (p.centroid.x, p.centroid.y))


def make_cod_admin3(path: str | Path, seed: int = 7) -> gpd.GeoDataFrame:
    """Write a synthetic COD-AB-style admin-3 layer for Syria (about 270 sub-districts) and return it.

    Real governorate polygons from the shipped boundaries, split into invented districts and
    sub-districts with plausible names, Arabic names and nested P-codes (SY07 → SY0703 → SY070301),
    in the columns OCHA publishes: ADM3_EN, ADM3_AR, ADM3_PCODE, ADM2_EN, ADM2_AR, ADM2_PCODE,
    ADM1_EN, ADM1_AR, ADM1_PCODE, ADM0_EN, ADM0_PCODE.
    """
    from geo.boundaries import admin1

    rng = random.Random(seed)
    pool = [(p + (" " if p else "") + r + s, pa + " " + ra + sa) for p, pa in PREFIXES for r, ra in ROOTS
            for s, sa in SUFFIXES]  # fmt: skip
    rng.shuffle(pool)
    pool = [n for n in pool if n[0] != DUPLICATE[0]]
    rows = []
    govs = admin1("SY")
    for gov in govs[govs["pcode"] != ""].sort_values("pcode").itertuples():
        shape = gov.geometry.simplify(0.005)
        districts = _split(shape, DISTRICTS[gov.pcode], rng)
        for d, dgeom in enumerate(districts):
            d_en, d_ar = IDLEB[d] if gov.pcode == "SY07" else ((gov.name, gov.name_ar) if d == 0 else pool.pop())
            d_code = f"{gov.pcode}{d:02d}"
            subs = _split(dgeom, rng.randint(3, 6) if gov.pcode != "SY01" else 4, rng)
            for s, sgeom in enumerate(subs):
                # as in COD-AB, a district's first sub-district is its centre and shares its name
                s_en, s_ar = (d_en, d_ar) if s == 0 else pool.pop()
                if (gov.pcode, d, s) in (("SY02", 1, 1), ("SY05", 2, 1)):
                    s_en, s_ar = DUPLICATE
                rows.append(
                    {"ADM3_EN": s_en, "ADM3_AR": s_ar, "ADM3_PCODE": f"{d_code}{s:02d}", "ADM2_EN": d_en,
                     "ADM2_AR": d_ar, "ADM2_PCODE": d_code, "ADM1_EN": gov.name, "ADM1_AR": gov.name_ar,
                     "ADM1_PCODE": gov.pcode, "ADM0_EN": "Syrian Arab Republic", "ADM0_PCODE": "SY",
                     "geometry": shapely.set_precision(sgeom, 1e-6)}
                )  # fmt: skip
    gdf = gpd.GeoDataFrame(rows, crs=4326)
    if path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        gdf.to_file(path, layer="syr_admbnda_adm3")
    return gdf


@pytest.fixture(scope="module")
def cod3() -> Path:
    if not COD_ADM3.exists():
        make_cod_admin3(COD_ADM3)
    return COD_ADM3


@pytest.fixture(scope="module")
def cod_gaz(cod3) -> Gazetteer:
    return admin.gazetteer_with(cod3)


def test_fixture_is_cod_sized_and_nested(cod3):
    gdf = gpd.read_file(cod3)
    assert 240 <= len(gdf) <= 300
    assert gdf["ADM3_PCODE"].is_unique and gdf["ADM2_PCODE"].nunique() >= 55
    assert all(a.startswith(b) for a, b in zip(gdf["ADM3_PCODE"], gdf["ADM2_PCODE"]))
    assert gdf.geometry.is_valid.all()


def test_columns_found_for_cod_and_hdx_spellings():
    import pandas as pd

    cols = admin.columns(pd.DataFrame(columns=["admin2Name_en", "admin2Name_ar", "admin2Pcode", "admin1Pcode"]))
    assert cols[2] == {"name": "admin2Name_en", "ar": "admin2Name_ar", "pcode": "admin2Pcode"}
    assert cols[1] == {"pcode": "admin1Pcode"}


def test_load_boundaries_detects_the_deepest_level(cod3):
    gdf = admin.load_boundaries(cod3)
    assert set(gdf["kind"]) == {"admin3"} and gdf.attrs["source"] == cod3.name
    row = gdf[gdf["pcode"] == "SY070301"].iloc[0]
    assert row["parent"] == "SY0703" and row["parent_name"] == "Ariha" and row["admin1"] == "Idleb"
    assert row["country"] == "SY" and row["name_ar"]
    adm2 = admin.load_boundaries(cod3, level=2)  # districts dissolved from their sub-districts
    assert set(adm2["kind"]) == {"admin2"} and adm2["pcode"].is_unique and len(adm2) == gdf["parent"].nunique()
    ariha = adm2[adm2["pcode"] == "SY0703"].iloc[0]
    assert (ariha["name"], ariha["parent"], ariha["name_ar"]) == ("Ariha", "SY07", "أريحا")
    assert abs(ariha.geometry.area - gdf[gdf["parent"] == "SY0703"].union_all().area) < 1e-9


def test_district_and_subdistrict_names_match(cod_gaz):
    got = parents.resolve(["Ariha", "Harim district", "Ariha sub-district", "jisr al-Shugur"], gazetteer=cod_gaz)
    assert [(m.kind, m.pcode) for m in got[:3]] == [("admin2", "SY0703"), ("admin2", "SY0704"), ("admin3", "SY070300")]
    assert got[0].source == COD_ADM3.name
    assert got[3].kind == "admin2" and got[3].pcode == "SY0702"  # spelled as users spell it


def test_bare_name_means_the_larger_area_whatever_the_context(cod_gaz):
    # many other places in the request pull the context centre around; a bare name still means the larger area
    others = ["Aleppo", "Homs", "Raqqa", "Qamishli", "Daraa", "Deir ez-Zor", "Tartus"] * 3
    got = parents.resolve(["Ariha", "Idleb", "أريحا", *others], gazetteer=cod_gaz)
    assert [(m.kind, m.pcode) for m in got[:3]] == [("admin2", "SY0703"), ("admin1", "SY07"), ("admin2", "SY0703")]
    within = parents.resolve(["Idleb", "Ariha"], ["Idleb", "Ariha"], gazetteer=cod_gaz)
    assert [(m.kind, m.pcode) for m in within] == [("admin2", "SY0700"), ("admin3", "SY070300")]


def test_pcodes_normalise(cod_gaz):
    got = parents.resolve(["SY0703", "sy0703", "SY07-03", "SY 07 03 01"], gazetteer=cod_gaz)
    assert [m.pcode for m in got] == ["SY0703"] * 3 + ["SY070301"]
    assert {m.how for m in got} == {"pcode"}


def test_arabic_names_match(cod_gaz):
    m = parents.resolve(["حارم"], gazetteer=cod_gaz)[0]
    assert m.pcode == "SY0704"


def test_area_geometry_is_the_polygon(cod_gaz, cod3):
    from geo.geocode import to_geodataframe

    gdf = to_geodataframe(parents.resolve(["Harim district", "southern Ariha"], gazetteer=cod_gaz))
    assert gdf.geom_type.tolist()[0] in ("Polygon", "MultiPolygon")
    src = gpd.read_file(cod3)
    harim = src[src["ADM2_PCODE"] == "SY0704"].union_all()
    assert abs(gdf.geometry.iloc[0].area - harim.area) < 1e-6
    assert gdf.geometry.iloc[1].area < src[src["ADM2_PCODE"] == "SY0703"].union_all().area


def test_default_gazetteer_is_left_as_shipped(cod_gaz):
    mine, shipped = cod_gaz.at(cod_gaz.pcodes["SY0703"]), Gazetteer.default().at(Gazetteer.default().pcodes["SY0703"])
    assert mine.source == "syr_admbnda_adm3_synthetic.gpkg" and mine.name == "Ariha"
    assert shipped.source.startswith("OCHA") and shipped.name == "Harim"
    assert not Gazetteer.default().hidden


def test_name_in_several_parents_is_ambiguous_not_guessed(cod_gaz):
    m = parents.resolve(["Tell Hamdan"], gazetteer=cod_gaz)[0]
    assert not m.matched and m.note.startswith("ambiguous")
    assert "SY0201" in m.alternatives and "SY0502" in m.alternatives


def test_parent_decides(cod_gaz):
    got = parents.resolve(["Tell Hamdan", "Tell Hamdan", "Tell Hamdan", "Ariha"], ["Aleppo", "SY05", "hama", "Idleb"],
                        gazetteer=cod_gaz)  # fmt: skip
    assert [m.pcode for m in got] == ["SY020101", "SY050201", "SY050201", "SY0703"]
    assert all(m.matched and not m.note for m in got)


def test_parent_excludes_places_elsewhere(cod_gaz):
    # Ariha the district is in Idleb; asked for inside Aleppo, nothing called Ariha is there
    m = parents.resolve(["Ariha"], ["Aleppo"], gazetteer=cod_gaz)[0]
    assert not m.matched and "inside 'Aleppo'" in m.note


def test_unknown_parent_is_noted(cod_gaz):
    m = parents.resolve(["Ariha"], ["Atlantis"], gazetteer=cod_gaz)[0]
    assert m.pcode == "SY0703" and "parent 'Atlantis' not found" in m.note


def test_generic_file_needs_level_or_pcodes(tmp_path):
    from shapely.geometry import box

    g = gpd.GeoDataFrame({"name": ["Zone A"], "code": ["SY070399"]}, geometry=[box(36.5, 35.8, 36.6, 35.9)], crs=4326)
    g.to_file(tmp_path / "zones.geojson")
    gdf = admin.load_boundaries(tmp_path / "zones.geojson")
    assert gdf.iloc[0]["kind"] == "admin3" and gdf.iloc[0]["pcode"] == "SY070399"
    g.drop(columns="code").to_file(tmp_path / "nocode.geojson")
    with pytest.raises(InputError, match="admin level"):
        admin.load_boundaries(tmp_path / "nocode.geojson")
    assert admin.load_boundaries(tmp_path / "nocode.geojson", level=2).iloc[0]["kind"] == "admin2"
    gaz = admin.gazetteer_with(tmp_path / "nocode.geojson", level=2)
    assert parents.resolve(["Zone A"], gazetteer=gaz)[0].kind == "admin2"
    with pytest.raises(InputError, match="no column 'nom'"):
        admin.load_boundaries(tmp_path / "zones.geojson", name_col="nom")
    import pandas as pd

    pd.DataFrame({"a": [1]}).to_csv(tmp_path / "t.csv", index=False)
    with pytest.raises(InputError, match="no geometry"):
        admin.load_boundaries(tmp_path / "t.csv")


def test_alternate_and_reference_names_match(tmp_path):
    from shapely.geometry import box

    g = gpd.GeoDataFrame(
        {"ADM2_EN": ["Zawiya Hills"], "ADM2_REF": ["Jabal az-Zawiya"], "ADM2ALT1EN": ["Zawiyeh"], "ADM2ALT2EN": [None],
         "ADM2_PCODE": ["SY0799"], "ADM1_PCODE": ["SY07"]},
        geometry=[box(36.4, 35.6, 36.6, 35.8)], crs=4326,
    )  # fmt: skip
    g.to_file(tmp_path / "adm2.geojson")
    assert admin.load_boundaries(tmp_path / "adm2.geojson").iloc[0]["alt_names"] == "Jabal az-Zawiya|Zawiyeh"
    gaz = admin.gazetteer_with(tmp_path / "adm2.geojson")
    got = parents.resolve(["Jabal al Zawiya", "Zawiyeh district"], gazetteer=gaz)
    assert [m.pcode for m in got] == ["SY0799", "SY0799"]


def test_alpha3_pcodes_are_kept_and_found(tmp_path):
    from shapely.geometry import box

    g = gpd.GeoDataFrame(
        {"ADM1_EN": ["Kharkivska"], "ADM1_PCODE": ["UA63"], "ADM2_EN": ["Iziumskyi"], "ADM2_PCODE": ["UKR6304"],
         "ADM0_PCODE": ["UKR"]},
        geometry=[box(37.0, 49.0, 37.5, 49.4)], crs=4326,
    )  # fmt: skip
    g.to_file(tmp_path / "ukr_adm2.geojson")
    row = admin.load_boundaries(tmp_path / "ukr_adm2.geojson").iloc[0]
    assert (row["pcode"], row["country"], row["parent"]) == ("UKR6304", "UA", "UA63")
    gaz = admin.gazetteer_with(tmp_path / "ukr_adm2.geojson")
    got = parents.resolve(["ukr6304", "Iziumskyi district"], country="UA", gazetteer=gaz)
    assert [m.pcode for m in got] == ["UKR6304", "UKR6304"]


def test_zipped_shapefile_and_gpkg_layers(cod3, tmp_path):
    src = gpd.read_file(cod3)
    idleb = src[src["ADM1_PCODE"] == "SY07"]
    idleb.to_file(tmp_path / "syr_adm3.shp")
    with zipfile.ZipFile(tmp_path / "syr_adm3.zip", "w") as zf:
        for ext in ("shp", "shx", "dbf", "prj", "cpg"):
            zf.write(tmp_path / f"syr_adm3.{ext}", f"syr_adm3.{ext}")
    gdf = admin.load_boundaries(tmp_path / "syr_adm3.zip")
    assert len(gdf) == len(idleb) and gdf.attrs["source"] == "syr_adm3.zip"
    multi = tmp_path / "syr_cod.gpkg"
    idleb.dissolve("ADM2_PCODE", as_index=False).to_file(multi, layer="syr_admbnda_adm2")
    idleb.to_file(multi, layer="syr_admbnda_adm3")
    assert set(admin.load_boundaries(multi)["kind"]) == {"admin3"}
    assert set(admin.load_boundaries(multi, level=2)["kind"]) == {"admin2"}


def test_offline_gazetteer_finds_user_areas(cod_gaz):
    from geo.offline import OfflineGazetteer

    loc = OfflineGazetteer(gazetteer=cod_gaz).geocode("Harim district")
    assert loc is not None and loc.raw["kind"] == "admin2"
    assert loc.raw["source"] == "syr_admbnda_adm3_synthetic.gpkg"
    shipped = OfflineGazetteer().geocode("Harim district").raw  # OCHA's district, a point without a polygon
    assert shipped["kind"] == "admin2" and shipped["note"].startswith("no polygon shipped")
