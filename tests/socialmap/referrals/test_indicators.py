"""Indicators of seed 002 §10 with small-number suppression everywhere; charts beside them."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from socialmap.referrals import charts, indicators
from socialmap.referrals.indicators import Scope, compute_indicators, indicators_csv
from socialmap.referrals.models import Referral, parse_referral

from .conftest import referral_data

STAMP = datetime(2026, 9, 1, tzinfo=UTC)


def make(i: int, **changes) -> Referral:
    data = parse_referral(referral_data(reference=f"ZD-{i}", **changes)).model_dump()
    for item in data["activities"]:
        item["activity_dimensions"] = {"coffee": ["meedoen"], "walk": ["lichaamsfuncties"]}[
            item["activity_id"]]
    return Referral(id=i, version=1, created=STAMP, last_modified=STAMP, **data)


def by_key(ind):
    return {row.key: row.cell for row in ind.rows()}


def test_the_indicators_of_six_referrals():
    refs = [make(i) for i in range(6)]
    cells = by_key(compute_indicators(refs))
    assert cells["recepten"].text == "6"
    assert cells["gesprekken_per_verwijzing"].text == "4,0"
    assert cells["doorgeleid_activiteit"].text == "100%"
    assert cells["deelname_3m"].text == "100%"
    assert cells["doel_behaald"].text == "100%"
    assert cells["dagen_tot_eerste_contact"].text == "7,0"
    assert cells["eerste_contact_op_tijd"].text == "100%"
    assert cells["spinnenweb_meedoen_verandering"].text == "+3,0"
    assert cells["spinnenweb_mentaal_welbevinden_intake"].text == "4,5"
    assert cells["recepten_2026-03"].text == "6"
    assert cells["profiel_klacht_eenzaamheid"].text == "6"
    assert cells["profiel_leeftijd_65-74"].text == "6"
    ind = compute_indicators(refs)
    (complaint, row), = ind.complaint_by_dimension
    assert complaint == "eenzaamheid" and [c.text for c in row].count("6") == 1


def test_under_five_everything_is_suppressed():
    refs = [make(i) for i in range(4)]
    ind = compute_indicators(refs)
    shown = {row.key: row.cell.text for row in ind.rows()}
    assert shown["recepten"] == "<5"
    assert all(text == "<5" for key, text in shown.items()
               if not key.startswith("spinnenweb_") or "meedoen" in key
               or "mentaal" in key), shown
    assert all(cell.value is None for row in ind.rows() for cell in [row.cell]
               if cell.text == "<5")


def test_a_share_with_a_small_numerator_is_suppressed():
    refs = [make(i) for i in range(8)] + [make(9, goal_reached=False)]
    cells = by_key(compute_indicators(refs))
    assert cells["doel_behaald"].text == "89%"
    refs = [make(i, goal_reached=False) for i in range(8)] + [make(9)]
    assert by_key(compute_indicators(refs))["doel_behaald"].text == "<5"


def test_csv_export_is_anonymous_and_suppressed():
    refs = [make(i) for i in range(6)] + [make(7, practice="Praktijk De Eik")]
    sets = [compute_indicators(refs, Scope("Groningen")),
            compute_indicators(refs[-1:], Scope("Groningen", "Praktijk De Eik"))]
    text = indicators_csv(sets)
    assert text.splitlines()[0] == ",".join(indicators.CSV_COLUMNS)
    assert "ZD-" not in text and "Meer mensen" not in text
    eik = [line for line in text.splitlines() if "Praktijk De Eik" in line]
    assert eik and all(re.search(r",<5,<5$|,<5,\d+$", line) for line in eik), eik


@pytest.mark.parametrize("count", [3, 6])
def test_dashboard_charts_are_svg_with_title_desc_and_a_table(count):
    ind = compute_indicators([make(i) for i in range(count)])
    for chart in charts.dashboard_charts(ind):
        assert chart.svg.startswith("<svg") and "<title" in chart.svg and "<desc" in chart.svg
        assert "<script" not in chart.svg
        assert "<table" in chart.table and "<caption>" in chart.table
        assert "<figure" in chart.html()
        if count < 5:
            assert "<rect" not in chart.svg and "<circle cx" not in chart.svg.split("eind")[-1]
            assert "&lt;5" in chart.table


def test_bar_chart_escapes_labels_and_draws_suppressed_as_text():
    cells = [("<b>A</b>", indicators.present_count(7)), ("B", indicators.present_count(2))]
    chart = charts.bar_chart("Test & zo", "Omschrijving", cells)
    assert "<b>" not in chart.svg and "&lt;b&gt;" in chart.svg
    assert chart.svg.count("<rect") == 1 and "&lt;5" in chart.svg
