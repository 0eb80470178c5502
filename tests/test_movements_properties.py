"""Property test: for any movement table, every person and every row is on an arrow, in the smaller-flows
summary, or in the unplaced report (hardening)."""

from __future__ import annotations

import math
import warnings

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.movements import prepare

PLACES = ["Saraqib", "Atmeh", "Sarmada", "Idlib city", "the Turkish border", "Afrin", "Azaz", "southern Idlib",
          "36.2,36.7", "Nowhere-on-earth", "", "<script>x</script>", "Ma'arrat an-Nu'man", "Dana"]  # fmt: skip
rows = st.lists(
    st.tuples(
        st.sampled_from(PLACES), st.sampled_from(PLACES), st.integers(0, 10**7), st.sampled_from(["", "Jan", "Feb"])
    ),
    min_size=1,
    max_size=30,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows, st.one_of(st.none(), st.integers(0, 5)), st.one_of(st.none(), st.integers(0, 10**6)))
def test_every_person_and_row_is_accounted_for(table, top, min_value):
    df = pd.DataFrame(table, columns=["from", "to", "n", "month"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ft = prepare(df, "from", "to", "n", period="month", top=top, min_value=min_value)
    total = ft.layers[0]
    drawn = math.fsum(f.value for f in total.flows)
    assert math.isclose(drawn + total.smaller_value + ft.unplaced_value, float(df["n"].sum()), abs_tol=1e-6)
    assert sum(len(f.rows) for f in total.flows) + total.smaller_rows + len(ft.unplaced) == len(df)
    for u in ft.unplaced:  # every unplaced row says why
        assert u.reason
    assert not [u for u in ft.unplaced if u.row < 1 or u.row > len(df) + 1]  # rows numbered as in the file
