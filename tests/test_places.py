"""The user's own populated places (COD-PP files) added for a run: geo.places and --places."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from geo.cli import main
from geo.errors import InputError
from geo.geocode import resolve
from geo.places import gazetteer_with_places, load_places, parse_columns

COD_PP = """ADM0_EN,ADM0_PCODE,ADM1_EN,ADM1_PCODE,ADM2_EN,ADM2_PCODE,ADM4_EN,ADM4_AR,ADM4_PCODE,LATITUDE,LONGITUDE
Sudan,SD,North Darfur,SD02,Al Fasher,SD0201,Um Sayala,أم سيالة,SD020101,13.7102,25.4411
Sudan,SD,North Darfur,SD02,Kutum,SD0205,Kafod,كافود,SD020507,14.2150,24.6830
Sudan,SD,West Darfur,SD03,Geneina,SD0301,Ardamata,أردمتا,SD030103,13.4660,22.4640
Sudan,SD,West Darfur,SD03,Geneina,SD0301,,,SD030199,13.4,22.4
"""


@pytest.fixture
def cod_pp(tmp_path):
    path = tmp_path / "sdn_pplp.csv"
    path.write_text(COD_PP, encoding="utf-8")
    return path


def test_cod_pp_columns_are_found_by_themselves(cod_pp):
    df = load_places(cod_pp)
    assert list(df["name"]) == ["Um Sayala", "Kafod", "Ardamata"]
    assert df.attrs["skipped"] == 1 and df.attrs["skipped_rows"] == [5]  # the row with no name
    row = df.iloc[0]
    assert (row["pcode"], row["country"], row["admin1"], row["admin2_pcode"]) == ("SD020101", "SD", "North Darfur",
                                                                                  "SD0201")  # fmt: skip
    assert row["names"] == "أم سيالة"


def test_villages_of_the_file_are_found_by_name_arabic_pcode_and_variant(cod_pp):
    gaz = gazetteer_with_places(cod_pp)
    got = resolve(["Um Sayala", "أم سيالة", "SD020507", "Ardamatta"], gazetteer=gaz)
    assert [m.name for m in got] == ["Um Sayala", "Um Sayala", "Kafod", "Ardamata"]
    assert {m.source for m in got} == {"sdn_pplp.csv"} and got[0].admin1 == "North Darfur"


def test_a_users_place_wins_over_geonames_town_of_the_same_name_and_country(tmp_path):
    shipped = resolve(["Kutum"], country="SD")[0]
    assert shipped.source == "GeoNames"
    path = tmp_path / "mine.csv"
    path.write_text("featureName,PCODE,Latitude,Longitude\nKutum,SD0205001,14.2001,24.6602\n", encoding="utf-8")
    m = resolve(["Kutum"], country="SD", gazetteer=gazetteer_with_places(path))[0]
    assert m.source == "mine.csv" and m.pcode == "SD0205001" and not m.note.startswith("ambiguous")


def test_a_bare_name_is_the_users_village_not_the_camp_beside_it(tmp_path):
    # geo ships Zamzam camp; a user's village "Zemzam" 2 km away is what a bare "Zamzam" in their table means
    # (with its P-code), though only the camp is spelt so; "Zamzam camp" is still the camp
    path = tmp_path / "mine.csv"
    path.write_text("featureName,PCODE,Latitude,Longitude\nZemzam,SD0203099,13.50,25.30\n", encoding="utf-8")
    gaz = gazetteer_with_places(path)
    bare, camp = resolve(["Zamzam", "Zamzam camp"], country="SD", gazetteer=gaz)
    assert (bare.pcode, bare.source, bare.how) == ("SD0203099", "mine.csv", "variant")
    assert camp.kind == "camp"
    # without the user's places, the bare name is the camp, as before
    assert resolve(["Zamzam"], country="SD")[0].kind == "camp"


def test_hxl_headers_and_a_point_layer(tmp_path):
    hxl = tmp_path / "villages.csv"
    hxl.write_text("Village,Code,Y,X\n#loc+name,#loc+code,#geo+lat,#geo+lon\nTawila,SD02X,13.52,24.87\n",
                   encoding="utf-8")  # fmt: skip
    assert load_places(hxl).iloc[0][["name", "pcode", "country"]].tolist() == ["Tawila", "SD02X", "SD"]
    layer = tmp_path / "villages.geojson"
    point = {"type": "Point", "coordinates": [24.87, 13.52]}
    feature = {"type": "Feature", "properties": {"NAME_EN": "Tawila"}, "geometry": point}
    layer.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8")
    df = load_places(layer)
    assert (df.iloc[0]["name"], round(df.iloc[0]["lat"], 2), df.iloc[0]["country"]) == ("Tawila", 13.52, "SD")


def test_unusual_headers_are_named_with_columns(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("nom_village,y,x\nAdré,13.47,22.20\n", encoding="utf-8")
    with pytest.raises(InputError, match="odd.csv: cannot tell which column names the places"):
        load_places(path)
    df = load_places(path, columns=parse_columns("name=nom_village,lat=y,lon=x"))
    assert df.iloc[0]["country"] == "TD"


def test_bad_files_are_one_line_naming_file_and_column(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("name,LATITUDE,LONGITUDE\nX,250,30\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.csv: columns 'LATITUDE'/'LONGITUDE' hold values that are not degrees"):
        load_places(path)
    with pytest.raises(InputError, match="bad.csv: no column 'nom' for the place name"):
        load_places(path, columns={"name": "nom"})
    with pytest.raises(InputError, match="FIELD=COLUMN"):
        parse_columns("village")


def test_cli_places_option(cod_pp, tmp_path):
    res = CliRunner().invoke(main, ["geocode", "Kafod", "Ardamata", "--places", str(cod_pp)])
    assert res.exit_code == 0, res.output
    assert "places: 3 added from" in res.stderr and "2 of 2 names placed" in res.stderr
    bad = CliRunner().invoke(main, ["geocode", "Kafod", "--places", str(tmp_path / "missing.csv")])
    assert bad.exit_code == 2 and "missing.csv" in bad.output


def test_a_choropleth_per_capita_joins_its_population_with_the_users_places(cod_pp):
    # the population rows are joined as the figures are: with the user's villages, which geo alone lacks
    import pandas as pd

    from geo.render.choropleth import choropleth

    df = pd.DataFrame({"village": ["Um Sayala", "Ardamata"], "idps": [500, 800], "pop": [10_000, 20_000]})
    m = choropleth(df, value="idps", place="village", per_capita="pop", gazetteer=gazetteer_with_places(cod_pp),
                   country="SD")  # fmt: skip
    drawn = m.joined[m.joined["value"].notna()].set_index("name")
    assert drawn.loc["North Darfur", ["population", "shown"]].tolist() == [10_000, 5_000]  # per 100,000 people
    assert drawn["shown"].notna().all()
