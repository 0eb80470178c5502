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
        ("Convoys from Daraa transited through Sweida.", [("Daraa", "Sweida", None)]),
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
    assert moves("Evacuees from Mariupol travelled via Berdiansk to Zaporizhzhia.") == [
        ("Mariupol", "Berdiansk", None),
        ("Berdiansk", "Zaporizhzhia", None),
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


def test_a_subject_that_points_back_continues_the_movement_before():
    text = "Since 10 May, some 40,000 people have fled El Fasher. Most went west to Kebkabiya and Mellit."
    got = extract(text).movements
    assert [(m.origin.text, m.destination.text if m.destination else "") for m in got] == [
        ("El Fasher", ""),
        ("El Fasher", "Kebkabiya"),
        ("El Fasher", "Mellit"),
    ]
    assert "El Fasher read from the sentence before" in got[1].note
    chained = "Some 2,000 refugees reached Adré. Many were then taken to camps near Abéché."
    assert moves(chained) == [("", "Adré", 2000), ("Adré", "Abéché", None)]
    # only within a paragraph, and only when the subject points back
    assert moves("Some 40,000 people have fled El Fasher.\n\nMost went west to Mellit.")[-1] == ("", "Mellit", None)
    assert moves("Some 40,000 people have fled El Fasher. Families went west to Mellit.")[-1] == ("", "Mellit", None)
