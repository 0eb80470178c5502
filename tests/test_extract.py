from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.errors import InputError
from geo.extract import COLUMNS, extract, html_to_text, read
from geo.extract.text import blank_controls

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "geo" / "data" / "demo_report.md"
LABELLED = ROOT / "benchmarks" / "data" / "extract_labelled.jsonl"


def figures(text, **kw):
    return extract(text, **kw).figures


def one(text, **kw):
    found = figures(text, **kw)
    assert len(found) == 1, found
    return found[0]


# ----------------------------------------------------------------- figures
@pytest.mark.parametrize(
    "text, value, qualifier",
    [
        ("Some 400,000 people fled.", 400000, "approximate"),
        ("More than three million people live there.", 3000000, "more than"),
        ("An estimated 1.2 million children need help.", 1200000, "approximate"),
        ("Nearly half a million people are on the move.", 500000, "nearly"),
        ("At least seven soldiers were killed.", 7, "at least"),
        ("Up to 800,000 people could flee.", 800000, "up to"),
        ("Fewer than 8,000 people remain.", 8000, "less than"),
        ("Over a quarter of a million children are out of school.", 250000, "more than"),
        ("About 4.1 million people need winter aid.", 4100000, "approximate"),
        ("Twenty-five thousand households returned.", 25000, ""),
        ("Nearly 1.5m people were counted.", 1500000, "nearly"),
        ("The number of people in the camp has passed 40,000.", 40000, "more than"),
        ("The displaced population now exceeds 90,000 people.", 90000, "more than"),
    ],
)
def test_figures_in_words_and_digits_with_qualifiers(text, value, qualifier):
    f = one(text)
    assert f.value == value and isinstance(f.value, int)
    assert f.qualifier == qualifier


def test_percent_keeps_the_number_and_says_percent():
    f = one("Roughly 80 percent of the newly displaced are women and children.")
    assert (f.value, f.unit) == (80, "percent")
    assert f.what.startswith("women and children")
    assert one("About 60% of them have no shelter.").unit == "percent"


def test_what_is_counted():
    text = (
        "Some 520,000 people were uprooted in the two months since 1 December. "
        "UNICEF said 6,500 children are fleeing daily, and 1.2 million children remain in urgent need. "
        "More than 50 health facilities suspended services. Turkey is host to 3.5 million Syrian refugees. "
        "About 2,000 families returned. 300 returnees arrived."
    )
    got = {f.value: (f.what, f.unit, f.per) for f in figures(text, date="2020-02-05")}
    assert got[520000] == ("people displaced", "individuals", "")
    assert got[6500] == ("children displaced", "individuals", "day")
    assert got[1200000][0] == "children in need"
    assert 50 not in got  # health facilities are counted, but they are not people
    assert got[3500000][0] == "refugees"
    assert got[2000][1] == "households"
    assert got[300][0] == "returnees"


@pytest.mark.parametrize(
    "text",
    [
        "The offensive began in 2019 and lasted two months.",
        "Flash Update No. 5 covers COVID-19 measures.",
        "Temperatures fell to minus five degrees, 20 km from the border.",
        "The M5 highway reopened at 10:30.",
        "Thousands of families and dozens of villages were affected.",
    ],
)
def test_not_figures(text):
    assert figures(text, date="2020-02-05") == ()


@pytest.mark.parametrize(
    "text",
    [
        "Donors have pledged US$45 million for the response.",
        "The appeal seeks $1.2 billion, of which 20 percent of requirements are funded.",
        "The appeal is 30 per cent funded, at 12 million dollars.",
        "Some 4,500 hygiene kits and 900 tents were handed out in March.",
        "Only 9 of the 31 clinics in the district still open.",
        "Teams counted more than 200 informal sites and 14 schools used as shelters.",
        "A fire in Block 7 of the settlement spread quickly.",
        "Nearly 40 per cent of water points are broken.",
        "Half of the budget has been spent.",
        "The US plan is only 15 per cent funded.",
        "Children aged 5 to 17 were counted separately.",
        "Floods drowned 4,300 head of cattle.",
        "The resolution passed with 13 votes.",
        "The road was closed after 2 bridges collapsed.",
        "Cases were reported in 12 of 18 states.",
    ],
)
def test_money_things_and_names_count_no_one(text):
    assert figures(text, date="2020-02-05") == ()


