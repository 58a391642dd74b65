"""Outcome rows for the matcher, activity statistics for the gemeente, provider response."""

from __future__ import annotations

import io

import pytest

from socialmap.database import transaction
from socialmap.referrals import outcomes
from socialmap.referrals.models import parse_referral
from socialmap.referrals.store import create_referral

from .conftest import TODAY, referral_data


def _add(engine, i, **changes):
    with transaction(engine) as conn:
        create_referral(conn, parse_referral(referral_data(reference=f"R{i}", **changes)),
                        user="c", today=TODAY)


def test_outcome_rows_in_the_matcher_format(catalogue):
    _add(catalogue, 1)
    _add(catalogue, 2, activities=[{"activity_id": "walk", "chosen": True,
                                    "started_date": "2026-04-01"}])  # 3 months still open
    with transaction(catalogue) as conn:
        rows = outcomes.outcome_rows(conn)
        text = outcomes.outcomes_csv(conn)
    assert [(r["activity_id"], r["taken_up"], r["attending_3m"]) for r in rows] == [
        ("coffee", "1", "1"), ("walk", "0", "0")]
    first = rows[0]
    assert set(first) == set(outcomes.OUTCOME_COLUMNS)
    assert first["request_id"] == rows[1]["request_id"]
    assert first["spinnenweb"] == "mentaal_welbevinden:4.5;meedoen:3"
    assert (first["complaints"], first["age"], first["age_band"]) == ("eenzaamheid", "65",
                                                                      "65-74")
    assert "R1" not in text and "Meer mensen" not in text


def test_the_matcher_reads_the_rows():
    training = pytest.importorskip("matcher.training")
    text = ",".join(outcomes.OUTCOME_COLUMNS) + "\n" + ",".join(
        ["verwijzing-1", "coffee", "1", "1", "0"] + [""] * 13) + "\n"
    frame = training.read_outcomes(io.StringIO(text))
    assert list(frame["activity_id"]) == ["coffee"]


def test_dropped_out_is_not_attending(catalogue):
    _add(catalogue, 1, activities=[{"activity_id": "coffee", "chosen": True,
                                    "started_date": "2026-03-20",
                                    "followup": {"attending_3m": True,
                                                 "dropped_out_date": "2026-07-01"}}])
    with transaction(catalogue) as conn:
        (row,) = outcomes.outcome_rows(conn)
    assert (row["taken_up"], row["attending_3m"]) == ("1", "0")


def test_activity_stats_are_suppressed_and_never_chosen_listed(catalogue):
    for i in range(6):
        _add(catalogue, i)
    with transaction(catalogue) as conn:
        stats = outcomes.activity_stats(conn, municipality="Groningen")
        never = outcomes.never_chosen(conn, municipality="Groningen")
    coffee, walk = sorted(stats, key=lambda s: s.activity_id)
    assert (coffee.proposed.text, coffee.chosen.text, coffee.kept_3m.text) == ("6", "6", "6")
    assert (walk.proposed.text, walk.chosen.text) == ("6", "<5")
    assert [(n.activity_id, n.proposed.text) for n in never] == [("walk", "6")]


def test_provider_response_once_there_are_enough_records(catalogue):
    for i in range(9):
        _add(catalogue, i)
        with transaction(catalogue) as conn:
            response = outcomes.provider_response(conn, "coffee")
        if i < 4:
            assert response is None
    _add(catalogue, 9, activities=[{"activity_id": "coffee", "chosen": True,
                                    "provider_first_contact_days": 3}], end_date=None,
         end_spinnenweb=None, goal_reached=None)
    with transaction(catalogue) as conn:
        response = outcomes.provider_response(conn, "coffee")
    assert response is not None
    assert response.text == "meestal binnen 2 dagen contact, 9 van de 10 verwijzingen gestart"
