from __future__ import annotations

import math

import pandas as pd
import pytest

from geo.arrows import arc, endpoints, nice_floor, width_scale
from geo.errors import InputError
from geo.movements import TOTAL, fmt, prepare


def table(rows, cols=("origin", "destination", "idps")):
    return pd.DataFrame(rows, columns=list(cols))


SYRIA = table(
    [
        ["Maaret al-Numan", "the Turkish border", 12000],
        ["Saraqib", "Atmeh", 3000],
        ["Saraqib", "Atmeh", 1500],  # a duplicate pair: summed
        ["Ariha", "Sarmada", 800],
        ["Idlib city", "Idleb city", 50],  # the same place twice
        ["Nowhere-xyz", "Atmeh", 40],  # unknown
        ["Jisr al-Shughur", "the Turkish border", 2200],
        ["Atmeh", "Saraqib", 700],  # the return flow
    ]
)


def prep(df=SYRIA, **kw):
    return prepare(df, origin="origin", destination="destination", value="idps", **kw)


def test_duplicates_summed_and_order_largest_first():
    ft = prep()
    got = [(f.origin.label, f.destination.label, f.value) for f in ft.flows]
    assert got[:2] == [("Maaret al-Numan", "the Turkish border", 12000.0), ("Saraqib", "Atmeh", 4500.0)]
    saraqib = ft.flows[1]
    assert saraqib.rows == (2, 3)  # a DataFrame's rows count from 1


def test_unplaced_rows_have_reasons_and_nothing_is_lost():
    ft = prep()
    reasons = {u.row: u.reason for u in ft.unplaced}
    assert reasons[5].startswith("origin is the destination")
    assert reasons[6] == "unknown origin"
    drawn = sum(f.value for f in ft.flows)
    assert drawn + ft.layers[0].smaller_value + ft.unplaced_value == ft.total == SYRIA["idps"].sum()
    assert ft.summary().endswith(
        "2 of 8 rows unplaced (90 people): origin is the destination 'Idlib city'; unknown origin 'Nowhere-xyz'"
    )
    report = ft.unplaced_frame()
    assert list(report.columns) == ["row", "origin", "destination", "value", "period", "reason"]
    assert list(report["row"]) == [5, 6]