def test_people_are_counted_beside_things():
    got = figures("About 2,000 people sheltered in 40 schools; 25 aid workers and 300 trucks came too.")
    assert [f.value for f in got] == [2000, 25]
    # a verb between the number and the thing: the number counts people ("fled their homes")
    assert [f.value for f in figures("Some 7,000 fled their homes and tents in the valley.")] == [7000]
    # the things counted before, once more; but people after things are people
    assert figures("A convoy of 15 trucks reached Kobo; another 40 are waiting in Kombolcha.") == ()
    assert [f.value for f in figures("After 12 trucks arrived, another 300 people came.")] == [300]
    assert [(f.value, f.unit) for f in figures("About 5,000 in 10 camps were counted.")] == [(5000, "")]  # no share


@pytest.mark.parametrize(
    "text, value, qualifier",
    [
        ("Roughly two thirds of the displaced live in camps.", 66.67, "approximate"),
        ("One in three of the displaced lives in a tent.", 33.33, ""),
        ("More than half of the returnees are children.", 50, "more than"),
        ("Nearly a quarter of the households have no income.", 25, "nearly"),
        ("About 35 per cent of the new arrivals are elderly.", 35, "approximate"),
        ("Nine out of 10 people in the camp have been displaced twice.", 90, ""),
        ("Roughly 3 in 4 households lack latrines.", 75, "approximate"),
        ("Around 1 in 5 returnees is a child.", 20, "approximate"),
    ],
)
def test_shares_of_people_are_percentages(text, value, qualifier):
    f = one(text)
    assert (f.value, f.unit, f.qualifier) == (value, "percent", qualifier)


def test_half_a_million_is_a_number_not_a_share():
    assert [(f.value, f.unit) for f in figures("Half a million people and a quarter of a million children.")] == [
        (500000, "individuals"),
        (250000, "individuals"),
    ]


# ------------------------------------------------------------------- dates
def test_dates_resolved_against_the_report_date():
    text = (
        "Some 520,000 people were uprooted in the two months since 1 December. "
        "Over 400,000 people had already fled between the end of April and the end of August. "
        "More than 50 health facilities had suspended services as of January 31. "
        "Last Saturday, UNICEF said 6,500 children fled daily. "
        "Nearly 15,000 families arrived between 15 and 31 January."
    )
    got = {f.value: (f.date_from, f.date_to) for f in figures(text, date="2020-02-05")}
    assert got[520000] == (date(2019, 12, 1), date(2020, 2, 5))
    assert got[400000] == (date(2019, 4, 30), date(2019, 8, 31))
    assert got[6500] == (date(2020, 2, 1), date(2020, 2, 1))
    assert got[15000] == (date(2020, 1, 15), date(2020, 1, 31))


def test_without_a_report_date_the_text_date_stands_in_and_nothing_is_guessed():
    dated = "Report of 5 February 2020.\n\nRoughly 520,000 people have fled since 1 December."
    res = extract(dated)
    assert res.date == date(2020, 2, 5)
    assert res.figures[0].date_from == date(2019, 12, 1)
    undated = extract("Roughly 520,000 people have fled since 1 December.")
    assert undated.date is None
    assert (undated.figures[0].date_from, undated.figures[0].date_to) == (None, None)


def test_a_bad_report_date_is_a_clear_error():
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        extract("Some 5,000 people fled.", date="5 Feb")


