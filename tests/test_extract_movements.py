"""geo.extract.movements: movements read from the structure of the sentence (issue 14's cases)."""

from __future__ import annotations

import pytest

from geo.extract import extract


def moves(text):
    return [
        (
            m.origin.text if m.origin else "",
            m.destination.text if m.destination else "",
            m.figure.value if m.figure else None,
        )
        for m in extract(text).movements
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("About 500 families abandoned Saraqib for Sarmada.", [("Saraqib", "Sarmada", 500)]),
        ("Only 40 families managed to get to Azaz.", [("", "Azaz", 40)]),
        ("On Monday, 300 people arrived in Dana.", [("", "Dana", 300)]),
        ("Nearly 900 families went back to Maarat al-Numan.", [("", "Maarat al-Numan", 900)]),
        ("Some 700 people were bused from Daraa to Sweida.", [("Daraa", "Sweida", 700)]),
        ("Some 1,200 households left Wad Madani for Sennar.", [("Wad Madani", "Sennar", 1200)]),
        ("Families displaced from Laiza are staying with relatives in Myitkyina.", [("Laiza", "Myitkyina", None)]),
        ("Fighting in El Fasher forced 25,000 people to flee to Tawila.", [("El Fasher", "Tawila", 25000)]),
        ("Some 2,000 people took ferries from Omdurman to Khartoum North.", [("Omdurman", "Khartoum North", 2000)]),
    ],
)
def test_verbs_other_than_fled(text, expected):
    assert moves(text) == expected


def test_a_list_splits_into_every_pair_and_the_figure_is_not_copied():
    got = extract("Around 12,000 people moved from Homs and Hama to Tartous and Latakia.").movements
    assert [(m.origin.text, m.destination.text) for m in got] == [
        ("Homs", "Tartous"), ("Homs", "Latakia"), ("Hama", "Tartous"), ("Hama", "Latakia"),
    ]  # fmt: skip
    assert all(m.figure is None for m in got)
    assert "figure (12,000) shared by 4 pairs, not divided" in got[0].note
    assert "people split between Homs and Hama: an inference from the list" in got[0].note


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Some 3,000 people headed east to Kobani and south to Raqqa.", [("", "Kobani", None), ("", "Raqqa", None)]),
        ("Thousands fled toward Jarablus and Al Bab.", [("", "Jarablus", None), ("", "Al Bab", None)]),
        (
            "Some 20,000 Yazidis are now sheltering in Mosul and Erbil after fleeing Sinjar.",
            [("Sinjar", "Mosul", None), ("Sinjar", "Erbil", None)],
        ),
        (
            "Families also reached Binnish, Taftanaz and Maarrat Misrin.",
            [("", "Binnish", None), ("", "Taftanaz", None), ("", "Maarrat Misrin", None)],
        ),
    ],
)
def test_lists_and_coordination(text, expected):
    assert moves(text) == expected


def test_each_destination_keeps_its_own_figure_when_the_text_gives_one():
    text = "IOM recorded 1,250 individuals moving from Al Jazirah to Kassala and 900 to Gedaref."
    assert moves(text) == [("Al Jazirah", "Kassala", 1250), ("Al Jazirah", "Gedaref", 900)]
    text = "Over 600,000 Sudanese have arrived in Chad since April, and a further 100,000 in South Sudan."
    assert moves(text) == [("", "Chad", 600000), ("", "South Sudan", 100000)]


def test_chained_moves_are_legs_and_the_figure_stays_on_the_first():
    got = extract("Some 5,000 people fled to Afrin, then on to Jandairis.").movements
    assert [(m.origin.text if m.origin else "", m.destination.text) for m in got] == [
        ("", "Afrin"),
        ("Afrin", "Jandairis"),
    ]
    assert got[0].figure.value == 5000 and got[1].figure is None and "onward leg" in got[1].note
    assert moves("Some 2,000 refugees crossed into Jordan and were taken to a camp near Mafraq.") == [
        ("", "Jordan", 2000),
        ("Jordan", "Mafraq", None),
    ]
    # where people had stayed is where the next move starts, not a destination of its own
    assert moves("More than 30,000 people who had sheltered in Mogadishu went back to Afgooye.") == [
        ("Mogadishu", "Afgooye", 30000)
    ]


