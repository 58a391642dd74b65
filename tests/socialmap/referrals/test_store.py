"""Storing referrals: bad input refused with a clear error and nothing saved; locking; audit."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from socialmap.database import transaction
from socialmap.errors import NotFound, StaleEdit
from socialmap.referrals import store
from socialmap.referrals.errors import ReferralError
from socialmap.referrals.models import field_label, parse_referral
from socialmap.store import list_audit, replace_catalogue
from socialmap.tables import referral_activities, referrals

from .conftest import TODAY, referral_data


def _count(engine) -> tuple[int, int]:
    with engine.connect() as conn:
        return (conn.execute(select(func.count()).select_from(referrals)).scalar_one(),
                conn.execute(select(func.count()).select_from(referral_activities)).scalar_one())


def _save(engine, **changes):
    with transaction(engine) as conn:
        return store.create_referral(conn, parse_referral(referral_data(**changes)),
                                     user="coach_a", today=TODAY)


def test_a_valid_referral_round_trips(catalogue):
    saved = _save(catalogue)
    assert saved.version == 1 and saved.reference == "ZD-123456"
    assert [a.activity_name for a in saved.activities] == ["Koffieochtend", "Wandelgroep"]
    assert saved.intake_spinnenweb == {"mentaal_welbevinden": 4.5, "meedoen": 3.0}
    assert saved.activities[0].followup.attending_3m is True


BAD_INPUT = [
    ("future referral date", {"referral_date": "2026-09-02"}, "referral_date", "toekomst"),
    ("future end", {"end_date": "2027-01-01"}, "end_date", "toekomst"),
    ("contact before referral", {"first_contact_date": "2026-03-01"}, "first_contact_date",
     "vóór de verwijsdatum"),
    ("end before contact", {"end_date": "2026-03-05"}, "end_date", "vóór het eerste contact"),
    ("talks < 0", {"talks": -1}, "talks", "minstens 0"),
    ("spinnenweb 11", {"intake_spinnenweb": {"meedoen": 11}}, "intake_spinnenweb",
     "tussen 0 en 10"),
    ("spinnenweb -1", {"end_spinnenweb": {"zingeving": -1}}, "end_spinnenweb", "tussen 0 en 10"),
    ("unknown dimension", {"intake_spinnenweb": {"geluk": 5}}, "intake_spinnenweb",
     "onbekende dimensie"),
    ("unknown activity", {"activities": [{"activity_id": "nope", "chosen": True}]},
     "activities.0.activity_id", "staat niet in de sociale kaart"),
    ("start before referral", {"activities": [{"activity_id": "walk", "chosen": True,
                                               "started_date": "2026-01-01"}]},
     "activities.0.started_date", "vóór de verwijsdatum"),
    ("BSN as reference", {"reference": "111222333"}, "reference", "BSN"),
    ("BSN with dots", {"reference": "1112.22.333"}, "reference", "BSN"),
    ("e-mail as reference", {"reference": "jan@example.nl"}, "reference", "e-mailadres"),
    ("phone as reference", {"reference": "06-12345678"}, "reference", "telefoonnummer"),
    ("a name field", {"naam": "Jan Jansen"}, "naam", "onbekend veld"),
    ("a birth date", {"geboortedatum": "1950-01-01"}, "geboortedatum", "onbekend veld"),
    ("no complaints", {"complaints": []}, "complaints", "minstens 1"),
    ("unknown complaint", {"complaints": ["verveling"]}, "complaints", "onbekende"),
    ("bad age band", {"age_band": "12-17"}, "age_band", "kies uit"),
    ("bad date", {"end_date": "31-02-2026"}, "end_date", "geldige datum"),
    ("double activity", {"activities": [{"activity_id": "walk"}, {"activity_id": "walk"}]},
     "activities", "dubbel"),
]


@pytest.mark.parametrize(("case", "changes", "field", "words"), BAD_INPUT,
                         ids=[c[0] for c in BAD_INPUT])
def test_bad_input_gets_a_clear_error_and_nothing_is_saved(catalogue, case, changes, field,
                                                           words):
    with pytest.raises(ReferralError) as info:
        _save(catalogue, **changes)
    details = info.value.details
    assert any(d["field"] == field and words in str(d["message"]) for d in details), details
    assert field_label(field).lower() in info.value.message.lower()
    assert _count(catalogue) == (0, 0)


def test_a_failed_update_leaves_the_stored_record_alone(catalogue):
    saved = _save(catalogue)
    bad = parse_referral(referral_data(activities=[{"activity_id": "nope"}], talks=6))
    with pytest.raises(ReferralError), transaction(catalogue) as conn:
        store.update_referral(conn, saved.id, bad, expected_version=1, user="coach_a",
                              today=TODAY)
    with transaction(catalogue) as conn:
        again = store.get_referral(conn, saved.id)
    assert again == saved


def test_two_coaches_editing_one_record_no_lost_update(catalogue):
    saved = _save(catalogue)
    first = saved.to_input().model_copy(update={"talks": 5})
    second = saved.to_input().model_copy(update={"question": "Iets anders."})
    with transaction(catalogue) as conn:
        store.update_referral(conn, saved.id, first, expected_version=1, user="coach_a",
                              today=TODAY)
    with pytest.raises(StaleEdit, match="coach_a") as info, transaction(catalogue) as conn:
        store.update_referral(conn, saved.id, second, expected_version=1, user="coach_b",
                              today=TODAY)
    assert info.value.details[0]["current"] == 2
    with transaction(catalogue) as conn:
        now = store.get_referral(conn, saved.id)
    assert now.talks == 5 and now.question == saved.question and now.version == 2


def test_an_unchanged_save_keeps_the_version(catalogue):
    saved = _save(catalogue)
    with transaction(catalogue) as conn:
        same = store.update_referral(conn, saved.id, saved.to_input(), expected_version=1,
                                     user="coach_a", today=TODAY)
    assert same.version == 1


def test_audit_names_fields_never_the_reference_or_texts(catalogue):
    saved = _save(catalogue)
    edit = saved.to_input().model_copy(update={"reference": "ZD-999", "question": "Geheim."})
    with transaction(catalogue) as conn:
        store.update_referral(conn, saved.id, edit, expected_version=1, user="coach_b",
                              today=TODAY)
        entries = list_audit(conn, entity_id=str(saved.id))
    assert entries[0]["changes"]["fields"] == ["question", "reference"]
    dumped = repr(entries)
    for secret in ("ZD-123456", "ZD-999", "Geheim", "Meer mensen"):
        assert secret not in dumped


def test_outcome_survives_a_catalogue_replace(catalogue):
    saved = _save(catalogue)
    with transaction(catalogue) as conn:
        replace_catalogue(conn, [], user="gemeente")
        kept = store.get_referral(conn, saved.id)
        assert [a.activity_name for a in kept.activities] == ["Koffieochtend", "Wandelgroep"]
        edit = kept.to_input().model_copy(update={"talks": 7})
        store.update_referral(conn, saved.id, edit, expected_version=1, user="coach_a",
                              today=TODAY)


def test_missing_referral_is_not_found(engine):
    with pytest.raises(NotFound), transaction(engine) as conn:
        store.get_referral(conn, 42)