# ------------------------------------------------------------------ places
def test_places_keep_direction_and_kind_words_as_written():
    text = (
        "People fled southern Idlib and the western Aleppo countryside toward the Turkish border, "
        "Idlib city, Atmeh camps and the Bab al-Hawa crossing; Idleb province hosts most of them."
    )
    places = {p.text: p for p in extract(text).places}
    assert set(places) == {
        "southern Idlib",
        "western Aleppo countryside",
        "the Turkish border",
        "Idlib city",
        "Atmeh camps",
        "Bab al-Hawa crossing",
        "Idleb province",
    }
    assert (places["southern Idlib"].kind, places["southern Idlib"].direction) == ("admin1", "south")
    assert places["Idlib city"].kind == "community"  # OCHA's community, a town
    assert places["Idleb province"].kind == "admin1"
    assert places["the Turkish border"].kind == "border"
    assert places["Atmeh camps"].kind == "camp"
    assert places["Bab al-Hawa crossing"].kind == "crossing"


def test_spelling_variants_are_found():
    text = "Families left Ma'arrat an-Nu'man, Maarat al-Nouman, Saraqeb and Jindires for Azaz."
    assert [p.text for p in extract(text).places] == [
        "Ma'arrat an-Nu'man",
        "Maarat al-Nouman",
        "Saraqeb",
        "Jindires",
        "Azaz",
    ]
    assert all(p.placed for p in extract(text).places)


def test_common_words_and_people_are_not_places():
    text = (
        "More than 50 facilities closed. Most said Main roads were cut. Since Monday, David Swanson of OCHA "
        "and UNICEF said the Government must act. May brought more attacks. The New Year was cold."
    )
    assert extract(text).places == ()


def test_possessive_and_countries():
    texts = [p.text for p in extract("Idlib's population doubled while Turkey and Lebanon host refugees.").places]
    assert texts == ["Idlib", "Turkey", "Lebanon"]


def test_names_missing_from_the_gazetteer_are_kept_unplaced_in_movements():
    res = extract("Some 7,000 people fled Atareb and Al-Zurqobine toward Darat Izza.")
    places = {p.text: p for p in res.places}
    assert "Al-Zurqobine" in places and not places["Al-Zurqobine"].placed
    assert places["Atareb"].placed
    assert {(m.origin.text, m.destination.text) for m in res.movements} == {
        ("Atareb", "Darat Izza"),
        ("Al-Zurqobine", "Darat Izza"),
    }
    assert "not placed: 'Al-Zurqobine'" in res.summary()


# --------------------------------------------------------------- movements
def pairs(text, **kw):
    return [
        (m.origin.text if m.origin else "", m.destination.text if m.destination else "")
        for m in extract(text, **kw).movements
    ]


def test_movements():
    assert pairs("Some 38,000 people fled Saraqib toward Sarmada.") == [("Saraqib", "Sarmada")]
    assert pairs("About 1,800 families moved from Taftanaz to Deir Hassan.") == [("Taftanaz", "Deir Hassan")]
    assert pairs("Government forces pushed northwards, sending families toward the Turkish border.") == [
        ("", "the Turkish border")
    ]
    assert pairs("On 2 February, 150 people arrived in Dana.") == [("", "Dana")]
    assert pairs("Some 4,000 households left Jisr al-Shughur for Salqin.") == [("Jisr al-Shughur", "Salqin")]
    assert pairs("Kobane received 10,000 families displaced from Serekaniye.") == [("Serekaniye", "Kobane")]
    assert pairs("People who had fled to Afrin stayed.") == [("", "Afrin")]


def test_movement_carries_the_figure_and_direction_but_never_splits_it():
    res = extract("Since 1 December, some 52,000 people have fled Saraqib northwards toward Atmeh.", date="2020-02-05")
    (m,) = res.movements
    assert m.figure.value == 52000 and m.direction == "north"
    assert (m.date_from, m.date_to) == (date(2019, 12, 1), date(2020, 2, 5))
    shared = extract("Some 30,000 people fled Ariha to Dana and Sarmada.").movements
    assert len(shared) == 2 and all(m.figure is None for m in shared)
    assert "not divided" in shared[0].note


