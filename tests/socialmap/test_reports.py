"""Error reports on activities: stored, listed for review, closed with an audit entry."""

import pytest

from socialmap import reports, store
from socialmap.database import transaction
from socialmap.errors import CatalogueError, NotFound
from socialmap.models import ActivityIn, Location, Organisation


@pytest.fixture
def activity(engine):
    act = ActivityIn(id="a1", name="Koffieochtend", description="Koffie.",
                     organisation=Organisation(id="o", name="O"), dimensions=["meedoen"],
                     location=Location(postcode="9711AB"))
    with transaction(engine) as conn:
        store.create_activity(conn, act, user="t")
    return act


def test_report_lands_in_the_queue_and_can_be_closed(engine, activity):
    with transaction(engine) as conn:
        rid = reports.add_report(conn, "a1", "  De tijd klopt niet:\nhet is nu woensdag. ")
    with transaction(engine) as conn:
        (open_,) = reports.open_reports(conn)
        assert open_.message == "De tijd klopt niet: het is nu woensdag."
        assert reports.count_open_reports(conn) == 1
        reports.close_report(conn, rid, user="gemeente1")
        assert reports.open_reports(conn) == []
        assert store.list_audit(conn, entity_id=str(rid))[0]["user"] == "gemeente1"
        with pytest.raises(NotFound):
            reports.close_report(conn, rid, user="gemeente1")


@pytest.mark.parametrize(("activity_id", "message", "error"), [
    ("a1", "   ", CatalogueError), ("a1", "x" * 2001, CatalogueError), ("nope", "fout", NotFound),
])
def test_bad_reports_are_refused(engine, activity, activity_id, message, error):
    with pytest.raises(error), transaction(engine) as conn:
        reports.add_report(conn, activity_id, message)
    with engine.connect() as conn:
        assert reports.open_reports(conn) == []
