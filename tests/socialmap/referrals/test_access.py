"""Access per role: owner coach, same-organisation coach, others refused, GPs feedback only."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import insert

from socialmap.database import transaction
from socialmap.referrals import access
from socialmap.referrals.access import Viewer, ViewerRole
from socialmap.referrals.errors import AccessDenied
from socialmap.referrals.models import parse_referral
from socialmap.tables import users

from .conftest import TODAY, referral_data

OWNER = Viewer(ViewerRole.COACH, "coach_a", organisation="Welzijn Noord")
COLLEAGUE = Viewer(ViewerRole.COACH, "coach_b", organisation="Welzijn Noord")
OTHER_COACH = Viewer(ViewerRole.COACH, "coach_c", organisation="Welzijn Zuid")
PRACTICE = Viewer(ViewerRole.HUISARTS, "dokter", practice="Praktijk De Linde")
OTHER_PRACTICE = Viewer(ViewerRole.HUISARTS, "dokter2", practice="Praktijk De Eik")
MUNICIPALITY = Viewer(ViewerRole.GEMEENTE, "ambtenaar", municipality="Groningen")
ADMIN = Viewer(ViewerRole.BEHEERDER, "beheer")


@pytest.fixture
def saved(catalogue):
    with transaction(catalogue) as conn:
        return access.create_as(conn, OWNER, parse_referral(referral_data(coach=None)),
                                today=TODAY)


def test_creating_coach_becomes_owner(saved):
    assert saved.coach == "coach_a"


@pytest.mark.parametrize(("viewer", "view", "feedback"), [
    (OWNER, True, True), (COLLEAGUE, True, True), (OTHER_COACH, False, False),
    (PRACTICE, False, True), (OTHER_PRACTICE, False, False), (MUNICIPALITY, False, False),
    (ADMIN, False, False),
])
def test_who_sees_what(catalogue, saved, viewer, view, feedback):
    assert access.can_view(viewer, saved) is view
    assert access.can_edit(viewer, saved) is view
    assert access.can_view_feedback(viewer, saved) is feedback
    with transaction(catalogue) as conn:
        if view:
            assert access.get_as(conn, viewer, saved.id).id == saved.id
            assert [r.id for r in access.list_for_viewer(conn, viewer)] == [saved.id]
        else:
            with pytest.raises(AccessDenied):
                access.get_as(conn, viewer, saved.id)
        if feedback:
            assert "Aantal gesprekken: 4" in access.feedback_as(conn, viewer, saved.id,
                                                                on=TODAY).text
        else:
            with pytest.raises(AccessDenied):
                access.feedback_as(conn, viewer, saved.id, on=TODAY)


@pytest.mark.parametrize("viewer", [PRACTICE, MUNICIPALITY, ADMIN])
def test_no_single_records_for_gps_municipality_or_admin(catalogue, saved, viewer):
    with pytest.raises(AccessDenied), transaction(catalogue) as conn:
        access.list_for_viewer(conn, viewer)


def test_other_organisation_coach_sees_an_empty_list(catalogue, saved):
    with transaction(catalogue) as conn:
        assert access.list_for_viewer(conn, OTHER_COACH) == []


def test_other_coach_cannot_edit_or_take_over(catalogue, saved):
    data = saved.to_input().model_copy(update={"talks": 9})
    with pytest.raises(AccessDenied), transaction(catalogue) as conn:
        access.update_as(conn, OTHER_COACH, saved.id, data, expected_version=1, today=TODAY)
    moved = saved.to_input().model_copy(update={"organisation": "Welzijn Zuid", "coach": "x"})
    with pytest.raises(AccessDenied), transaction(catalogue) as conn:
        access.update_as(conn, COLLEAGUE, saved.id, moved, expected_version=1, today=TODAY)
    with transaction(catalogue) as conn:
        edited = access.update_as(conn, COLLEAGUE, saved.id, data, expected_version=1,
                                  today=TODAY)
    assert edited.talks == 9


def test_practice_sees_feedback_on_its_own_referrals_only(catalogue, saved):
    with transaction(catalogue) as conn:
        access.create_as(conn, OWNER, parse_referral(referral_data(
            practice="Praktijk De Eik", reference="ZD-2")), today=TODAY)
        mine = access.feedback_list_for_practice(conn, PRACTICE, on=TODAY)
        theirs = access.feedback_list_for_practice(conn, OTHER_PRACTICE, on=TODAY)
    assert [f.referral_id for f in mine] == [saved.id]
    assert [f.reference for f in theirs] == ["ZD-2"]
    with pytest.raises(AccessDenied), transaction(catalogue) as conn:
        access.feedback_list_for_practice(conn, OWNER, on=TODAY)


def test_gp_creates_for_own_practice_only(catalogue):
    data = parse_referral(referral_data(coach=None, first_contact_date=None, talks=0,
                                        end_date=None, end_spinnenweb=None, goal_reached=None,
                                        activities=[]))
    with transaction(catalogue) as conn:
        created = access.create_as(conn, PRACTICE, data, today=TODAY)
        assert created.coach is None
        assert access.can_edit(COLLEAGUE, created)
    with pytest.raises(AccessDenied), transaction(catalogue) as conn:
        access.create_as(conn, OTHER_PRACTICE, data, today=TODAY)
    with pytest.raises(AccessDenied), transaction(catalogue) as conn:
        access.create_as(conn, MUNICIPALITY, data, today=TODAY)


def test_municipality_aggregates_are_limited_to_its_own_municipality():
    assert access.aggregate_scope(MUNICIPALITY, None) == "Groningen"
    with pytest.raises(AccessDenied):
        access.aggregate_scope(MUNICIPALITY, "Assen")
    assert access.aggregate_scope(ADMIN, "Assen") == "Assen"


def test_viewer_from_a_stored_user(engine):
    with transaction(engine) as conn:
        conn.execute(insert(users).values(name="coach_z", role="coach", password_hash="x",
                                          created=datetime.now(UTC),
                                          organisation="Welzijn Noord"))
        viewer = access.viewer_for_user(conn, "coach_z")
    assert viewer == Viewer(ViewerRole.COACH, "coach_z", "Welzijn Noord", None)