def test_no_movement_without_people_moving():
    assert pairs("A convoy of 51 trucks crossed from Turkey into Idleb.") == []
    assert pairs("Aid from Turkey reached Idleb markets.") == []
    assert pairs("Some 3 million people live in Idlib province.") == []


# ---------------------------------------------------------- rows and output
def test_rows_offsets_and_nothing_invented():
    text = "About 520,000 people have fled since December began.\n\nIn Azaz, 3,000 families arrived."
    res = extract(text, date="2020-02-05")
    rows = res.rows()
    assert all(list(r) == COLUMNS for r in rows)
    first = rows[0]
    assert first["kind"] == "figure" and first["place"] == "" and first["lat"] is None
    assert text[first["start"] : first["end"]] == "520,000"
    second = rows[1]
    assert second["place"] == "Azaz" and second["lat"] is not None
    frame = res.to_frame()
    assert list(frame.columns) == COLUMNS and len(frame) == len(rows)


def test_row_selections():
    res = extract(
        "Some 5,000 people fled Saraqib to Dana. Others fled Ariha to Idlib city and Binnish. "
        "Taftanaz is quiet. Families reached Atmeh."
    )
    assert [r["kind"] for r in res.rows("figures")] == ["figure"]
    flows = [(r["origin"], r["destination"], r["figure"]) for r in res.rows("flows")]
    assert flows == [("Saraqib", "Dana", 5000), ("Ariha", "Idlib city", None), ("Ariha", "Binnish", None)]
    assert [r["kind"] for r in res.rows()] == ["figure", *["movement"] * 4, "place"]
    assert res.rows()[-1]["place"] == "Taftanaz" and res.rows()[-1]["sentence"] == "Taftanaz is quiet."
    assert [r["place"] for r in res.rows("places")] == [
        "Saraqib", "Dana", "Ariha", "Idlib city", "Binnish", "Taftanaz", "Atmeh",
    ]  # fmt: skip
    assert "1 movement with only an origin or a destination" in res.left_out("flows")
    assert "2 of 3 flows have no figure of their own" in res.left_out("flows")
    with pytest.raises(InputError, match="choose one of"):
        res.rows("maps")


def test_to_csv_writes_atomically(tmp_path):
    out = tmp_path / "figures.csv"
    text = extract("Some 5,000 people fled Saraqib to Dana.").to_csv(out)
    assert out.read_text(encoding="utf-8") == text
    assert text.splitlines()[0] == ",".join(COLUMNS)
    assert [p.name for p in tmp_path.iterdir()] == ["figures.csv"]


def test_illustrative_sentences_are_marked():
    res = extract("Illustrative: some 90,000 people moved from Saraqib to Sarmada.")
    assert "illustrative" in res.figures[0].note and "illustrative" in res.movements[0].note


# ------------------------------------------------------------- text input
def test_html_is_stripped_and_scripts_dropped(tmp_path):
    html = (
        "<html><head><title>x</title><style>p{color:red}</style></head><body>"
        "<h1>Flash update</h1><p>Some 5,000 people fled <b>Saraqib</b>.</p>"
        "<script>var n = 999999; alert('Aleppo')</script><p>Nearly 200&nbsp;families reached Dana.</p>"
        "</body></html>"
    )
    text = html_to_text(html)
    assert "alert" not in text and "999999" not in text and "color" not in text
    f = tmp_path / "update.html"
    f.write_text(html, encoding="utf-8")
    res = extract(read(f))
    assert [x.value for x in res.figures] == [5000, 200]
    assert [p.text for p in res.places] == ["Saraqib", "Dana"]


