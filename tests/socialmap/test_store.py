"""The catalogue repository: optimistic locking, audit, version counter, verification dates."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine

from socialmap.database import transaction
from socialmap.errors import NotFound, StaleEdit
from socialmap.models import ActivityIn, Status
from socialmap.store import (
    ActivityFilter,
    catalogue_version,
    count_activities,
    create_activity,
    get_activity,
    list_activities,
    list_audit,
    record_audit,
    replace_catalogue,
    set_status,
    update_activity,
    upsert_activities,
    verify_activity,
)


def _activity(id_: str = "a-1", **kw: Any) -> ActivityIn:
    data: dict[str, Any] = {
        "id": id_, "name": "Wandelgroep", "description": "Samen wandelen",
        "organisation": {"id": "buurtwerk", "name": "Buurtwerk"}, "dimensions": ["meedoen"],
        "location": {"postcode": "9711AB", "lat": 53.22, "lon": 6.56,
                     "municipality": "Groningen"},
        "last_verified": date(2024, 4, 3),
    }
    data.update(kw)
    return ActivityIn.model_validate(data)


def _version(engine: Engine) -> int:
    with engine.connect() as conn:
        return catalogue_version(conn)


def test_create_get_and_filters(engine: Engine) -> None:
    with transaction(engine) as conn:
        create_activity(conn, _activity(), user="ans")
        create_activity(conn, _activity("a-2", dimensions=[], name="Koffie"), user="ans")
        stored = get_activity(conn, "a-1")
        assert stored.version == 1 and stored.created is not None
        assert count_activities(conn) == 2
        unclassified = list_activities(conn, ActivityFilter(classified=False))
        assert [a.id for a in unclassified] == ["a-2"]
        assert [a.id for a in list_activities(conn, ActivityFilter(search="koff"))] == ["a-2"]
        with pytest.raises(StaleEdit):
            create_activity(conn, _activity(), user="ans")
        with pytest.raises(NotFound):
            get_activity(conn, "nope")


def test_stale_edit_is_refused_and_names_who_changed_it(engine: Engine) -> None:
    with transaction(engine) as conn:
        create_activity(conn, _activity(), user="ans")
        update_activity(conn, _activity(name="Wandelclub"), expected_version=1, user="bert")
    with transaction(engine) as conn, pytest.raises(StaleEdit, match="door bert"):
        update_activity(conn, _activity(name="Stapvoets"), expected_version=1, user="carla")
    with engine.connect() as conn:
        stored = get_activity(conn, "a-1")
        assert (stored.name, stored.version) == ("Wandelclub", 2)


def test_every_write_is_audited_with_its_user_and_bumps_the_version(engine: Engine) -> None:
    versions = [_version(engine)]
    steps = [
        lambda c: create_activity(c, _activity(), user="ans"),
        lambda c: update_activity(c, _activity(name="B"), expected_version=1, user="bert"),
        lambda c: set_status(c, "a-1", Status.GEPAUZEERD, expected_version=2, user="carla"),
        lambda c: verify_activity(c, "a-1", user="dirk", on=date(2025, 1, 1)),
    ]
    for step in steps:
        with transaction(engine) as conn:
            step(conn)
        versions.append(_version(engine))
    assert versions == sorted(set(versions)) and len(versions) == 5
    with engine.connect() as conn:
        audit = list_audit(conn, entity_id="a-1")
    assert [(e["user"], e["action"]) for e in reversed(audit)] == [
        ("ans", "create"), ("bert", "update"), ("carla", "update"), ("dirk", "verify")]
    assert audit[2]["changes"]["name"] == ["Wandelgroep", "B"]


def test_edit_keeps_last_verified(engine: Engine) -> None:
    with transaction(engine) as conn:
        create_activity(conn, _activity(), user="ans")
        edited = update_activity(conn, _activity(name="B", last_verified=date(2025, 5, 5)),
                                 expected_version=1, user="bert")
    assert edited.last_verified == date(2024, 4, 3)


def test_reimporting_the_same_data_changes_nothing(engine: Engine) -> None:
    with transaction(engine) as conn:
        upsert_activities(conn, [_activity()], user="import")
    before = _version(engine)
    with transaction(engine) as conn:
        summary = upsert_activities(conn, [_activity(last_verified=None)], user="import")
        stored = get_activity(conn, "a-1")
    assert summary.unchanged == ["a-1"]
    assert stored.version == 1 and stored.last_verified == date(2024, 4, 3)
    assert _version(engine) == before


def test_import_can_record_a_newer_verification_never_undo_one(engine: Engine) -> None:
    with transaction(engine) as conn:
        upsert_activities(conn, [_activity()], user="import")
        upsert_activities(conn, [_activity(last_verified=date(2023, 1, 1))], user="import")
        assert get_activity(conn, "a-1").last_verified == date(2024, 4, 3)
        upsert_activities(conn, [_activity(last_verified=date(2025, 1, 1))], user="import")
        assert get_activity(conn, "a-1").last_verified == date(2025, 1, 1)


def test_replace_is_atomic(engine: Engine) -> None:
    with transaction(engine) as conn:
        upsert_activities(conn, [_activity(), _activity("a-2")], user="import")
    before = _version(engine)
    with pytest.raises(RuntimeError), transaction(engine) as conn:
        replace_catalogue(conn, [_activity("b-1")], user="import")
        raise RuntimeError("failure after the replace")
    with engine.connect() as conn:
        assert [a.id for a in list_activities(conn)] == ["a-1", "a-2"]
        assert catalogue_version(conn) == before
    with transaction(engine) as conn:
        summary = replace_catalogue(conn, [_activity("b-1")], user="import")
    assert sorted(summary.removed) == ["a-1", "a-2"] and summary.created == ["b-1"]
    assert _version(engine) > before


def test_record_audit_stores_any_entity_within_the_callers_transaction(engine: Engine) -> None:
    with transaction(engine) as conn:
        record_audit(conn, user="ans", action="close_report", entity="report", entity_id="7",
                     changes={"status": ["open", "afgehandeld"]})
    with pytest.raises(RuntimeError), transaction(engine) as conn:
        record_audit(conn, user="bert", action="replace", entity_id=None, changes={})
        raise RuntimeError("failure after the audit entry")
    with engine.connect() as conn:
        entries = list_audit(conn)
    assert [(e["user"], e["action"], e["entity"], e["entity_id"]) for e in entries] == [
        ("ans", "close_report", "report", "7")]
    assert entries[0]["changes"] == {"status": ["open", "afgehandeld"]}
    assert entries[0]["at"] is not None
