"""Fixtures for referral tests: a small catalogue and a valid referral to vary."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from socialmap import store
from socialmap.database import transaction
from socialmap.models import ActivityIn, Location, Organisation

TODAY = date(2026, 9, 1)


def make_activity(activity_id: str, name: str, dims: list[str]) -> ActivityIn:
    """A minimal valid catalogue activity."""
    return ActivityIn(id=activity_id, name=name, description="Test.", dimensions=dims,
                      organisation=Organisation(id="org", name="Aanbieder"),
                      location=Location(postcode="9711AB", municipality="Groningen"))


@pytest.fixture
def catalogue(engine):
    """Two activities in the catalogue: a walking group and a coffee morning."""
    with transaction(engine) as conn:
        store.create_activity(conn, make_activity("walk", "Wandelgroep", ["lichaamsfuncties"]),
                              user="t")
        store.create_activity(conn, make_activity("coffee", "Koffieochtend", ["meedoen"]),
                              user="t")
    return engine


def referral_data(**changes: Any) -> dict[str, Any]:
    """A valid, complete referral as raw input; ``changes`` override fields."""
    data: dict[str, Any] = {
        "reference": "ZD-123456",
        "practice": "Praktijk De Linde",
        "organisation": "Welzijn Noord",
        "municipality": "Groningen",
        "coach": "coach_a",
        "age_band": "65-74",
        "complaints": ["eenzaamheid"],
        "referral_date": "2026-03-02",
        "first_contact_date": "2026-03-09",
        "intake_spinnenweb": {"meedoen": 3, "mentaal_welbevinden": 4.5},
        "question": "Meer mensen leren kennen in de wijk.",
        "talks": 4,
        "end_date": "2026-05-01",
        "end_spinnenweb": {"meedoen": 6, "mentaal_welbevinden": 5},
        "goal_reached": True,
        "goal_explanation": "Gaat wekelijks naar de koffieochtend.",
        "referred_on": True,
        "activities": [
            {"activity_id": "coffee", "chosen": True, "started_date": "2026-03-20",
             "provider_first_contact_days": 2, "followup": {"attending_3m": True}},
            {"activity_id": "walk", "chosen": False},
        ],
    }
    data.update(changes)
    return data