def test_read_text_and_markdown(tmp_path):
    md = tmp_path / "update.md"
    md.write_text(
        "# Update\n\n- **Some 5,000** people fled Saraqib.\n- 1,000 more arrived in Dana.\n", encoding="utf-8"
    )
    res = extract(read(md))
    assert [f.value for f in res.figures] == [5000, 1000]
    assert [f.sentence for f in res.figures] == ["**Some 5,000** people fled Saraqib.", "1,000 more arrived in Dana."]


def test_hostile_input_control_characters_and_nul():
    text = "Some 5,000\x00 people\x1b[31m fled \u202eSaraqib\u202c to Dana.\x07 Nearly 200 returned."
    res = extract(text)
    assert [f.value for f in res.figures] == [5000, 200]
    for f in res.figures:
        assert text[f.start : f.end] == f.text
    for row in res.rows():
        assert "\x00" not in row["sentence"] and "\x1b" not in row["sentence"]


def test_empty_and_odd_inputs():
    assert extract("").rows() == []
    assert extract("   \n\n\t").rows() == []
    assert extract("<<<>>> ??? ... 9999999999999999999999 %%%").places == ()
    with pytest.raises(InputError):
        extract(b"bytes")


def test_one_megabyte_without_crash():
    chunk = "Since 1 December, some 52,000 people fled Saraqib toward Atmeh camps; the Government said nothing. "
    text = (chunk * (1_000_000 // len(chunk) + 1))[:1_000_000]
    res = extract(text, date="2020-02-05")
    assert len(res.figures) >= 9_000
    for f in res.figures[:50]:
        assert text[f.start : f.end] == f.text


def test_a_fifty_sentence_report_is_fast_once_the_gazetteer_is_loaded(gaz):
    lines = LABELLED.read_text(encoding="utf-8").splitlines()[:50]
    report = "\n\n".join(json.loads(line)["text"] for line in lines)
    extract("Some 5,000 people fled Saraqib on 1 December.", date="2020-02-05")  # dateparser's first import
    t = time.perf_counter()
    res = extract(report, date="2020-02-05")
    elapsed = time.perf_counter() - t
    assert len(res.sentences) == 50
    assert elapsed < 1.0


# -------------------------------------------------------------- the demo
def test_demo_report_key_figures():
    res = extract(read(DEMO), date="2020-02-05")
    text = read(DEMO)
    for f in res.figures:
        assert text[f.start : f.end] == f.text
    by_value = {}
    for f in res.figures:
        by_value.setdefault(f.value, f)
    f = by_value[520000]
    assert (f.qualifier, f.what, f.date_from, f.date_to) == (
        "approximate",
        "people displaced",
        date(2019, 12, 1),
        date(2020, 2, 5),
    )
    assert (by_value[80].unit, by_value[80].what.startswith("women and children")) == ("percent", True)
    f = by_value[400000]
    assert (f.qualifier, f.date_from.isoformat()[:7], f.date_to.isoformat()[:7]) == ("more than", "2019-04", "2019-08")
    assert by_value[3000000].place.text == "Idlib province"
    assert (by_value[6500].per, by_value[6500].what) == ("day", "children displaced")
    assert by_value[1200000].what == "children in need"
    assert not [f for f in res.figures if "health facilities" in text[f.start : f.end + 20]]  # not people
    assert (by_value[50].unit, by_value[50].qualifier) == ("percent", "approximate")  # "around half of them"
    assert (by_value[3500000].place.text, by_value[3500000].what) == ("Turkey", "refugees")
    destinations = {m.destination.text for m in res.movements if m.destination}
    assert {"the Turkish border", "Idlib city", "Atmeh", "Sarmada", "Dana"} <= destinations
    flows = [m for m in res.movements if m.figure is not None]
    assert sum(m.figure.value for m in flows) == 520000
    assert all("illustrative" in m.note for m in flows)
    assert all(p.placed for p in res.places)


# ------------------------------------------------------------- properties
_WORDS = st.sampled_from(
    "Some 5,000 people fled Saraqib toward the Turkish border since 1 December , . ; al- Idlib city "
    "three million 80 percent Atmeh camps from to and \x00 \u202e <script> ' ’ - – 2019 Last Saturday".split(" ")
)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(_WORDS, max_size=60).map(" ".join)))
def test_any_text_gives_rows_whose_offsets_hold(text):
    res = extract(text, date="2020-02-05")
    shown = blank_controls(text)  # control characters come out as spaces, one for one
    for f in res.figures:
        assert shown[f.start : f.end] == f.text
    for p in res.places:
        assert shown[p.start : p.end] == p.text
    for row in res.rows():
        assert 0 <= row["start"] <= row["end"] <= len(text)