def test_sub_origins_are_origins_too():
    got = extract("Tens of thousands were displaced from eastern Ghouta, notably Douma and Harasta, toward Idleb.")
    assert [(m.origin.text, m.destination.text) for m in got.movements] == [
        ("eastern Ghouta", "Idleb"),
        ("Douma", "Idleb"),
        ("Harasta", "Idleb"),
    ]
    assert "Douma read as part of eastern Ghouta" in got.movements[1].note


@pytest.mark.parametrize(
    "text",
    [
        "No new arrivals were reported in Dori this week.",
        "The road between Kaya and Dori remains closed to traffic.",
        "Over the weekend, a convoy of 40 trucks carrying food reached Kadugli from El Obeid.",
        "Up to 800,000 people could be displaced if fighting reaches Idlib city.",
        "An earthquake in Herat province left 1,480 people dead.",
        "The number of displaced in Borno has fallen from 2.2 million to 1.9 million.",
        "About 520,000 people have fled their homes in northwest Syria since 1 December.",
    ],
)
def test_no_movement(text):
    assert moves(text) == []


def test_a_town_says_where_in_its_country_people_went():
    text = "Between 2,000 and 2,500 refugees crossed from Geneina into Chad each week, arriving in Adré."
    assert moves(text) == [("Geneina", "Adré", 2000)]


def test_an_end_is_never_taken_from_the_sentence_before():
    text = "Since 10 May, some 40,000 people have fled El Fasher. Most went west to Kebkabiya and Mellit."
    got = extract(text).movements
    assert [(m.origin.text if m.origin else "", m.destination.text if m.destination else "") for m in got] == [
        ("El Fasher", ""),
        ("", "Kebkabiya"),
        ("", "Mellit"),
    ]
    # the reviewer is told where the sentence before had them
    assert "the sentence before speaks of El Fasher" in got[1].note
    assert moves("Some 2,000 refugees reached Adré. Many were then taken to camps near Abéché.") == [
        ("", "Adré", 2000),
        ("", "Abéché", None),
    ]
    # no hint across paragraphs, nor for a subject of its own
    for text in ("Some 40,000 people have fled El Fasher.\n\nMost went west to Mellit.",
                 "Some 40,000 people have fled El Fasher. Families went west to Mellit."):  # fmt: skip
        last = extract(text).movements[-1]
        assert (last.origin, last.destination.text, last.note) == (None, "Mellit", "")


def test_within_a_sentence_others_leave_from_the_same_place():
    got = extract("About 8,000 people left Kadugli for Dilling, while others walked north to El Obeid.").movements
    assert [(m.origin.text, m.destination.text, m.figure.value if m.figure else None) for m in got] == [
        ("Kadugli", "Dilling", 8000),
        ("Kadugli", "El Obeid", None),
    ]
    assert "Kadugli read from the clause before" in got[1].note
    # a subject of its own starts a movement of its own
    text = "About 900 people crossed from Aleppo into Azaz, while many displaced families returned to Afrin."
    assert moves(text) == [
        ("Aleppo", "Azaz", 900),
        ("", "Afrin", None),
    ]
    # "then" continues from where the clause before ended
    assert moves("Some 2,000 refugees reached Adré; many were then taken to camps near Abéché.") == [
        ("", "Adré", 2000),
        ("Adré", "Abéché", None),
    ]


def test_a_place_passed_through_is_not_an_end():
    for text in ("Families from Homs transited through Hama on their way to Aleppo.",
                 "Families from Homs travelled via Hama to Aleppo."):  # fmt: skip
        (m,) = extract(text).movements
        assert (m.origin.text, m.destination.text, m.note) == ("Homs", "Aleppo", "passed through Hama")
    assert moves("Some 3,000 refugees crossed into Uganda through Bunagana.") == [("", "Uganda", 3000)]


