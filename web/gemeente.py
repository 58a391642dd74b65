"""The gemeente pages: keeping the sociale kaart (login with role gemeente or beheerder).

This module holds the blueprint, the catalogue list and the review queue with its actions.
Editing (:mod:`.gemeente_edit`), uploads (:mod:`.gemeente_import`), exports
(:mod:`.gemeente_export`) and the coverage view (:mod:`.gemeente_coverage`) add their routes to
the same blueprint; they are imported at the bottom.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from socialmap import reports, store
from socialmap.errors import CatalogueError
from socialmap.models import ActivityIn, Status
from socialmap.store import ActivityFilter

from .accounts import Role
from .auth import current_user, role_required
from .review import review_queue
from .state import get_state

bp = Blueprint("gemeente", __name__, url_prefix="/gemeente")
PAGE_SIZE = 50


def user_name() -> str:
    """The logged-in user's name, for the audit log."""
    user = current_user()
    if user is None:  # role_required runs first; this is a programming error
        abort(401)
    return user.name


def form_version() -> int:
    """The ``version`` a form was based on; a missing or malformed one is a bad request."""
    raw = request.form.get("version", "")
    if not raw.isdigit() or len(raw) > 9:
        abort(400)
    return int(raw)


def back_to(default: str) -> Response:
    """Redirect to the form's ``terug`` when it is a gemeente page, else to ``default``."""
    target = request.form.get("terug", "")
    ok = target.startswith("/gemeente") and not target.startswith("//") and "\\" not in target
    return redirect(target if ok else default)


def _filter(args: Any) -> ActivityFilter:
    status = args.get("status", "")
    classified = {"ja": True, "nee": False}.get(args.get("ingedeeld", ""))
    return ActivityFilter(
        status=Status(status) if status in Status._value2member_map_ else None,
        classified=classified,
        municipality=args.get("gemeente", "").strip()[:200] or None,
        search=args.get("zoek", "").strip()[:200] or None,
    )


def _page(args: Any) -> int:
    raw = args.get("pagina", "1")
    return max(1, min(int(raw), 10_000)) if raw.isdigit() else 1


@bp.get("")
@role_required(Role.GEMEENTE)
def catalogue() -> str:
    """List, search and filter the catalogue."""
    flt = _filter(request.args)
    page = _page(request.args)
    with get_state().engine.connect() as conn:
        total = store.count_activities(conn, flt)
        items = store.list_activities(conn, flt, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        open_reports = reports.count_open_reports(conn)
    return render_template(
        "gemeente/catalogue.html", items=items, total=total, page=page,
        pages=max(1, -(-total // PAGE_SIZE)), form=request.args, statuses=list(Status),
        open_reports=open_reports,
    )


@bp.get("/controle")
@role_required(Role.GEMEENTE)
def review() -> str:
    """The review queue: stale, unclassified, without location, reported, likely duplicates."""
    months = get_state().settings.stale_months
    with get_state().engine.connect() as conn:
        queue = review_queue(conn, stale_months=months)
    return render_template("gemeente/review.html", queue=queue, months=months)


@bp.post("/melding/<int:report_id>/afhandelen")
@role_required(Role.GEMEENTE)
def close_report(report_id: int) -> Response:
    """Mark an error report as handled (audited with the user)."""
    with get_state().engine.begin() as conn:
        reports.close_report(conn, report_id, user=user_name())
    flash("De melding is afgehandeld.")
    return back_to(url_for("gemeente.review") + "#meldingen")


@bp.post("/activiteit/<activity_id>/gecontroleerd")
@role_required(Role.GEMEENTE)
def verify(activity_id: str) -> Response:
    """'Gecontroleerd: klopt nog': set last_verified to today (audited with the user)."""
    with get_state().engine.begin() as conn:
        activity = store.verify_activity(conn, activity_id, user=user_name())
    flash(f"'{activity.name}' is gemarkeerd als gecontroleerd: de gegevens kloppen nog.")
    return back_to(url_for("gemeente.edit", activity_id=activity_id))


@bp.post("/activiteit/<activity_id>/voorstel-overnemen")
@role_required(Role.GEMEENTE)
def accept_suggestions(activity_id: str) -> Response:
    """Classify an activity with its suggested dimensions (and complaint categories)."""
    version = form_version()
    with get_state().engine.begin() as conn:
        old = store.get_activity(conn, activity_id)
        if not old.suggested_dimensions:
            raise CatalogueError("Voor deze activiteit is geen voorstel; deel haar zelf in via "
                                 "Bewerken.")
        new = ActivityIn.model_validate(old.model_dump(include=set(ActivityIn.model_fields)))
        new = new.model_copy(update={
            "dimensions": old.suggested_dimensions,
            "complaints": old.complaints or old.suggested_complaints})
        store.update_activity(conn, new, expected_version=version, user=user_name())
    flash(f"'{old.name}' is ingedeeld volgens het voorstel.")
    return back_to(url_for("gemeente.review") + "#classificeren")


# The other gemeente pages add their routes to ``bp`` (Flask's pattern for views in modules).
from . import (  # noqa: E402
    gemeente_coverage,  # noqa: F401
    gemeente_edit,  # noqa: F401
    gemeente_export,  # noqa: F401
    gemeente_import,  # noqa: F401
)
