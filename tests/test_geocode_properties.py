"""Property tests: any list of strings geocodes to exactly one row per name, in order, without a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.geocode import resolve, summary
from geo.io import write_matches_csv
from geo.io.files import _NUMBER_LIKE, unguard_cell

REAL = ["Idlib", "Idleb", "Maaret al-Numan", "the Turkish border", "Atmeh camps", "SY07", "36.2,36.7", "southern Idlib"]
HOSTILE = [
    "<script>alert(1)</script>",
    '"onmouseover=alert(1)',
    "</textarea>",
    "{{ 7*7 }}",
    "\u202eIdlib",
    "\x00",
    "\r\n",
]
names = st.lists(
    st.one_of(st.text(max_size=60), st.sampled_from(REAL), st.sampled_from(HOSTILE)),
    max_size=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names)
def test_one_match_per_name_in_order(batch):
    matches = resolve(batch)
    assert [m.query for m in matches] == batch
    for m in matches:
        assert (m.lat is None) == (m.lon is None) == (not m.matched)
        assert 0 <= m.score <= 100
        if m.matched:
            assert -90 <= m.lat <= 90 and -180 <= m.lon <= 180 and m.score > 0
        else:
            assert m.score == 0
    assert summary(matches)


@settings(max_examples=60, deadline=None)
@given(names)
def test_csv_output_round_trips_every_row(tmp_path_factory, batch):
    import csv

    path = tmp_path_factory.mktemp("csv") / "out.csv"
    write_matches_csv(resolve(batch), path)
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [unguard_cell(r["query"]) for r in rows] == batch
    # nothing a spreadsheet would run as a formula: such cells start with a guarding apostrophe
    assert not [
        r["query"] for r in rows if r["query"][:1] in ("=", "+", "-", "@") and not _NUMBER_LIKE.match(r["query"])
    ]


def test_repeats_are_resolved_once():
    from geo.gazetteer import Gazetteer

    gaz = Gazetteer.default()
    gaz.lookup.cache_clear()
    resolve(["Idlib", "Sarmada"] * 5000, gazetteer=gaz)
    assert gaz.lookup.cache_info().misses == 2