def test_a_named_origin_outweighs_the_place_of_the_violence():
    text = "After shelling in Bakhmut, 300 residents were evacuated from Chasiv Yar to Kramatorsk."
    assert moves(text) == [("Chasiv Yar", "Kramatorsk", 300)]
    # where people lived is an origin when the clause says where they went
    assert moves("Around 9,000 people fled their homes in Daraa for Sweida.") == [("Daraa", "Sweida", 9000)]


@pytest.mark.parametrize(
    "text",
    [
        "Roughly 2,000 people remained in Sinjar.",
        "Assessment teams reached Malakal and Bor last week.",
        "About 1,000 patients were scheduled to leave for Amman.",
        "Hundreds of families were stopped from crossing into Lebanon.",
        "The authorities plan to relocate 5,000 families to Azraq.",
        "If the fighting spreads, up to 50,000 people might flee to Kosti.",
        "The Government plans to relocate some 1,500 families from Metuge to Ancuabe.",
        "The army ordered about 300,000 residents of the old city to evacuate to the eastern districts of Mosul.",
    ],
)
def test_staying_teams_and_moves_that_did_not_happen_are_no_movements(text):
    assert moves(text) == []


def test_staying_after_a_move_is_one():
    assert moves("Families displaced from Tal Afar remain in Sinjar.") == [("Tal Afar", "Sinjar", None)]


def test_again_starts_an_onward_leg():
    text = "Households that fled to Mopti in March were displaced again in May, this time to Sevare."
    assert moves(text) == [("", "Mopti", None), ("Mopti", "Sevare", None)]


def test_a_figure_is_not_the_movements_when_it_counts_more_or_other_people():
    # a share of those counted went there
    (m,) = extract("Some 4,000 people fled Marib, most of them to Aden.").movements
    assert (m.origin.text, m.destination.text, m.figure) == ("Marib", "Aden", None)
    assert "only a share of them went here" in m.note
    # the figure describes the place, not the people moving
    assert moves("Newly arrived refugees were moved to Dadaab, which already shelters some 300,000 people.") == [
        ("", "Dadaab", None)
    ]
    assert moves("Azraq camp, already home to 40,000 people, received a further 2,000 refugees.") == [
        ("", "Azraq camp", 2000)
    ]
    # people in need are not the people returning
    assert moves("About 2 million people in Darfur need food, even as returns to Geneina continue.") == [
        ("", "Geneina", None)
    ]


def test_the_parts_of_an_area_share_its_figure():
    # LABELLING.md: "from X, notably A and B, to D" is X→D, A→D, B→D, the figure null on each (it is shared)
    text = "Families from Idlib governorate, notably from Saraqib and Ariha, arrive in Afrin at about 500 people a day."
    assert moves(text) == [("Idlib governorate", "Afrin", None), ("Saraqib", "Afrin", None), ("Ariha", "Afrin", None)]


def test_arriving_from_somewhere_at_the_place_the_sentence_is_about():
    assert moves("In Kassala, families kept arriving from Gedaref.") == [("Gedaref", "Kassala", None)]
    assert moves("The transit centre in Renk registered 800 people arriving from Kosti.") == [("Kosti", "Renk", 800)]
    # leaving is not arriving: the place of the sentence stays out
    assert moves("In Kassala, 800 people fled from Gedaref.") == [("Gedaref", "", 800)]


def test_a_town_on_the_border_is_the_end_rather_than_the_border():
    assert moves("About 600 families went to the Turkish border near Atmeh.") == [("", "Atmeh", 600)]
    assert moves("About 600 families went to the Turkish border.") == [("", "the Turkish border", 600)]


def test_people_from_a_place_now_somewhere_else_moved_there():
    assert moves("About 5,000 refugees from Burundi are now in Kigoma.") == [("Burundi", "Kigoma", 5000)]
    assert moves("Some 2 million refugees from Venezuela live across Colombia.") == [("Venezuela", "Colombia", 2000000)]
    assert moves("Returnees from Pakistan were counted at Torkham.") == [("Pakistan", "Torkham", None)]
    # a place the sentence only talks about is no end
    assert moves("Refugees from Burundi say Kigoma is full.") == []


