"""Catalogue models validate ids and keep their invariants."""

from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from socialmap.models import Activity, ActivityIn, Cost, Location, Organisation, Schedule

ORG = Organisation(id="stichting-demo", name="Stichting Demo")


def make(**kw):
    base = dict(id="a1", name="Wandelgroep", description="Samen wandelen.", organisation=ORG,
                dimensions=["lichaamsfuncties"], location=Location(postcode="9711AB"))
    base.update(kw)
    return ActivityIn(**base)


def test_valid_activity():
    a = make(complaints=["eenzaamheid"], schedule=Schedule(when="di 10-12", days=["do", "di"]))
    assert a.classified and a.active
    assert a.schedule.days == ["di", "do"]


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("dimensions", ["sport"], "spinnenweb-dimensie"),
        ("complaints", ["verveling"], "klachtcategorie"),
        ("languages", ["nld"], "ISO 639-1"),
        ("age_min", -1, "greater than or equal"),
        ("location", None, "postcode of lat/lon"),
        ("id", "a b", "pattern"),
    ],
)
def test_invalid_values_are_refused(field, value, fragment):
    with pytest.raises(ValidationError) as info:
        make(**{field: value})
    assert fragment in str(info.value)


def test_age_range_must_be_ordered():
    with pytest.raises(ValidationError, match="leeftijd_min"):
        make(age_min=65, age_max=18)


def test_online_activity_needs_no_place():
    assert make(online=True, location=None).online


def test_latitude_out_of_range():
    with pytest.raises(ValidationError):
        Location(lat=95.0, lon=6.5)


def test_unclassified_activity():
    assert not make(dimensions=[]).classified


@pytest.mark.parametrize(
    ("amount", "label", "free"),
    [(None, "onbekend", False), (Decimal("0"), "gratis", True), (Decimal("2.5"), "€ 2,50", False)],
)
def test_cost_label(amount, label, free):
    cost = Cost(amount_eur=amount)
    assert (cost.label(), cost.is_free) == (label, free)


@pytest.mark.parametrize(
    ("verified", "stale"),
    [(None, True), (date(2025, 11, 22), True), (date(2025, 11, 23), False),
     (date(2026, 6, 1), False)],
)
def test_staleness_is_twelve_months_without_verification(verified, stale):
    a = Activity(**make(last_verified=verified).model_dump())
    assert a.is_stale(date(2026, 11, 23)) is stale


def test_content_equal_ignores_verification_date():
    assert make(last_verified=date(2026, 1, 1)).content_equal(make())
    assert not make(name="Anders").content_equal(make())
