"""The world data files the gazetteer and the maps read: countries, admin-1 areas, places, supplement.

These check the shipped files themselves (built by the scripts in ``scripts/``), not the code that reads
them: every country is there, every area has a name and a valid shape, the English forms reports use are
present, and the files stay within their size budgets.
"""

from __future__ import annotations

import csv
import gzip
import unicodedata
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geo import boundaries

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "geo" / "data"
SHAPEFILES = boundaries.shapefiles_dir()
REGION = {"SY", "TR", "IQ", "LB", "JO", "IL", "PS", "CY", "IR", "SA", "EG"}
MB = 1_000_000


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


def split(text: str) -> list[str]:
    return [t for t in (text or "").split("|") if t]


@pytest.fixture(scope="module")
def countries() -> pd.DataFrame:
    return pd.read_csv(DATA / "countries.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def admin1() -> gpd.GeoDataFrame:
    return gpd.read_file(SHAPEFILES / "admin1.gpkg", layer="admin1")


@pytest.fixture(scope="module")
def places() -> pd.DataFrame:
    return pd.read_csv(DATA / "places.csv.gz", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def supplement() -> pd.DataFrame:
    return pd.read_csv(DATA / "supplement.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def supplement_osm() -> pd.DataFrame:
    return pd.read_csv(DATA / "supplement_osm.csv", dtype=str, keep_default_na=False)


def names_of(table: pd.DataFrame, key: str, *columns: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for row in table.itertuples():
        forms = [row.name] + [f for c in columns for f in split(getattr(row, c))]
        out.setdefault(getattr(row, key), set()).update(fold(f) for f in forms)
    return out


# ---------------------------------------------------------------------------------------------- countries
def test_countries_have_the_agreed_columns_and_one_row_each(countries):
    assert list(countries.columns) == ["iso_a2", "name", "names", "demonyms", "source"]
    assert countries["iso_a2"].is_unique
    assert (countries["name"] != "").all() and (countries["source"] != "").all()


def test_every_country_the_maps_and_places_know_has_a_row(countries, places):
    codes = set(countries["iso_a2"])
    mapped = set(boundaries.admin0()["iso_a2"]) - {""}
    assert mapped <= codes, mapped - codes
    assert set(places["country"]) <= codes, set(places["country"]) - codes
    assert len(codes) >= 249  # every ISO 3166-1 country, and Kosovo (XK)


def test_every_iso_country_has_a_row(countries):
    pycountry = pytest.importorskip("pycountry")  # a build dependency (scripts/requirements.txt)
    assert {c.alpha_2 for c in pycountry.countries} <= set(countries["iso_a2"])


@pytest.mark.parametrize(
    "iso, form",
    [
        ("CF", "CAR"), ("CF", "Central African Republic"), ("CD", "DRC"), ("CD", "DR Congo"),
        ("CD", "Democratic Republic of the Congo"), ("CD", "Congo-Kinshasa"), ("CG", "Republic of the Congo"),
        ("CG", "Congo-Brazzaville"), ("CI", "Ivory Coast"), ("CI", "Côte d'Ivoire"), ("TR", "Türkiye"),
        ("TR", "Turkey"), ("PS", "occupied Palestinian territory"), ("PS", "oPt"), ("PS", "State of Palestine"),
        ("MM", "Burma"), ("MM", "Myanmar"), ("SY", "Syria"), ("SY", "Syrian Arab Republic"), ("IR", "Iran"),
        ("RU", "Russia"), ("SS", "South Sudan"), ("SD", "Sudan"), ("GB", "UK"), ("US", "US"), ("US", "USA"),
        ("AE", "UAE"), ("SA", "KSA"), ("XK", "Kosovo"),
    ],
)  # fmt: skip
def test_countries_carry_the_names_reports_use(countries, iso, form):
    assert fold(form) in names_of(countries, "iso_a2", "names")[iso]


def test_a_part_of_a_country_is_not_a_name_of_it(countries):
    every = {fold(f) for row in countries.itertuples() for f in [row.name, *split(row.names)]}
    assert not {"gaza strip", "west bank", "gaza"} & every
    # "Sudan" names Sudan only, never South Sudan; "Guinea" names Guinea only
    named = names_of(countries, "iso_a2", "names")
    assert [c for c, forms in named.items() if "sudan" in forms] == ["SD"]
    assert [c for c, forms in named.items() if "guinea" in forms] == ["GN"]


@pytest.mark.parametrize(
    "iso, demonym",
    [
        ("SY", "Syrian"), ("TR", "Turkish"), ("LB", "Lebanese"), ("RW", "Rwandan"), ("CD", "Congolese"),
        ("CG", "Congolese"), ("TD", "Chadian"), ("SD", "Sudanese"), ("SS", "South Sudanese"), ("KE", "Kenyan"),
        ("SO", "Somali"), ("ET", "Ethiopian"), ("UA", "Ukrainian"), ("PL", "Polish"), ("MD", "Moldovan"),
        ("BD", "Bangladeshi"), ("MM", "Myanmar"), ("AF", "Afghan"), ("PK", "Pakistani"), ("IR", "Iranian"),
        ("JO", "Jordanian"), ("IQ", "Iraqi"), ("IL", "Israeli"), ("EG", "Egyptian"), ("LY", "Libyan"),
        ("NE", "Nigerien"), ("NG", "Nigerian"), ("ML", "Malian"), ("BF", "Burkinabe"), ("CM", "Cameroonian"),
    ],
)  # fmt: skip
def test_demonyms_for_border_phrases(countries, iso, demonym):
    assert demonym in split(countries.set_index("iso_a2").loc[iso, "demonyms"])


def test_every_inhabited_country_has_a_demonym(countries):
    without = set(countries.loc[countries["demonyms"] == "", "iso_a2"])
    assert without <= {"BV", "HM", "GS", "TF", "UM"}  # no permanent population


# ------------------------------------------------------------------------------------------------ admin-1
def test_admin1_has_the_agreed_columns_and_covers_the_world(admin1):
    assert list(admin1.columns) == ["iso_a2", "name", "name_ar", "alt_names", "pcode", "hasc", "type_en", "geometry"]
    assert admin1.crs.to_epsg() == 4326
    assert admin1["iso_a2"].nunique() >= 240
    assert admin1["iso_a2"].str.fullmatch("[A-Z]{2}").all()


def test_every_admin1_area_has_a_name_and_a_valid_shape(admin1):
    assert (admin1["name"].str.strip() != "").all()
    assert admin1.geometry.notna().all() and not admin1.geometry.is_empty.any()
    assert admin1.geometry.is_valid.all()
    assert set(admin1.geom_type) <= {"Polygon", "MultiPolygon"}


def test_admin1_ids_are_unique(admin1):
    # the gazetteer names an area admin1:<pcode>, else admin1:<iso>.<hasc or name>: each must be one area
    assert not admin1.duplicated(["iso_a2", "name"]).any()
    hasc = admin1.loc[admin1["hasc"] != "", "hasc"]
    assert hasc.is_unique
    assert all(h.startswith(f"{c}.") for h, c in zip(hasc, admin1.loc[hasc.index, "iso_a2"]))


def test_syria_keeps_its_14_pcoded_governorates(admin1):
    sy = admin1[(admin1["iso_a2"] == "SY") & (admin1["pcode"] != "")]
    assert sorted(sy["pcode"]) == [f"SY{i:02d}" for i in range(1, 15)]
    assert (sy["name_ar"] != "").all()
    assert set(sy["type_en"]) == {"Governorate"}


def test_region_countries_keep_every_area(admin1):
    counts = admin1["iso_a2"].value_counts()
    for iso, n in {"TR": 81, "IR": 31, "EG": 27, "IQ": 18, "SY": 15, "SA": 13, "JO": 12, "LB": 6, "IL": 6}.items():
        assert counts[iso] == n
    assert set(admin1.loc[admin1["iso_a2"] == "PS", "name"]) == {"Gaza Strip", "West Bank"}


@pytest.mark.parametrize(
    "iso, form, area",
    [
        ("SO", "Hiraan", "Hiiraan"), ("SO", "Lower Shabelle", "Shabeellaha Hoose"),
        ("SO", "Middle Juba", "Jubbada Dhexe"), ("SO", "Bay", "Bay"), ("MZ", "Cabo Delgado", "Cabo Delgado"),
        ("MZ", "Cabo Delgado Province", "Cabo Delgado"), ("NG", "Borno State", "Borno"),
        ("MM", "Kachin State", "Kachin"), ("UA", "Luhansk Oblast", "Luhansk"), ("UA", "Kherson Oblast", "Kherson"),
        ("ET", "Amhara Region", "Amhara"), ("SD", "North Darfur", "North Darfur"),
        ("SD", "Northern Darfur", "North Darfur"), ("SD", "South Darfur", "Southern Darfur"),
        ("SD", "East Darfur", "Eastern Darfur"), ("SD", "South Kordofan", "South Kordufan"),
        ("TD", "Ouaddai", "Ouaddaï"), ("CD", "North Kivu", "Nord-Kivu"), ("CD", "South Kivu", "Sud-Kivu"),
        ("SS", "Jonglei", "Jonglei"), ("UA", "Kyiv", "Kyiv"), ("UA", "Kiev", "Kyiv"), ("PS", "Gaza", "Gaza Strip"),
        ("AF", "Helmand", "Hilmand"), ("YE", "Hodeidah", "Al Hudaydah"), ("IQ", "Nineveh", "Ninawa"),
    ],
)  # fmt: skip
def test_admin1_carry_the_english_forms_reports_use(admin1, iso, form, area):
    found = {a for a, forms in names_of(admin1[admin1["iso_a2"] == iso], "name", "alt_names").items()
             if fold(form) in forms}  # fmt: skip
    assert found == {area}


@pytest.mark.parametrize(
    "iso, area, town",
    [("AF", "Balkh", "Mazar-i-Sharif"), ("MZ", "Nampula", "Mozambique"), ("IQ", "Ninawa", "Mosul"),
     ("CF", "Vakaga", "Birao"), ("NG", "Federal Capital Territory", "Abuja State")],
)  # fmt: skip
def test_admin1_alternates_leave_out_towns_and_countries(admin1, iso, area, town):
    row = admin1[(admin1["iso_a2"] == iso) & (admin1["name"] == area)].iloc[0]
    assert fold(town) not in {fold(a) for a in split(row["alt_names"])}


def test_no_admin1_alternate_is_a_country_name(admin1, countries):
    country = {fold(f) for row in countries.itertuples() for f in [row.name, *split(row.names)]}
    syria_own = admin1["pcode"] != ""  # the Syrian spellings are written by hand, as before
    clash = [(r.iso_a2, r.name, a) for r in admin1[~syria_own].itertuples() for a in split(r.alt_names)
             if fold(a) in country]  # fmt: skip
    assert clash == []


def test_admin1_file_stays_small_and_small_areas_survive(admin1):
    assert (SHAPEFILES / "admin1.gpkg").stat().st_size < 8 * MB
    # simplification outside the region keeps a shape for the smallest areas (Vatican, atolls)
    assert admin1.loc[admin1["name"] == "Vatican", "geometry"].iloc[0].area > 0


# ------------------------------------------------------------------------------------------------- places
def test_places_columns_size_and_count(places):
    assert list(places.columns) == ["geonameid", "name", "lat", "lon", "country", "population", "alt_names", "admin1"]
    assert (DATA / "places.csv.gz").stat().st_size < 7 * MB
    assert len(places) > 60_000 and places["geonameid"].is_unique


def test_places_hold_small_towns_where_there_is_a_response(places):
    small = places[places["population"].astype(int) < 15_000]
    for iso in ("SY", "UA", "SD", "CD", "MM", "AF", "SO", "TD", "HT", "CO"):
        assert (small["country"] == iso).any(), iso
    # the US, China …: towns of 5,000+ (disasters strike them), no villages named after the world's towns
    population = small["population"].astype(int)
    assert ((small["country"] == "US") & (population >= 5_000)).any()
    assert not ((small["country"] == "US") & (population < 5_000)).any()
    # western Europe: villages of 1,000+ too (the Ahr valley's, Amatrice)
    assert ((small["country"] == "FR") & population.between(1_000, 4_999)).any()


def test_places_hold_towns_of_1000_in_the_rest_of_the_south(places):
    # a new crisis names small towns before anyone builds a gazetteer for it: 1,000+ outside the 57 countries
    population = places["population"].astype(int)
    for iso in ("MR", "PH", "SN", "GE", "RU", "BR", "MX", "IN"):
        assert ((places["country"] == iso) & population.between(1_000, 14_999)).any(), iso
    assert not ((places["country"] == "PH") & (population < 1_000) & (population > 0)).any()


def test_places_alternates_are_latin_or_arabic(places):
    sample = places["alt_names"].str.cat(sep="|")
    scripts = {unicodedata.name(c, "?").split(" ")[0] for c in sample if c.isalpha()}
    assert scripts <= {"LATIN", "ARABIC"}


def test_places_alternates_leave_out_airport_codes_and_abbreviations(places):
    # GeoNames gives Bursa the code of its airport, "YEI", which took Yei (South Sudan, 260,000 people)
    alts = places["alt_names"].str.split("|").explode()
    assert not alts.str.fullmatch(r"[A-Z]{2,3}").any()
    assert places.loc[places["name"] == "Yei", "alt_names"].str.contains("Yey").all()  # spellings stay
    assert places.loc[places["name"] == "Bursa", "alt_names"].str.contains("Prusa").all()


def test_places_admin1_names_an_area_of_their_own_country(places, admin1):
    areas = set(zip(admin1["iso_a2"], admin1["name"]))
    named = places[places["admin1"] != ""]
    assert all(pair in areas for pair in zip(named["country"], named["admin1"]))
    assert len(named) / len(places) > 0.99


# ------------------------------------------------------------------------------------------------- towns
@pytest.fixture(scope="module")
def towns() -> pd.DataFrame:
    return pd.read_csv(DATA / "towns.csv.gz", dtype=str, keep_default_na=False)


def test_towns_fill_gaps_of_geonames_outside_the_narrow_countries(towns, admin1):
    assert list(towns.columns) == ["id", "name", "alt_names", "lat", "lon", "country", "population", "admin1"]
    assert towns["id"].is_unique and (DATA / "towns.csv.gz").stat().st_size < 0.5 * MB
    # not in Syria (OCHA's communities) nor where GeoNames' towns of 5,000+ are kept (build_places.NARROW; the
    # scripts' own packages are not the tests' dependencies, so a few of those countries stand for all)
    assert not towns["country"].isin(["SY", "FR", "DE", "GB", "US", "CN", "JP", "IT", "ES", "AU"]).any()
    assert (towns["population"].astype(int) >= 500).all()
    # every town lies in an area of its own country (SimpleMaps' West Bank code XW is PS)
    assert set(zip(towns["country"], towns["admin1"])) <= set(zip(admin1["iso_a2"], admin1["name"]))
    # towns GeoNames' extract lacks for want of a population figure
    for name, iso in (("Say’ūn", "YE"), ("Thandwe", "MM"), ("Tabarre", "HT"), ("Ceel Dheere", "SO")):
        assert ((towns["name"] == name) & (towns["country"] == iso)).any(), name


def test_openstreetmap_towns_of_nine_crisis_countries(towns, admin1):
    osm = pd.read_csv(DATA / "towns_osm.csv.gz", dtype=str, keep_default_na=False)
    assert list(osm.columns) == ["id", "name", "alt_names", "lat", "lon", "country", "population", "place", "admin1"]
    assert osm["id"].is_unique and set(osm["place"]) <= {"town", "city"}
    assert set(osm["country"]) == {"SS", "SD", "CD", "CF", "TD", "SO", "ML", "BF", "NE"}
    assert set(zip(osm["country"], osm["admin1"])) <= set(zip(admin1["iso_a2"], admin1["name"]))
    # its source is committed, and every town comes from it at the node's own point
    src = pd.read_csv(ROOT / "scripts" / "sources" / "osm-towns" / "osm_towns.csv", dtype=str, keep_default_na=False)
    points = {r.id: (float(r.lat), float(r.lon)) for r in src.itertuples()}
    assert all(abs(points[r.id][0] - float(r.lat)) < 1e-4 and abs(points[r.id][1] - float(r.lon)) < 1e-4
               for r in osm.itertuples())  # fmt: skip
    # no second "Wau" in South Sudan, and none of SimpleMaps' towns twice (the same name within 150 km)
    assert not ((osm["name"] == "Wau") & (osm["country"] == "SS")).any()
    from geo.namesakes import km

    theirs: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for row in towns.itertuples():
        theirs.setdefault((row.country, fold(row.name)), []).append((float(row.lat), float(row.lon)))
    for row in osm.itertuples():
        for lat, lon in theirs.get((row.country, fold(row.name)), []):
            assert km(float(row.lat), float(row.lon), lat, lon) > 150, row.name


def test_towns_are_not_a_second_copy_of_a_geonames_town(towns, places):
    # the same name within 150 km in one country is the same town: Sittwe, which SimpleMaps puts 12 km off
    assert not ((towns["name"] == "Sittwe") & (towns["country"] == "MM")).any()
    from geo.namesakes import km

    shipped: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for row in places.itertuples():
        shipped.setdefault((row.country, fold(row.name)), []).append((float(row.lat), float(row.lon)))
    namesakes = 0
    for row in towns.itertuples():
        for lat, lon in shipped.get((row.country, fold(row.name)), []):
            namesakes += 1
            assert km(float(row.lat), float(row.lon), lat, lon) > 150, row.name
    assert namesakes  # a namesake far away is another town, and allowed


# --------------------------------------------------------------------------------------------- supplement
def test_supplement_ids_are_unique_and_every_row_says_its_source(supplement):
    assert list(supplement.columns) == [
        "id", "name", "alt_names", "kind", "lat", "lon", "country", "admin1", "population", "counterpart", "source"
    ]  # fmt: skip
    assert supplement["id"].is_unique
    assert (supplement["source"].str.len() > 20).all()
    assert set(supplement["kind"]) <= {"place", "camp", "crossing", "admin1"}
    assert set(supplement.loc[supplement["counterpart"] != "", "counterpart"]) <= set(supplement["id"])


def test_supplement_points_lie_in_their_country(supplement, supplement_osm, admin1):
    # admin-1 areas, not admin-0: Natural Earth's admin-0 keeps Somaliland apart from Somalia
    countries = admin1.dissolve("iso_a2")
    for row in pd.concat([supplement, supplement_osm]).itertuples():
        point = shapely.Point(float(row.lon), float(row.lat))
        # crossings sit on the line: within about 5 km; Bhasan Char (2006) is newer than Natural Earth's coast
        limit = 0.15 if row.id == "bhasan-char" else 0.05
        assert countries.loc[row.country, "geometry"].distance(point) < limit, row.id


def test_supplement_admin1_rows_add_areas_the_shapes_lack(supplement, admin1):
    rows = supplement[supplement["kind"] == "admin1"]
    have = {(c, fold(n)) for c, n in zip(admin1["iso_a2"], admin1["name"])}
    assert not [r.name for r in rows.itertuples() if (r.country, fold(r.name)) in have]
    assert {"Ituri", "Tanganyika", "Haut-Uele", "Tshopo", "West Kordofan", "Sool", "Ennedi-Est"} <= set(rows["name"])
    # each is its own admin1, except Palestine's governorates, which lie in the Gaza Strip or the West Bank
    nested = rows[rows["admin1"] != rows["name"]]
    assert set(nested["country"]) == {"PS"} and set(nested["admin1"]) == {"Gaza Strip", "West Bank"}
    assert len(nested) == 15 and all(("PS", fold(a)) in have for a in nested["admin1"])


@pytest.mark.parametrize(
    "name",
    ["Zamzam camp", "Abu Shouk camp", "Kalma camp", "Adré crossing", "Kutupalong camp", "Bhasan Char",
     "Torkham crossing", "Chaman crossing", "Rafah crossing", "Kerem Shalom crossing", "al-Mawasi",
     "Dadaab refugee camps", "Kakuma refugee camp", "Bidibidi refugee settlement", "Medyka crossing",
     "Palanca crossing", "Renk", "Zaatari camp", "Jabalia camp", "Ain al-Hilweh", "Hagadera camp", "Masnaa crossing",
     "Nasib crossing", "Grande Barrière", "Tawila"],
)  # fmt: skip
def test_supplement_has_the_camps_and_crossings_of_other_crises(supplement, name):
    assert name in set(supplement["name"])


@pytest.mark.parametrize(
    ("names", "country", "kind"),
    [(["Mafraq", "Irbid", "Za'atari camp"], "JO", "camp"), (["Gaza City", "Khan Younis", "Shati camp"], "PS", "camp"),
     (["Dadaab", "Garissa", "Ifo camp"], "KE", "camp"), (["Goma", "Sake", "Bulengo camp"], "CD", "camp"),
     (["Zahle", "Beirut", "the Masnaa crossing"], "LB", "crossing"), (["Zarqa", "Amman", "Baqa'a camp"], "JO", "camp"),
     (["Juba", "Malakal", "Bor PoC site"], "SS", "camp"), (["El Fasher", "Tawila", "Tabit"], "SD", "place"),
     (["Tripoli", "Misrata", "Tajoura detention centre"], "LY", "camp"),
     (["Bihać", "Velika Kladuša", "Lipa camp"], "BA", "camp"), (["Erbil", "Mosul", "Makhmour camp"], "IQ", "camp"),
     (["Agrigento", "Pozzallo", "Lampedusa", "Linosa"], "IT", "place"), (["Tindouf", "Rabouni"], "DZ", "camp")],
)  # fmt: skip
def test_camps_and_crossings_are_found_as_reports_write_them(names, country, kind):
    from geo.geocode import resolve

    m = resolve(names)[-1]
    assert (m.kind, m.country, m.source) == (kind, country, "geo supplement"), m


def test_supplement_syrian_rows_come_first_and_unchanged_in_form():
    # the hand-written rows are one line each, so edits to them (and the build script) merge cleanly
    with open(DATA / "supplement.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    lines = (DATA / "supplement.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == len(lines)
    generated = [i for i, r in enumerate(rows) if r[0].startswith("admin1-")]
    assert generated == list(range(len(rows) - len(generated), len(rows)))


def test_places_file_is_plain_gzip_with_a_fixed_header():
    with gzip.open(DATA / "places.csv.gz", "rt", encoding="utf-8") as fh:
        assert fh.readline().strip() == "geonameid,name,lat,lon,country,population,alt_names,admin1"
    assert (DATA / "places.csv.gz").read_bytes()[4:8] == b"\0\0\0\0"  # mtime 0: rebuilds are byte-identical


def test_geonames_points_far_from_their_towns_are_moved_to_them(places):
    # scripts/places_fixes.csv: Kobo (Amhara) was 237 km south of the town, Kenge 380 km west in Kongo Central
    kobo = places[places["geonameid"] == "8620932"].iloc[0]
    assert (round(float(kobo["lat"]), 2), round(float(kobo["lon"]), 2), kobo["admin1"]) == (12.15, 39.63, "Amhara")
    kenge = places[places["geonameid"] == "2314935"].iloc[0]
    assert round(float(kenge["lon"]), 2) == 17.04


def test_openstreetmap_rows_are_a_file_of_their_own_and_say_so(supplement, supplement_osm):
    # ODbL: the rows whose points come from OpenStreetMap stay apart, each naming its node, and a match says so
    assert list(supplement_osm.columns) == list(supplement.columns)
    assert not set(supplement_osm["id"]) & set(supplement["id"]) and supplement_osm["id"].is_unique
    assert supplement_osm["source"].str.contains(r"OpenStreetMap node \d+", regex=True).all()
    assert not supplement["source"].str.contains("OpenStreetMap node").any()
    assert set(supplement_osm["kind"]) <= {"place", "camp", "crossing"}
    from geo.geocode import resolve

    markoye = resolve(["Markoye"], country="BF")[0]
    assert markoye.matched and "OpenStreetMap" in markoye.source and markoye.admin1 == "Oudalan"


def test_another_towns_name_is_dropped_from_a_geonames_town(places):
    # scripts/places_fixes.csv: El Fasher carried "Tendelti" (a town of White Nile), Nikopol its 1780s name
    fasher = places[places["geonameid"] == "379555"].iloc[0]
    assert "Tendelti" not in fasher["alt_names"].split("|")
    from geo.geocode import resolve

    tendelti = resolve(["Tendelti"], country="SD")[0]
    sloviansk = resolve(["Sloviansk"], country="UA")[0]
    assert (tendelti.name, tendelti.admin1) == ("Tandaltī", "White Nile")
    assert (sloviansk.name, sloviansk.admin1) == ("Slovyansk", "Donetsk")


def test_eritreas_regions_bear_their_own_names(admin1):
    # Natural Earth's names for the four central regions go round in a ring (scripts/admin1_fixes.csv)
    from geo.geocode import resolve

    towns = resolve(["Asmara", "Keren", "Massawa", "Mendefera", "Barentu"], country="ER")
    assert [m.admin1 for m in towns] == ["Maekel", "Anseba", "Semenawi Keyih Bahri", "Debub", "Gash Barka"]