def test_where_displaced_people_stay_is_no_movement_unless_they_came_or_arrived():
    assert moves("Displaced families are sheltering in Sarmada and Dana.") == []
    assert moves("Thousands of displaced people sought refuge in Azaz.") == [("", "Azaz", None)]
    assert moves("Displaced families from Ariha are sheltering in Sarmada.") == [("Ariha", "Sarmada", None)]


def test_an_aside_about_the_people_keeps_the_figure_on_the_move():
    assert moves("Some 5,000 people, many of them children, fled to Azaz.") == [("", "Azaz", 5000)]
    # reported, if uncertain, is still a movement; only what did not happen is left out
    assert moves("Up to 10,000 people may have fled to Chad.") == [("", "Chad", 10000)]


def test_each_origin_keeps_its_own_figure_when_the_text_gives_one():
    text = "In Borno, 2,300 people arrived in Maiduguri from Bama, and 1,100 from Gwoza."
    assert moves(text) == [("Bama", "Maiduguri", 2300), ("Gwoza", "Maiduguri", 1100)]


def test_a_share_of_a_figure_is_not_the_figure():
    (m,) = extract("Half of the 6,000 families displaced from Kalehe went to Bukavu.").movements
    assert (m.origin.text, m.destination.text, m.figure) == ("Kalehe", "Bukavu", None)


def test_weather_is_a_place_of_violence_too_and_landing_is_arriving():
    text = "Heavy rains in Jowhar forced around 6,000 households to move to higher ground in Balcad."
    assert moves(text) == [("Jowhar", "Balcad", 6000)]
    text = "Around 800 refugees disembarked at Lampedusa, having left Sfax two days earlier."
    assert moves(text) == [("Sfax", "Lampedusa", 800)]


def test_others_who_continue_go_on_from_where_the_clause_before_started():
    text = "Some families who fled to Mazeze have since returned to Chiure, while others continue to Nampula city."
    assert moves(text) == [("", "Mazeze", None), ("Mazeze", "Chiure", None), ("Mazeze", "Nampula city", None)]
    assert moves("Clashes continue to affect Goma.") == []


def test_a_clause_that_tells_two_movements_gives_both_with_their_own_figures():
    text = "Around 600 households moved from Kyauktaw to Mrauk-U, and a further 350 households from Minbya to Sittwe."
    assert moves(text) == [("Kyauktaw", "Mrauk-U", 600), ("Minbya", "Sittwe", 350)]


def test_a_place_of_a_country_is_the_end_rather_than_the_country():
    text = "An estimated 2,500 people fled Paletwa township into India's Mizoram state."
    assert moves(text) == [("Paletwa township", "Mizoram state", 2500)]


def test_where_people_come_from_and_each_origins_own_figure_without_a_destination():
    text = "IDPs in Marib city come mainly from Sirwah and Raghwan."
    assert moves(text) == [("Sirwah", "Marib city", None), ("Raghwan", "Marib city", None)]
    text = "This year 52,000 people returned from Iran through Islam Qala, and 18,000 from Pakistan through Torkham."
    assert moves(text) == [("Iran", "", 52000), ("Pakistan", "", 18000)]


def test_the_figures_of_each_destination_after_a_total():
    text = "Of the 2,800 people evacuated from Kherson, 1,900 went to Mykolaiv and 900 to Odesa."
    assert moves(text) == [("Kherson", "Mykolaiv", 1900), ("Kherson", "Odesa", 900)]


def test_a_list_after_including_takes_the_role_of_what_it_lists():
    text = "Nearly 3 million Sudanese have crossed into neighbouring countries, including Chad, South Sudan and Egypt."
    assert moves(text) == [("", "Chad", None), ("", "South Sudan", None), ("", "Egypt", None)]


def test_the_means_of_travel_and_people_carried_by_vehicles():
    assert moves("More than 1,000 Rohingya have arrived by boat in Aceh since November.") == [("", "Aceh", 1000)]
    text = "The first convoy of 70 buses brought 3,500 evacuees from eastern Aleppo to Idlib."
    assert moves(text) == [("eastern Aleppo", "Idlib", 3500)]


