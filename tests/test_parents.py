"""Names matched inside their parents (geo.parents), with the shipped gazetteer and with a user's boundaries."""

from __future__ import annotations

from geo.geocode import resolve as plain
from geo.parents import resolve, unknown_parents


def test_a_shared_village_name_is_the_one_in_the_parent():
    alone = plain(["Aqrabat"], level="community")[0]
    assert not alone.matched and alone.note.startswith("ambiguous")  # two villages of that name in Idleb
    inside = resolve(["Aqrabat", "Aqrabat"], ["Dana", "SY070000"], level="community")
    assert [m.pcode for m in inside] == ["C4127", "C3866"]


def test_the_parent_applies_before_the_lookup():
    # "Kawkabeh" is exact in Afrin and in Kafr Nobol; inside Kafr Nobol's sub-district a respelling still finds it
    m = resolve(["Kawkaba"], [("Idleb", "Al Ma'ra", "Kafr Nobol")], level="community",
                parent_levels=["admin1", "admin2", "admin3"])[0]  # fmt: skip
    assert m.pcode == "C4072" and m.how in ("variant", "fuzzy")


def test_parents_are_read_from_the_top_down():
    # "Idleb" in the district column, under Idleb governorate, is the district: its villages only
    m = resolve(["Aqrabat"], [("Idleb", "Idleb")], level="community", parent_levels=["admin1", "admin2"])[0]
    assert m.pcode == "C3866" and m.admin2_pcode == "SY0700"


def test_an_unknown_parent_is_said_and_the_name_placed_without_it():
    got = resolve(["Sarmada", "Atma"], ["Atlantis", "Dana"])
    assert got[0].pcode == "C4121" and "parent 'Atlantis' not found; placed without it" in got[0].note
    assert got[1].pcode == "C4130" and not got[1].note
    assert unknown_parents(got) == ["'Atlantis'"]


def test_nothing_inside_the_parent_is_not_found_elsewhere_instead():
    m = resolve(["Sarmada"], ["Al-Hasakeh"])[0]
    assert not m.matched and "nothing by that name inside 'Al-Hasakeh'" in m.note


def test_geonames_towns_count_inside_a_governorate_by_its_polygon():
    m = resolve(["Antakya"], ["Hatay"])[0]  # a Turkish town (GeoNames, no P-codes) inside Hatay province
    assert m.matched and m.country == "TR"


def test_a_country_parent_keeps_each_row_in_its_country():
    # a global table's country column: Apia is Samoa's, Baracoa Cuba's, though no other row is near them
    got = resolve(["Derna", "Baracoa", "Tripoli", "Apia"], ["Libya", "CUB", "LB", "Samoa"], parent_levels=["country"])
    assert [(m.country, m.name) for m in got] == [("LY", "Darnah"), ("CU", "Baracoa"), ("LB", "Tripoli"),
                                                  ("WS", "Apia")]  # fmt: skip
    assert not any(m.note for m in got)


def test_a_row_naming_its_own_country_or_a_border_of_it():
    got = resolve(["Sudan", "the Chad border", "Mozambique"], ["SD", "SD", "MZ"], parent_levels=["country"])
    assert [(m.kind, m.country) for m in got] == [("country", "SD"), ("border", "TD"), ("country", "MZ")]
    assert got[1].id == "border:SD-TD"  # the side the row's country is on; the country the text names