# ------------------------------------------------------------ issue 14 cases
@pytest.mark.parametrize(
    "text, value, high",
    [
        ("Between 2,000 and 2,500 people fled Ariha.", 2000, 2500),
        ("Some 7,000–8,000 people fled Ariha.", 7000, 8000),
        ("Some 7,000-8,000 people fled Ariha.", 7000, 8000),
        ("Between 2 and 3 million people need help.", 2_000_000, 3_000_000),
        ("A quarter of a million people fled.", 250_000, None),
        ("Three thousand people arrived.", 3000, None),
    ],
)
def test_ranges_and_number_words(text, value, high):
    f = one(text)
    assert (f.value, f.high) == (value, high)
    assert f.row()["high"] == high


def test_a_change_is_two_figures_not_a_range():
    assert [(f.value, f.high) for f in figures("Displaced people fell from 2.2 million to 1.9 million.")] == [
        (2_200_000, None),
        (1_900_000, None),
    ]
    assert [f.value for f in figures("Between 8 and 10 March, 4,000 people fled.", date="2024-04-01")] == [4000]


def test_places_without_figures_get_rows_of_their_own():
    res = extract("The situation in Kafr Takharim is unclear. Some 5,000 people fled Saraqib.")
    rows = res.rows()
    assert [(r["kind"], r["place"]) for r in rows] == [
        ("figure", "Saraqib"),
        ("movement", ""),
        ("place", "Kafr Takharim"),
    ]
    place = rows[-1]
    assert res.text[place["start"] : place["end"]] == "Kafr Takharim" and place["lat"] is not None
    assert place["sentence"] == "The situation in Kafr Takharim is unclear."


@pytest.mark.parametrize(
    "text, places",
    [
        ("Most now live in the camps of Kutupalong and Balukhali in Cox's Bazar district.",
         ["Kutupalong", "Balukhali", "Cox's Bazar district"]),
        ("Gang violence in Port-au-Prince has uprooted more than 300,000 people.", ["Port-au-Prince"]),
        ("Some 700 families escaped Mocimboa da Praia by boat.", ["Mocimboa da Praia"]),
        ("Families reached Kutum, Kabkabiya and Saraf Omra.", ["Kutum", "Kabkabiya", "Saraf Omra"]),
        ("Over 100,000 people moved from northern Gaza within 24 hours.", ["northern Gaza"]),
        ("In Sudan's Blue Nile, 12,000 people were displaced.", ["Sudan", "Blue Nile"]),  # admin-1 of every country
        ("According to Save the Children, 300 children arrived.", []),
    ],
)  # fmt: skip
def test_places_outside_syria_as_written(text, places):
    assert [p.text for p in extract(text).places] == places


def test_unknown_names_are_kept_unplaced():
    res = extract("Many settled in the Kabusera and Ndongolo sites west of Goma.")
    got = {p.text: p.placed for p in res.places}
    assert got == {"Kabusera": False, "Ndongolo": False, "Goma": True}