def test_a_place_hosting_people_from_another_received_them():
    assert moves("Chad is hosting more than 600,000 refugees from Sudan.") == [("Sudan", "Chad", 600000)]
    assert moves("Chad is hosting a donor conference.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # other people of the same move, set apart after ", and": from the same origin, not a leg from the first end
        (
            "Some 6,000 people left Bor on foot for Juba, and a smaller group headed for Nimule.",
            [("Bor", "Juba", 6000), ("Bor", "Nimule", None)],
        ),
        ("Most evacuees go no further than Dnipro or Poltava.", [("", "Dnipro", None), ("", "Poltava", None)]),
        # a count of things between the verb and the place does not cut them apart
        ("Most of them moved to 12 new sites in Cuamba and Lichinga.", [("", "Cuamba", None), ("", "Lichinga", None)]),
        ("About 900 Rohingya landed on the beaches of Aceh last week.", [("", "Aceh", 900)]),
        (
            "Around 3,000 residents fled Jacmel and sought refuge in schools and churches in Léogâne.",
            [("Jacmel", "Léogâne", 3000)],
        ),
        ("Some 700 families left Sittwe, moving in with relatives in Kyaukpyu.", [("Sittwe", "Kyaukpyu", 700)]),
        # B in C received: B is the end
        ("Kakuma camp in Kenya received 2,000 new refugees from Torit.", [("Torit", "Kakuma camp", 2000)]),
        ("Kassala is hosting 40,000 refugees from Eritrea.", [("Eritrea", "Kassala", 40000)]),
        # "were displaced from A": the verb; the place the sentence opens with is not where they went
        ("In Kharkiv Oblast, 300 people were displaced from Izium.", [("Izium", "", 300)]),
    ],
)
def test_ends_found_across_lists_counts_and_asides(text, expected):
    assert moves(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Shelters in Kassala now host about 5,000 displaced people.",
        "Dadaab camp, the largest site in Garissa, now hosts 300,000 refugees.",
    ],
)
def test_hosting_with_no_origin_named_is_no_movement(text):
    assert moves(text) == []


def test_a_place_hosting_people_after_a_move_from_elsewhere_is_no_end_of_it():
    text = "Some 900 refugees arrived in Renk from Kosti this week, and Gorom camp now shelters about 40,000 people."
    assert moves(text) == [("Kosti", "Renk", 900)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Shelling moved closer to Kupiansk over the weekend.", []),
        ("Aid agencies fear a new exodus toward Bunia if the clashes spread.", []),
        # a relative clause tells its own move, also when the people "arrived" there rather than fled there
        (
            "Many of the families who arrived in Dori in March have since moved on to Kaya.",
            [("", "Dori", None), ("Dori", "Kaya", None)],
        ),
        (
            "Some residents who had fled to Bucha have gone back to Irpin.",
            [("", "Bucha", None), ("Bucha", "Irpin", None)],
        ),
        # the head count is the movement's, not the part counted in an aside
        ("About 6,000 people, among them 1,400 children, were evacuated from Izium.", [("Izium", "", 6000)]),
        ("In Donetsk Oblast, 500 people, including 120 children, were evacuated from Toretsk.", [("Toretsk", "", 500)]),
        # the population a place reached is not the number who came
        ("Families streamed into Rafah, pushing its population to over 1 million.", [("", "Rafah", None)]),
    ],
)
def test_moves_that_did_not_happen_and_figures_that_are_not_the_movers(text, expected):
    assert moves(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "An estimated 8,000 people have fled Sake and nearby villages such as Mubambiro and Kimoka.",
            [("Sake", "", None), ("Mubambiro", "", None), ("Kimoka", "", None)],
        ),
        (
            "Some 4,000 people fled Kafr Nabl and surrounding villages, including Hass and Maarzita, toward Idlib.",
            [("Kafr Nabl", "Idlib", None), ("Hass", "Idlib", None), ("Maarzita", "Idlib", None)],
        ),
    ],
)
def test_villages_named_after_a_place_are_its_parts(text, expected):
    assert moves(text) == expected


