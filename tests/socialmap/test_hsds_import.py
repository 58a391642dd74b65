"""HSDS packages through ``catalogue import``: export, re-import, and all or nothing on errors."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from socialmap.database import make_engine, migrate, transaction
from socialmap.hsds import write_hsds_package
from socialmap.importing.run import import_catalogue
from socialmap.models import ActivityIn
from socialmap.store import catalogue_version, create_activity, iter_activities
from tests.socialmap.test_hsds_errors import MISSING, edit, first
from tests.socialmap.test_hsds_package import plain, sample_catalogue


def stored(engine: Engine) -> list[ActivityIn]:
    with engine.connect() as conn:
        return [plain(a) for a in iter_activities(conn)]


def fill(engine: Engine) -> None:
    with transaction(engine) as conn:
        for activity in sample_catalogue():
            create_activity(conn, plain(activity), user="test")


def test_export_then_import_into_an_empty_catalogue(engine: Engine, tmp_path: Path) -> None:
    fill(engine)
    with engine.connect() as conn:
        path = write_hsds_package(iter_activities(conn), tmp_path / "export.zip")
    other = make_engine(f"sqlite:///{tmp_path / 'other.db'}")
    migrate(other)
    try:
        report = import_catalogue(other, path)
        assert report.ok and report.applied, [p.text() for p in report.parsed.file_errors]
        assert stored(other) == stored(engine)
    finally:
        other.dispose()


def test_reimport_changes_nothing(engine: Engine, tmp_path: Path) -> None:
    fill(engine)
    with engine.connect() as conn:
        path = write_hsds_package(iter_activities(conn), tmp_path / "export")
    before = stored(engine)
    report = import_catalogue(engine, path / "datapackage.json")
    assert report.ok and report.applied
    assert stored(engine) == before


def test_broken_package_leaves_the_catalogue_unchanged(engine: Engine, tmp_path: Path) -> None:
    fill(engine)
    with engine.connect() as conn:
        version = catalogue_version(conn)
    path = write_hsds_package(
        [a.model_copy(update={"name": a.name + " (nieuw)"}) for a in sample_catalogue()],
        tmp_path / "p")
    edit(path, "service_at_location.csv", first("location_id", MISSING))
    before = stored(engine)
    report = import_catalogue(engine, path)
    assert not report.ok and not report.applied
    (row,) = report.parsed.invalid_rows
    assert row.key == "wandel-1"
    assert row.errors[0].field == "service_at_location.location_id"
    assert stored(engine) == before
    with engine.connect() as conn:
        assert catalogue_version(conn) == version
