"""The capacity planner against hand-computed examples from the seeds."""

from __future__ import annotations

from datetime import date

import pytest

from socialmap.database import transaction
from socialmap.referrals import capacity
from socialmap.referrals.capacity import PracticeInput, Range, parse_planning, plan_capacity
from socialmap.referrals.errors import ReferralError
from socialmap.referrals.models import parse_referral
from socialmap.referrals.store import create_referral

from .conftest import TODAY, referral_data


def approx(r: Range) -> tuple[float, float]:
    return (pytest.approx(r.low), pytest.approx(r.high))


def test_one_practice_of_10000_patients_two_gps():
    plan = plan_capacity([PracticeInput("De Linde", 10_000, gps=2)])
    # 001: 0.3-0.8% of registered patients per year
    assert (plan.referrals.low, plan.referrals.high) == approx(Range(30, 80))
    # 001/002: 7-10 client hours per referral
    assert (plan.coach_client_hours.low, plan.coach_client_hours.high) == approx(Range(210, 800))
    # 36 h/week, 40 weeks, minus 4-6 h/FTE/week overhead (002): 1280 and 1200 client h/FTE
    assert (plan.fte_needed.low, plan.fte_needed.high) == approx(Range(210 / 1280, 800 / 1200))
    assert (plan.coach_overhead_hours.low, plan.coach_overhead_hours.high) == approx(
        Range(210 / 1280 * 4 * 40, 800 / 1200 * 6 * 40))
    # 003: 0.5 FTE per 5,000-10,000 patients
    assert (plan.rule_fte.low, plan.rule_fte.high) == approx(Range(0.5, 1.0))
    # 002: 45 min per recipe + 15 min per GP per week over 45 weeks
    ident = 2 * 15 * 45 / 60
    assert (plan.gp_hours.low, plan.gp_hours.high) == approx(Range(22.5 + ident, 60 + ident))


def test_start_phase_is_one_practice_for_3_to_6_months_by_default():
    plan = plan_capacity([PracticeInput("A", 10_000), PracticeInput("B", 2_000)])
    assert plan.start.practices == ("A",) and plan.start.months == (3, 6)
    assert (plan.start.referrals.low, plan.start.referrals.high) == approx(Range(7.5, 40))
    assert (plan.start.coach_client_hours.low, plan.start.coach_client_hours.high) == approx(
        Range(52.5, 400))
    assert plan.referrals.label() == "36 - 96"


def test_the_seed_001_table_practice_of_2000_patients():
    # Seed 001 step 1 example: "Huisarts Beterschap", 2.000 patients.
    plan = plan_capacity([PracticeInput("Huisarts Beterschap", 2_000)], start_with=[
        "Huisarts Beterschap"])
    assert (plan.referrals.low, plan.referrals.high) == approx(Range(6, 16))
    assert (plan.coach_client_hours.low, plan.coach_client_hours.high) == approx(Range(42, 160))


def test_unknown_start_practice_suggests_the_right_name():
    with pytest.raises(ReferralError, match="Bedoelt u 'De Linde'"):
        plan_capacity([PracticeInput("De Linde", 5000)], start_with=["De Lind"])


@pytest.mark.parametrize("practices", [[], [PracticeInput("A", 0)], [PracticeInput("A", 10, 0)],
                                       [PracticeInput("A", 10), PracticeInput("A", 20)]])
def test_bad_practices_are_refused(practices):
    with pytest.raises(ReferralError):
        plan_capacity(practices)


def test_planning_file_is_validated_strictly():
    text = capacity.data.read_text("referrals", "planning.yaml")
    assert capacity.load_planning().rule_of_thumb.patients == (5000, 10000)
    with pytest.raises(ReferralError, match="coach_hours_per_referal"):
        parse_planning(text.replace("coach_hours_per_referral", "coach_hours_per_referal"))
    with pytest.raises(ReferralError):
        parse_planning(text.replace("value: [7, 10]", "value: [10, 7]"))


def test_every_parameter_names_its_source():
    planning = capacity.load_planning()
    for name in type(planning).model_fields:
        assert getattr(planning, name).source


def test_compared_with_the_recorded_referrals(catalogue):
    with transaction(catalogue) as conn:
        for i in range(3):
            create_referral(conn, parse_referral(referral_data(reference=f"R{i}")),
                            user="c", today=TODAY)
        recorded = capacity.actual_referrals(conn, municipality="Groningen",
                                             start=date(2026, 1, 1), end=date(2026, 12, 31))
    plan = plan_capacity([PracticeInput("Praktijk De Linde", 1000), PracticeInput("X", 1000)])
    linde, x = capacity.compare_with_actual(plan, recorded, days=365)
    assert (linde.recorded, linde.verdict) == (3, "zoals verwacht")
    assert (x.recorded, x.verdict) == (0, "minder dan verwacht")