def test_an_onward_leg_keeps_the_figure_written_in_its_own_stretch():
    text = "Over 9,000 people fled Sirwah towards Marib city, and some 1,200 continued to Al Abdiyah."
    assert moves(text) == [("Sirwah", "Marib city", 9000), ("Marib city", "Al Abdiyah", 1200)]
    # with no figure of its own, the onward leg has none
    assert moves("Some 600 people fled Sirwah to Marib city and then on to Al Abdiyah.") == [
        ("Sirwah", "Marib city", 600),
        ("Marib city", "Al Abdiyah", None),
    ]


def test_a_place_is_never_both_ends_of_a_move():
    text = "People moved from Kharkiv to Poltava and Dnipro, the majority of whom went to Dnipro."
    assert all(o != d for o, d, _ in moves(text))


def test_each_origin_keeps_its_figure_in_a_parenthesis_after_the_destination():
    text = "Some 3,100 people reached Kodok by boat (about 1,900 from Tonga and 1,200 from Detang)."
    assert moves(text) == [("Tonga", "Kodok", 1900), ("Detang", "Kodok", 1200)]


def test_the_figure_goes_with_the_verb_not_with_the_relative_clause_before_it():
    text = "About 800 people who had fled to Gambella returned to Akobo this week."
    assert moves(text) == [("", "Gambella", None), ("Gambella", "Akobo", 800)]
    # a relative clause that tells both legs leaves the figure on the first
    text = "Clashes near Sake displaced 1,200 households, who moved to Minova, then across the lake to Bukavu."
    assert moves(text)[0] == ("Sake", "Minova", 1200)


def test_where_the_destination_is_and_a_share_after_a_host():
    assert moves("Around 3,000 refugees arrived in Renk, in Upper Nile State, from Kosti.") == [("Kosti", "Renk", 3000)]
    # "most of whom": only a share of those hosted came from A, so the figure is not the move's
    assert moves("Gedaref now hosts about 120,000 IDPs, most of whom fled from Wad Madani.") == [
        ("Wad Madani", "Gedaref", None)
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a place heading the clause is where arrivals from elsewhere are
        ("Kassala: 2,000 new arrivals from Gedaref were registered this week.", [("Gedaref", "Kassala", 2000)]),
        # a list in brackets after an area names its parts; one place in brackets says where the place is
        (
            "Some 4,000 people fled to three towns in Wadi Fira (Tiné, Bahaï and Iriba).",
            [("", "Wadi Fira", None), ("", "Tiné", None), ("", "Bahaï", None), ("", "Iriba", None)],
        ),
        ("About 6,500 people left Sake (North Kivu) for Goma.", [("Sake", "Goma", 6500)]),
        # a part with its own word of origin after an area that is no end
        (
            "Some 2,400 people were displaced within Sennar State, mostly from Singa to Sennar town.",
            [("Singa", "Sennar town", 2400)],
        ),
        # a number of them, after a semicolon or "while", moved from where the clause before had them
        (
            "In total, 35,000 people left Marib governorate; 20,000 of them reached Aden.",
            [("Marib governorate", "", 35000), ("Marib governorate", "Aden", 20000)],
        ),
        (
            "Most of those displaced from Hodeidah went to Aden, while about 3,000 went to Taiz.",
            [("Hodeidah", "Aden", None), ("Hodeidah", "Taiz", 3000)],
        ),
    ],
)
def test_headings_brackets_and_numbers_of_them(text, expected):
    assert moves(text) == expected


def test_seeking_asylum_in_a_place_is_arriving_there():
    text = "About 4,000 people sought asylum in Uganda after fleeing Bunagana."
    assert moves(text) == [("Bunagana", "Uganda", 4000)]