def test_a_gazetteer_extended_with_the_users_villages_finds_them_in_text():
    from geo.gazetteer import Feature, Gazetteer

    text = "Some 1,300 people fled Um Sidir toward Kebkabiya; the situation in Um Sidir is unclear."
    before = {p.text: p.placed for p in extract(text).places}
    assert before.get("Um Sidir") is not True  # geo ships no such village
    gaz = Gazetteer.default().extended()
    gaz.add_own(Feature("user:SD1", "Um Sidir", "community", "SD", "North Darfur", 14.1, 24.2, source="test"),
                ["Um Sidir"])  # fmt: skip
    res = extract(text, gazetteer=gaz)
    found = [(p.text, p.lat, p.lon) for p in res.places if p.text == "Um Sidir"]
    assert found == [("Um Sidir", 14.1, 24.2)] * 2
    assert [(m.origin.text, m.destination.text, m.figure.value) for m in res.movements] == [
        ("Um Sidir", "Kebkabiya", 1300)
    ]


def test_a_syrian_spelling_variant_is_not_taken_for_a_place_in_a_text_about_elsewhere():
    sudan = extract("Most went west from El Fasher to Kebkabiya and Tawila.")
    tawila = next(p for p in sudan.places if p.text == "Tawila")
    assert tawila.country == "SD"  # Darfur's Tawila (geo's supplement), not a Tawilah of Syria or Yemen
    syria = extract("Most went west from Afrin to Jindires.")
    assert [(p.text, p.placed) for p in syria.places] == [("Afrin", True), ("Jindires", True)]


def test_a_lowercase_preposition_is_not_an_arabic_article():
    # "at" is also the article of "at-Tall"; only a hyphen joins it to a name
    assert [p.text for p in extract("Returnees were counted at Torkham.").places] == ["Torkham"]


@pytest.mark.parametrize(
    "text, places",
    [
        # a body or a person named like a place
        ("Clashes between the Arakan Army and government troops continued near Sittwe.", ["Sittwe"]),
        ("Amina Yusuf, a nurse in Maiduguri, said the ward was full.", ["Maiduguri"]),
        ("Khalid, a 52-year-old farmer from Kassala, said the well was dry.", ["Kassala"]),
        ("Sudanese border police stopped a bus near Gallabat.", ["Gallabat"]),
        # the words that belong to a place
        ("Families arrived at the Mugunga site and the Afrin area.", ["Mugunga site", "Afrin area"]),
        (
            "Refugees from the Democratic Republic of the Congo reached Kigoma.",
            ["Democratic Republic of the Congo", "Kigoma"],
        ),
        ("Aid reached the lower Shabelle.", ["lower Shabelle"]),
        # names no gazetteer has, after words that make them places
        ("Displaced families live in camps such as Tawkal, Hodan and Dayah.", ["Tawkal", "Hodan", "Dayah"]),
        ("Most headed for Baidoa and a few for Wajid.", ["Baidoa", "Wajid"]),
        # a name with its camp word opening a sentence; not an English word before "camps"
        ("Farchana camp, which was built for 20,000 people, is full.", ["Farchana camp"]),
        ("Transit camps near Gallabat are full.", ["Gallabat"]),
    ],
)
def test_place_mentions_as_the_labels_write_them(text, places):
    assert [p.text for p in extract(text).places] == places


