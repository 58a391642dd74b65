"""Feedback text for the GP: the seed 003 fields, and nothing personal beyond them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from socialmap.referrals.feedback import Stage, feedback_for
from socialmap.referrals.models import Referral, parse_referral

from .conftest import referral_data

STAMP = datetime(2026, 9, 1, tzinfo=UTC)


def make(**changes) -> Referral:
    data = parse_referral(referral_data(**changes)).model_dump()
    for item in data["activities"][:1]:
        item["activity_name"] = "Koffieochtend"
    return Referral(id=7, version=1, created=STAMP, last_modified=STAMP, **data)


def test_the_seed_003_fields_are_in_the_text():
    text = feedback_for(make(), on=date(2026, 5, 2)).text
    assert "Datum terugkoppeling: 02-05-2026" in text
    assert "Aantal gesprekken: 4" in text
    assert "Hulpvraag/doel (intake): Meer mensen leren kennen in de wijk." in text
    assert "Doorverwezen naar activiteit: ja, naar Koffieochtend" in text
    assert "Doel behaald: ja. Toelichting: Gaat wekelijks naar de koffieochtend." in text
    assert "einde begeleiding" in text


def test_no_reference_or_scores_in_the_text():
    text = feedback_for(make(), on=date(2026, 5, 2)).text
    for private in ("ZD-123456", "65-74", "eenzaamheid", "coach_a", "Wandelgroep"):
        assert private not in text


def test_not_referred_gives_the_reason():
    fb = feedback_for(make(referred_on=False, referred_on_why="Wilde eerst zelf verder.",
                           activities=[], goal_reached=False, goal_explanation=None),
                      on=date(2026, 5, 2))
    assert "Doorverwezen naar activiteit: nee. Reden: Wilde eerst zelf verder." in fb.text
    assert "Doel behaald: nee" in fb.text


@pytest.mark.parametrize(("changes", "on", "stage"), [
    ({"end_date": None, "end_spinnenweb": None}, date(2026, 3, 20), Stage.NA_INTAKE),
    ({"end_date": None, "end_spinnenweb": None}, date(2026, 6, 10), Stage.NA_3_MAANDEN),
    ({}, date(2026, 6, 10), Stage.EINDE),
    ({"first_contact_date": None, "talks": 0, "end_date": None, "end_spinnenweb": None,
      "goal_reached": None}, date(2026, 3, 5), Stage.NOG_GEEN_CONTACT),
])
def test_stage_follows_the_process(changes, on, stage):
    fb = feedback_for(make(**changes), on=on)
    assert fb.stage is stage
    assert "Datum terugkoppeling" in fb.text
