"""The page of one activity, for everyone, with "Meld een fout"."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for

from socialmap import reports, store
from socialmap.errors import CatalogueError

from . import shortlist
from .security import client_ip
from .shortlist import when_text, where_text
from .state import get_state

bp = Blueprint("activity", __name__)


def _render(activity_id: str, errors: dict[str, str] | None = None, status: int = 200) -> Any:
    with get_state().engine.connect() as conn:
        activity = store.get_activity(conn, activity_id)
    return render_template(
        "activity/detail.html", activity=activity, errors=errors or {}, form=request.form,
        where=where_text(activity), when=when_text(activity),
        on_shortlist=activity.id in shortlist.ids(),
    ), status


@bp.get("/activiteit/<activity_id>")
def detail(activity_id: str) -> Any:
    """All details of one activity, how to join, and the error report form."""
    return _render(activity_id)


@bp.post("/activiteit/<activity_id>/meld-een-fout")
def report(activity_id: str) -> Any:
    """Store an error report for the gemeente's review queue (no login, throttled per IP)."""
    limiter = get_state().report_limiter
    key = f"ip:{client_ip()}"
    if limiter.blocked(key):
        abort(429)
    message = request.form.get("melding", "")
    contact = request.form.get("contact", "")
    try:
        with get_state().engine.begin() as conn:
            reports.add_report(conn, activity_id, message, contact or None)
    except CatalogueError as exc:
        if exc.details and exc.details[0].get("field") == "message":
            return _render(activity_id, {"melding": exc.message}, 400)
        raise
    limiter.hit(key)
    flash("Dank u wel. Uw melding is doorgegeven aan de gemeente.")
    return redirect(url_for("activity.detail", activity_id=activity_id) + "#meld-een-fout")