def test_a_standard_is_not_a_count_but_a_maximum_of_people_is():
    assert figures("Rations fell to 6 litres a day, under the minimum of 15.") == ()
    assert [f.value for f in figures("A maximum of 200 people can stay in the hall.")] == [200]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A few hundred residents went back to Irpin.", []),
        ("Several thousand people fled the town.", []),
        ("Cash of UAH 6,600 was paid to 2,000 evacuees.", [2000]),
        ("Some 30 convoys crossed, 12 of which reached Kadugli.", []),
        ("Vaccination reached 80 per cent of children under 5 in Aweil.", [80]),
        # a percentage of people counted with a number: "of the 40,000 displaced"
        ("In Kasai, 70 per cent of the 40,000 displaced people live with host families.", [70, 40000]),
    ],
)
def test_vague_counts_money_codes_things_and_ages_are_no_figures(text, expected):
    assert [f.value for f in extract(text).figures] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Families who reached Anse-d'Hainault from Jérémie were registered.", ["Anse-d'Hainault", "Jérémie"]),
        ("Some 900 people were moved from Gubio camp to Fariya Village camp.", ["Gubio camp", "Fariya Village camp"]),
        ("Haiti: Situation Report No. 4 on Port-au-Prince", ["Haiti", "Port-au-Prince"]),
        ("Host communities in Kosti are supporting 20,000 people.", ["Kosti"]),
        # a small town is likely a place right after "reach" or "nearby"
        ("Families walked for days to reach Tawila.", ["Tawila"]),
        ("At Torkham, 2,810 people crossed back from Pakistan.", ["Torkham", "Pakistan"]),
        # a number that ends a name is part of it; one that counts what follows is not
        ("Some 400 people fled Tabarre and Delmas 33 since Monday.", ["Tabarre", "Delmas 33"]),
        ("In Goma 30 people died.", ["Goma"]),
        ("A fire in Camp 9 in Cox's Bazar destroyed 600 shelters.", ["Camp 9", "Cox's Bazar"]),
        ("Some 900 people moved in with relatives in Nablus and nearby Burqin.", ["Nablus", "Burqin"]),
    ],
)
def test_names_with_elided_articles_two_kind_words_and_report_titles(text, expected):
    assert [p.text for p in extract(text).places] == expected


def test_names_in_brackets_after_a_place_are_places():
    text = "About 6,000 people moved from Beledweyne to Mogadishu (Kahda and Daynile)."
    assert [p.text for p in extract(text).places] == ["Beledweyne", "Mogadishu", "Kahda", "Daynile"]
    assert [p.text for p in extract("The WFP (World Food Programme) fed 3,000 people.").places] == []


def test_a_border_named_by_its_country_ends_at_the_name():
    text = "Authorities ordered the evacuation of 23 settlements along the border with Russia on 14 August."
    assert [p.text for p in extract(text).places] == ["the border with Russia"]


def test_a_dash_between_spaces_parts_names_in_a_title():
    text = "Sudan – El Fasher and Tawila Displacement Flash Update No. 5"
    assert [p.text for p in extract(text).places] == ["Sudan", "El Fasher", "Tawila"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("KASSALA — About 900 people arrived from Gedaref.", ["KASSALA", "Gedaref"]),
        ("BUNIA, 4 June – Some 2,000 people fled Djugu.", ["BUNIA", "Djugu"]),
        ("UN — Some 300 people fled Sake.", ["Sake"]),
        ("HIGHLIGHTS – Some 300 people fled Sake.", ["Sake"]),
    ],
)
def test_a_dateline_is_a_place_as_written(text, expected):
    assert [p.text for p in extract(text).places] == expected


@pytest.mark.parametrize(
    "text",
    [
        "A 50-kilogram sack of sorghum now sells for about 180,000 Sudanese pounds in Kadugli.",
        "Water costs 500 CFA francs a jerrycan in Adre, and a litre of fuel 1,200 gourdes in Hinche.",
        "A bag of flour rose from 45,000 to 70,000 Congolese francs in Bunia.",
        "Partners handed out 3,800 cash grants of 10,800 hryvnias each in Dnipro.",
        "Tents now cover less than 12 square kilometres of the shore.",
        "Livestock deaths exceed 30 per cent in Bay region.",
    ],
)
def test_prices_measures_grants_and_herds_count_no_one(text):
    assert list(extract(text).figures) == []


def test_people_beside_prices_and_measures_still_count():
    res = extract("Some 800,000 people live on 12 square kilometres; 40 per cent of the displaced are children.")
    assert [(f.value, f.unit) for f in res.figures] == [(800000, "individuals"), (40, "percent")]