def test_opposite_flows_bow_to_opposite_sides():
    ft = prep()
    there = next(f for f in ft.flows if f.origin.label == "Saraqib")
    back = next(f for f in ft.flows if f.origin.label == "Atmeh")
    a, b = there.arc(), back.arc()
    mid_a, mid_b = a[len(a) // 2], b[len(b) // 2]
    assert a[0] == pytest.approx(b[-1]) and a[-1] == pytest.approx(b[0])
    assert math.dist(mid_a, mid_b) > 0.01  # they do not overlap


def test_arrows_to_a_border_fan_out_along_it():
    ft = prep()
    to_border = [f for f in ft.flows if f.destination.kind == "border"]
    assert len(to_border) == 2
    ends = {f.end for f in to_border}
    assert len(ends) == 2
    for f in to_border:  # each end is on the border and nearer its own origin than the line's middle is
        assert f.end != (f.destination.lat, f.destination.lon)
        assert f.destination.geometry.distance(__import__("shapely").Point(f.end[1], f.end[0])) < 1e-4
    # and the border nodes sit where the arrows meet it, one per point
    border_nodes = [n for n in ft.nodes if n.place.kind == "border"]
    assert {(n.lat, n.lon) for n in border_nodes} == ends


def test_endpoint_of_area_is_inside_it():
    from shapely.geometry import Point

    ft = prep(table([["Idlib", "Aleppo", 10], ["southern Idlib", "Idlib city", 5]]))
    f = ft.flows[0]
    assert f.origin.geometry.contains(Point(f.start[1], f.start[0]))
    south = next(x for x in ft.flows if x.origin.label == "southern Idlib")
    assert south.start[0] < f.start[0]  # the southern part's point lies further south


def test_top_and_min_group_the_rest():
    ft = prep(top=2)
    assert len(ft.flows) == 2
    layer = ft.layers[0]
    assert layer.smaller_count == 3 and layer.smaller_value == 2200 + 800 + 700
    assert layer.smaller_text() == "+ 3 smaller flows, 3,700 people"
    ft.check()
    ft = prep(min_value=1000)
    assert [f.value for f in ft.flows] == [12000, 4500, 2200]
    assert ft.layers[0].smaller_count == 2
    assert len(prep(top=0).flows) == 5


def test_one_smaller_flow_is_singular():
    assert prep(top=4).layers[0].smaller_text() == "+ 1 smaller flow, 700 people"


def test_level_admin1_rolls_up_and_reports_flows_within_an_area():
    df = table([["Maaret al-Numan", "Aleppo city", 100], ["Saraqib", "Atmeh", 30], ["Homs", "Idlib", 5]])
    ft = prep(df, level="admin1")
    labels = [(f.origin.label, f.destination.label, f.value) for f in ft.flows]
    assert labels == [("Idleb", "Aleppo", 100.0), ("Homs", "Idleb", 5.0)]
    assert ft.unplaced[0].reason == "both in Idleb"
    assert ft.flows[0].origin.key == "admin1:SY07"


def test_periods_make_layers_with_their_own_conservation():
    df = pd.DataFrame(
        {
            "origin": ["Saraqib", "Saraqib", "Ariha", "Nowhere-xyz", "Ariha"],
            "destination": ["Atmeh", "Atmeh", "Sarmada", "Atmeh", "Sarmada"],
            "idps": [10, 20, 5, 1, 7],
            "month": ["2024-02", "2024-01", "2024-01", "2024-02", "2024-02"],
        }
    )
    ft = prep(df, period="month")
    assert ft.periods == ("2024-01", "2024-02")  # in date order, not table order
    assert [layer.name for layer in ft.layers] == [TOTAL, "2024-01", "2024-02"]
    assert [f.value for f in ft.layers[0].flows] == [30, 12]
    feb = ft.layers[2]
    assert [(f.value, f.period) for f in feb.flows] == [(10, "2024-02"), (7, "2024-02")]
    assert "(2024-02)" in feb.flows[0].describe()
    ft.check()


def test_top_keeps_the_same_pairs_in_every_period():
    df = pd.DataFrame(
        {
            "o": ["Saraqib", "Ariha", "Ariha"],
            "d": ["Atmeh", "Sarmada", "Sarmada"],
            "v": [100, 60, 60],
            "p": ["a", "a", "b"],
        }
    )
    ft = prepare(df, origin="o", destination="d", value="v", period="p", top=1)
    assert ft.periods == ("a", "b")  # not dates: the table's order
    assert [f.origin.label for f in ft.layers[0].flows] == ["Ariha"]  # 120 in all
    assert [f.origin.label for f in ft.layers[1].flows] == ["Ariha"]
    assert ft.layers[1].smaller_value == 100


def test_nodes_sum_people_leaving_and_arriving_including_smaller_flows():
    ft = prep(top=1)
    atmeh = next(n for n in ft.nodes if n.place.label == "Atmeh")
    assert (atmeh.leaving, atmeh.arriving) == (700, 4500)
    assert atmeh.describe() == "Atmeh: 700 people leaving, 4,500 arriving"


@pytest.mark.parametrize(
    "bad, message",
    [
        (["12", "x", "3"], "column 'idps' row 2: not a non-negative number ('x')"),
        (["12", "-5", "3"], "column 'idps' row 2: not a non-negative number ('-5')"),
    ],
)
def test_bad_values_are_one_clear_error(bad, message):
    df = table([["Saraqib", "Atmeh", v] for v in bad])
    with pytest.raises(InputError) as err:
        prep(df)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_movements_without_a_figure_are_listed_not_dropped():
    ft = prep(table([["Saraqib", "Atmeh", "12"], ["Ariha", "Dana", ""], ["Binnish", "Azaz", None]]))
    assert [(f.origin.label, f.value) for f in ft.flows] == [("Saraqib", 12)]
    assert [(u.row, u.value, u.reason) for u in ft.unplaced] == [
        (2, 0, "no figure: Ariha → Dana"),
        (3, 0, "no figure: Binnish → Azaz"),
    ]
    assert "2 of 3 rows unplaced (0 people): no figure 'Ariha → Dana', 'Binnish → Azaz'" in ft.summary()
    ft.check()


def test_figures_with_thousands_separators():
    ft = prep(table([["Saraqib", "Atmeh", "12,400"], ["Ariha", "Atmeh", " 7 "]]))
    assert [f.value for f in ft.flows] == [12400, 7]


def test_missing_column_lists_the_columns():
    with pytest.raises(InputError, match="no value column 'people'; columns are: origin, destination, idps"):
        prepare(SYRIA, origin="origin", destination="destination", value="people")


def test_empty_places_are_unplaced_not_errors():
    ft = prep(table([["", "Atmeh", 5], ["Saraqib", None, 6], ["Saraqib", "Atmeh", 1]]))
    assert [u.reason for u in ft.unplaced] == ["empty origin", "empty destination"]
    ft.check()


def test_coordinates_and_hxl_tags():
    df = pd.DataFrame({"from": ["35.93,36.63", "Saraqib"], "to": ["Atmeh", "Atmeh"], "n": [5, 6]})
    df.attrs["hxl"] = {"from": "#loc+origin", "to": "#loc+destination", "n": "#affected+idps"}
    ft = prepare(df, origin="from", destination="to", value="#affected+idps")
    coords = next(f for f in ft.flows if f.origin.kind == "coordinates")
    assert coords.start == (35.93, 36.63)


def test_reading_a_csv_file_with_an_hxl_row(tmp_path):
    path = tmp_path / "moves.csv"
    path.write_text("from,to,idps\n#loc+origin,#loc+destination,#affected+idps\nSaraqib,Atmeh,5\nAriha,Atmeh,x\n")
    with pytest.raises(InputError, match=r"moves.csv: column 'idps' row 4: not a non-negative number \('x'\)"):
        prepare(path, origin="from", destination="to", value="idps")


def test_arc_is_deterministic_and_ends_exactly():
    a = arc((35.0, 36.0), (36.5, 37.2))
    assert a == arc((35.0, 36.0), (36.5, 37.2))
    assert a[0] == (35.0, 36.0) and a[-1] == (36.5, 37.2)
    assert len(a) == 25


def test_endpoints_of_two_points_are_the_points():
    ft = prep(table([["Saraqib", "Atmeh", 1]]))
    f = ft.flows[0]
    assert endpoints(f.origin, f.destination) == ((f.origin.lat, f.origin.lon), (f.destination.lat, f.destination.lon))


def test_width_scale_is_proportional_with_a_floor():
    s = width_scale(1000)
    assert s.width(1000) == 18.0 and s.width(500) == 9.0 and s.width(1) == 1.5
    assert 2 <= len(s.references) <= 3
    assert width_scale(0).references == ()


def test_number_helpers():
    assert fmt(1234567) == "1,234,567" and fmt(0.5) == "0.5"
    assert nice_floor(999) == 500 and nice_floor(1000) == 1000 and nice_floor(0) == 0


def test_bad_options():
    with pytest.raises(InputError, match="level"):
        prep(level="admin3")
    with pytest.raises(InputError, match="top"):
        prep(top=-1)


def test_nothing_placed_has_no_bounds():
    ft = prep(table([["Nowhere-xyz", "Elsewhere-qqq", 3]]))
    assert ft.flows == ()
    with pytest.raises(InputError, match="no flow could be placed"):
        ft.bounds()


def test_arc_is_the_quadratic_bezier_of_its_control_point():
    from geo.arrows import control_point

    start, end = (35.2, 36.1), (36.4, 37.3)
    c = control_point(start, end)
    mid = arc(start, end, points=3)[1]
    assert mid == pytest.approx(
        (0.25 * start[0] + 0.5 * c[0] + 0.25 * end[0], 0.25 * start[1] + 0.5 * c[1] + 0.25 * end[1])
    )


def test_periods_read_as_dates_missing_months_get_empty_layers():
    df = pd.DataFrame(
        {
            "origin": ["Saraqib", "Ariha", "Saraqib"],
            "destination": ["Atmeh", "Sarmada", "Atmeh"],
            "idps": [10, 5, 30],
            "month": ["Mar 2024", "Jan 2024", "Jan 2024"],
        }
    )
    ft = prep(df, period="month")
    assert ft.periods == ("Jan 2024", "Feb 2024", "Mar 2024") and ft.missing == ("Feb 2024",)
    feb = ft.layer("Feb 2024")
    assert feb.flows == () and feb.nodes == () and feb.smaller_count == 0
    assert "over 3 periods (1 with no rows: Feb 2024)" in ft.summary()
    ft.check()


def test_rows_without_a_period_are_unplaced_not_hidden():
    df = pd.DataFrame(
        {"origin": ["Saraqib", "Ariha"], "destination": ["Atmeh", "Sarmada"], "idps": [10, 5], "month": ["2024-01", ""]}
    )
    ft = prep(df, period="month")
    assert [(u.row, u.reason) for u in ft.unplaced] == [(2, "empty period")]
    assert [f.value for f in ft.flows] == [10]


def test_one_width_scale_for_every_period_from_the_largest_monthly_flow():
    df = pd.DataFrame(
        {
            "origin": ["Saraqib", "Saraqib", "Ariha"],
            "destination": ["Atmeh", "Atmeh", "Sarmada"],
            "idps": [600, 400, 100],
            "month": ["2024-01", "2024-02", "2024-02"],
        }
    )
    ft = prep(df, period="month")
    # the total (1,000 Saraqib → Atmeh) is never drawn beside the months, so the months set the scale
    assert [layer.period for layer in ft.shown] == ["2024-01", "2024-02"]
    assert ft.scale.width(600) == 18.0 and ft.scale.width(400) == 12.0
    assert ft.largest_node == 600
    with pytest.raises(InputError, match="no period '2030'"):
        ft.layer("2030")