@pytest.mark.parametrize(
    "text",
    [
        "WFP reached 30,000 people in Goma with food assistance.",
        "Mobile clinics travelled to Kutum and Kabkabiya to treat 2,000 patients.",
        "Cholera has spread from Khartoum to Gezira and Sennar.",
        "Fighting spread from Sake to the outskirts of Goma.",
        "Armed groups moved into Minova on Tuesday, according to residents.",
        "Flights from Port Sudan to Cairo resumed on 12 May.",
    ],
)
def test_aid_reaching_people_and_things_spreading_are_no_movements(text):
    assert moves(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # an aside between two dashes is no clause of its own, and its share is not the subject
        (
            "Over 5,000 people – most of them women and children – fled Kadugli for Dilling.",
            [("Kadugli", "Dilling", 5000)],
        ),
        ("Displaced families from Sake – about 6,000 people – have arrived in Goma.", [("Sake", "Goma", 6000)]),
        # the same people in other units, in brackets, are not the movement's figure
        ("Around 2,000 people (400 households) moved from Abyei town to Agok.", [("Abyei town", "Agok", 2000)]),
        # "respectively" pairs the lists in order
        (
            "Some 1,400 people returned to Bucha and Irpin from Kyiv and Lviv, respectively.",
            [("Kyiv", "Bucha", None), ("Lviv", "Irpin", None)],
        ),
        # a relative clause about the place closes at its comma; the figure after it is the movers'
        (
            "In Tawila, which already hosted 300,000 IDPs, 9,000 more arrived from Zamzam camp.",
            [("Zamzam camp", "Tawila", 9000)],
        ),
        (
            "Most went to Goma, where sites such as Bulengo and Rusayo already host more than 300,000 people.",
            [("", "Goma", None)],
        ),
    ],
)
def test_asides_brackets_and_relative_clauses(text, expected):
    assert moves(text) == expected


def test_crossing_on_after_a_destination_is_the_next_leg():
    text = "Some 600 families fled from Bor to Juba and crossed into Uganda at Nimule."
    assert moves(text) == [("Bor", "Juba", 600), ("Juba", "Uganda", None)]


def test_a_relative_clause_that_tells_the_move_keeps_its_figure():
    text = "Goma, where about 3,000 people from Sake arrived on Tuesday, now hosts over 500,000 displaced people."
    assert moves(text) == [("Sake", "Goma", 3000)]
    # a relative clause that tells what the place holds does not
    assert moves("Most went to Kutupalong, which holds 300,000 people from Maungdaw.") == [
        ("Maungdaw", "Kutupalong", None)
    ]


def test_the_rest_after_ends_with_their_own_figures_gets_none():
    text = "About 7,500 people fled Nyala; 3,000 went to Kass and the rest to Ed Daein."
    # the departure is told by where they went: no extra pair "Nyala → ?" of 7,500 to count them twice on a map
    assert moves(text) == [("Nyala", "Kass", 3000), ("Nyala", "Ed Daein", None)]
    # a figure that counts all who left is no end's own
    text = "By May, 1.2 million people had left Omdurman, many travelling north to Egypt and others east to Kassala."
    assert [f for _, _, f in moves(text)] == [None, None]
    text = "About 7,500 people fled Nyala; 3,000 went to Kass and others to Ed Daein."
    assert moves(text) == [("Nyala", "Kass", 3000), ("Nyala", "Ed Daein", None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Clashes in Nasir County displaced an estimated 12,400 people.", [("Nasir County", "", 12400)]),
        ("Floods in Beledweyne displaced 250,000 residents.", [("Beledweyne", "", 250000)]),
        ("Floods in Beledweyne affected 250,000 residents.", []),
        ("Shelling in Kadugli and Dilling has killed at least 38 civilians.", []),
        # a named origin still wins over where the violence was
        ("Clashes in Sake displaced 3,000 people from Mubambiro.", [("Mubambiro", "", 3000)]),
    ],
)
def test_violence_that_drove_people_out_of_a_place_names_their_origin(text, expected):
    assert moves(text) == expected


def test_a_report_title_names_its_subject_not_a_movement():
    assert moves("Sudan – Refugee Arrivals in Renk and Malakal, Flash Update No. 3, 4 May 2024.") == []


def test_money_received_is_no_movement():
    assert moves("The response in Chad has received only 31 per cent of the $630 million required.") == []


def test_a_share_after_a_semicolon_leaves_from_the_origin_before():
    text = "Some 6,000 people left Bardere in March; about half went to Luuq and the rest walked to Garbahaarey."
    assert moves(text) == [("Bardere", "Luuq", None), ("Bardere", "Garbahaarey", None)]
