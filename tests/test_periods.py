from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from geo.periods import Periods, labels, order, parse, write


@pytest.mark.parametrize(
    "label, day, unit",
    [
        ("2020", dt.date(2020, 1, 1), "year"),
        ("2020-01", dt.date(2020, 1, 1), "month"),
        ("2020/3", dt.date(2020, 3, 1), "month"),
        ("01-2020", dt.date(2020, 1, 1), "month"),
        ("Jan 2020", dt.date(2020, 1, 1), "month"),
        ("january 2020", dt.date(2020, 1, 1), "month"),
        ("Sept. 2020", dt.date(2020, 9, 1), "month"),
        ("2020 Feb", dt.date(2020, 2, 1), "month"),
        ("2020-01-15", dt.date(2020, 1, 15), "day"),
        ("15 January 2020", dt.date(2020, 1, 15), "day"),
        ("January 15, 2020", dt.date(2020, 1, 15), "day"),
        ("2020-Q3", dt.date(2020, 7, 1), "quarter"),
        ("Q4 2019", dt.date(2019, 10, 1), "quarter"),
    ],
)
def test_labels_that_read_as_dates(label, day, unit):
    start = parse(label)
    assert (start.day, start.unit) == (day, unit)


@pytest.mark.parametrize("label", ["week 2", "03/04/2020", "2020-13", "Foo 2020", "20", "before the offensive", ""])
def test_labels_that_do_not(label):
    assert parse(label) is None


def test_dates_sort_by_when_they_start_whatever_the_table_order():
    assert order(["2020-03", "2020-01", "2020-02", "2020-01"]).labels == ("2020-01", "2020-02", "2020-03")
    assert order(["Feb 2021", "Dec 2020", "Jan 2021"]).labels == ("Dec 2020", "Jan 2021", "Feb 2021")
    assert order(["2020-01-15", "2020-01-02"]).labels == ("2020-01-02", "2020-01-15")


def test_one_label_that_is_not_a_date_keeps_the_table_order():
    assert order(["2020-03", "2020-01", "later"]).labels == ("2020-03", "2020-01", "later")
    assert order(["b", "a", "b", "c"]) == Periods(("b", "a", "c"))


def test_missing_months_quarters_and_years_are_added_written_alike():
    got = order(["2020-01", "2020-04", "2020-02"])
    assert got.labels == ("2020-01", "2020-02", "2020-03", "2020-04") and got.missing == ("2020-03",)
    assert order(["Nov 2019", "Feb 2020"]).missing == ("Dec 2019", "Jan 2020")
    assert order(["2019-Q3", "2020-Q1"]).missing == ("2019-Q4",)
    assert order(["2018", "2020"]).missing == ("2019",)
    assert order(["2020/01", "2020/03"]).missing == ("2020/02",)


def test_nothing_added_between_days_mixed_styles_or_a_decade_of_gaps():
    assert order(["2020-01-01", "2020-01-05"]).missing == ()
    assert order(["2020-01", "Mar 2020"]).missing == ()  # written two ways: which way would the gap be written?
    assert order(["2020-01", "2049-12"]).missing == ()  # more likely a typo than 30 years without data
    assert order(["2020-01", "2020-01"]).missing == ()


def test_no_fill_when_asked():
    assert order(["2020-01", "2020-03"], fill=False).labels == ("2020-01", "2020-03")


def test_write_each_style():
    day = dt.date(2021, 5, 1)
    assert [write(day, s) for s in ("Y", "Y-m|-", "m-Y|/", "b Y| ", "B Y| ", "Y b| ", "Y-Q|-", "Q-Y| ")] == [
        "2021", "2021-05", "05/2021", "May 2021", "May 2021", "2021 May", "2021-Q2", "Q2 2021",
    ]  # fmt: skip


def test_span():
    assert order(["2020-02", "2020-01"]).span() == "2020-01 to 2020-02"
    assert order(["x"]).span() == "x" and order([]).span() == ""


def test_column_labels_from_spreadsheets():
    assert labels(pd.Series(["2024-01-05 00:00:00", " Jan 2024 ", None])).tolist() == ["2024-01-05", "Jan 2024", ""]
    assert labels(pd.Series(pd.to_datetime(["2024-01-01", None]))).tolist() == ["2024-01-01", ""]
    assert labels(pd.Series([2019, 2020])).tolist() == ["2019", "2020"]
