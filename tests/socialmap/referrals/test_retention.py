"""Retention: anonymised two years after the end, not before, and idempotent."""

from __future__ import annotations

from datetime import date

import pytest

from socialmap.database import transaction
from socialmap.referrals import retention, store
from socialmap.referrals.errors import ReferralError
from socialmap.referrals.models import parse_referral
from socialmap.store import list_audit

from .conftest import referral_data

TODAY = date(2026, 5, 1)


def _add(engine, reference, **changes):
    data = parse_referral(referral_data(reference=reference, **changes))
    with transaction(engine) as conn:
        return store.create_referral(conn, data, user="coach_a", today=TODAY).id


@pytest.fixture
def records(catalogue):
    old = _add(catalogue, "OLD", referral_date="2024-01-10", first_contact_date="2024-01-15",
               end_date="2024-05-01", activities=[])
    young = _add(catalogue, "YOUNG", referral_date="2024-01-10",
                 first_contact_date="2024-01-15", end_date="2024-05-02", activities=[])
    never_closed = _add(catalogue, "OPEN", referral_date="2023-05-01",
                        first_contact_date=None, talks=0, end_date=None, end_spinnenweb=None,
                        goal_reached=None, activities=[])
    return old, young, never_closed


def test_anonymised_two_years_after_the_end_not_before(catalogue, records):
    old, young, never_closed = records
    with transaction(catalogue) as conn:
        dry = retention.anonymise(conn, today=TODAY, dry_run=True)
        assert dry.ids == (old, never_closed)
        assert store.get_referral(conn, old).reference == "OLD"
        done = retention.anonymise(conn, today=TODAY)
    assert done.ids == (old, never_closed)
    with transaction(catalogue) as conn:
        gone = store.get_referral(conn, old)
        kept = store.get_referral(conn, young)
        audit = list_audit(conn, entity_id=str(old))
    assert gone.reference is None and gone.question is None and gone.anonymised_at
    assert gone.goal_explanation is None and gone.complaints == ["eenzaamheid"]
    assert gone.talks == 4 and gone.version == 2
    assert kept.reference == "YOUNG" and kept.anonymised_at is None
    assert audit[0]["action"] == "anonymise" and "OLD" not in repr(audit)


def test_running_twice_changes_nothing(catalogue, records):
    with transaction(catalogue) as conn:
        retention.anonymise(conn, today=TODAY)
        assert retention.anonymise(conn, today=TODAY).ids == ()


def test_a_longer_period_keeps_more(catalogue, records):
    with transaction(catalogue) as conn:
        assert retention.anonymise(conn, today=TODAY, years=3, dry_run=True).ids == ()
        with pytest.raises(ReferralError):
            retention.anonymise(conn, today=TODAY, years=-1)


def test_anonymised_records_cannot_be_edited(catalogue, records):
    old = records[0]
    with transaction(catalogue) as conn:
        retention.anonymise(conn, today=TODAY)
        record = store.get_referral(conn, old)
    with pytest.raises(ReferralError, match="geanonimiseerd"), transaction(catalogue) as conn:
        store.update_referral(conn, old, parse_referral(referral_data()),
                              expected_version=record.version, user="coach_a", today=TODAY)
