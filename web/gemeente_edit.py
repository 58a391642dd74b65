"""Creating and editing activities, pausing and deactivating them, and their audit history.

An edit is based on the version the form was loaded with: a stale save (someone else saved in
between) is refused with 409 and shows both versions side by side; nothing is overwritten.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask import flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from socialmap import reports, store
from socialmap.errors import StaleEdit
from socialmap.models import DAY_NAMES, Activity, ActivityIn, Status
from socialmap.vocabulary import load_vocabulary

from .accounts import Role
from .auth import role_required
from .gemeente import back_to, bp, form_version, user_name
from .gemeente_forms import (
    LABELS,
    ActivityForm,
    differences,
    empty_values,
    form_values,
    read_activity_form,
)
from .state import get_state
from .templating import dutch_date

TIMEZONE = ZoneInfo("Europe/Amsterdam")
ACTIONS = {
    "create": "aangemaakt", "update": "gewijzigd", "verify": "gecontroleerd: klopt nog",
    "import": "bijgewerkt door een import", "replace": "bijgewerkt door een import (vervangen)",
}
#: Model fields in the audit log -> Dutch words.
MODEL_FIELDS = {
    "name": "naam", "description": "omschrijving", "organisation": "organisatie",
    "dimensions": "dimensies", "complaints": "doelgroepen", "location": "locatie",
    "online": "online", "cost": "kosten", "schedule": "wanneer en dagen",
    "signup": "aanmelden", "age_min": "leeftijd vanaf", "age_max": "leeftijd tot en met",
    "wheelchair": "rolstoeltoegankelijk", "languages": "talen", "contact": "contactgegevens",
    "last_verified": "laatst gecontroleerd", "status": "status",
    "suggested_dimensions": "voorgestelde dimensies",
    "suggested_complaints": "voorgestelde doelgroepen", "id": "id",
}
STATUS_ACTIONS = {
    Status.GEPAUZEERD: "gepauzeerd", Status.INACTIEF: "gedeactiveerd",
    Status.ACTIEF: "weer actief gemaakt",
}


def _when(value: datetime) -> str:
    local = value.astimezone(TIMEZONE)
    return f"{dutch_date(local)}, {local:%H:%M}"


def history(activity_id: str) -> list[dict[str, Any]]:
    """The audit entries of one activity, newest first, ready to show."""
    with get_state().engine.connect() as conn:
        entries = store.list_audit(conn, entity_id=activity_id, limit=50)
    rows = []
    for entry in entries:
        if entry["entity"] != "activity":
            continue
        fields = [] if entry["action"] == "create" else [
            MODEL_FIELDS.get(k, k) for k in entry["changes"]]
        rows.append({"at": _when(entry["at"]), "user": entry["user"],
                     "action": ACTIONS.get(entry["action"], entry["action"]),
                     "fields": fields})
    return rows


def _render(template_args: dict[str, Any], status: int = 200) -> tuple[str, int]:
    vocab = load_vocabulary()
    args = {"errors": {}, "summary": {}, "warnings": [], "conflict": None, "labels": LABELS,
            "dimension_options": [(t.id, t.label) for t in vocab.dimensions.terms],
            "complaint_options": [(t.id, t.label) for t in vocab.complaints.terms],
            "day_options": list(DAY_NAMES.items()), **template_args}
    return render_template("gemeente/form.html", **args), status


def _render_form(form: ActivityForm, status: int = 400, **extra: Any) -> tuple[str, int]:
    return _render({"values": form.values, "errors": form.errors, "summary": form.summary(),
                    "warnings": form.warnings, **extra}, status)


def _edit_context(activity: Activity) -> dict[str, Any]:
    with get_state().engine.connect() as conn:
        open_reports = reports.open_reports(conn, activity.id)
    return {"activity": activity, "history": history(activity.id), "reports": open_reports}


@bp.route("/nieuw", methods=["GET", "POST"])
@role_required(Role.GEMEENTE)
def new() -> Any:
    """Add an activity to the sociale kaart."""
    if request.method == "GET":
        return _render({"values": empty_values(), "activity": None, "verified": True})
    verified = request.form.get("gecontroleerd") == "ja"
    form = read_activity_form(request.form, verified_today=verified)
    if form.activity is None:
        return _render_form(form, activity=None, verified=verified)
    try:
        with get_state().engine.begin() as conn:
            created = store.create_activity(conn, form.activity, user=user_name())
    except StaleEdit:
        form.errors["id"] = ("Er bestaat al een activiteit met dit id (of met dezelfde naam, "
                             "organisatie en postcode). Kies een ander id of pas de andere "
                             "activiteit aan.")
        return _render_form(form, activity=None, verified=verified)
    _flash_saved(f"'{created.name}' is toegevoegd aan de sociale kaart.", form)
    return redirect(url_for("gemeente.edit", activity_id=created.id))


def _flash_saved(message: str, form: ActivityForm) -> None:
    flash(message)
    for warning in form.warnings:
        flash(f"Let op: {warning}")


@bp.route("/activiteit/<activity_id>/bewerken", methods=["GET", "POST"])
@role_required(Role.GEMEENTE)
def edit(activity_id: str) -> Any:
    """Edit an activity; a stale save shows the conflict (409) and overwrites nothing."""
    with get_state().engine.connect() as conn:
        activity = store.get_activity(conn, activity_id)
    if request.method == "GET":
        return _render({"values": form_values(activity), "version": activity.version,
                        **_edit_context(activity)})
    version = form_version()
    form = read_activity_form(request.form, existing=activity)
    yours = form.activity
    if yours is None:
        return _render_form(form, version=version, **_edit_context(activity))
    try:
        with get_state().engine.begin() as conn:
            store.update_activity(conn, yours, expected_version=version, user=user_name())
    except StaleEdit as exc:
        return _conflict(activity_id, yours, exc)
    _flash_saved(f"De wijzigingen in '{yours.name}' zijn opgeslagen.", form)
    return redirect(url_for("gemeente.edit", activity_id=activity_id))


def _conflict(activity_id: str, yours: ActivityIn, exc: StaleEdit) -> tuple[str, int]:
    """Their (stored) version in the form, with a side-by-side table of what differs."""
    with get_state().engine.connect() as conn:
        current = store.get_activity(conn, activity_id)
    conflict = {"message": exc.message, "rows": differences(current, yours)}
    return _render({"values": form_values(current), "version": current.version,
                    "conflict": conflict, **_edit_context(current)}, 409)


@bp.post("/activiteit/<activity_id>/status")
@role_required(Role.GEMEENTE)
def set_status(activity_id: str) -> Response:
    """Pause, deactivate or reactivate an activity (version-checked, audited)."""
    raw = request.form.get("status", "")
    if raw not in Status._value2member_map_:
        return redirect(url_for("gemeente.edit", activity_id=activity_id))
    status = Status(raw)
    with get_state().engine.begin() as conn:
        activity = store.set_status(conn, activity_id, status, expected_version=form_version(),
                                    user=user_name())
    flash(f"'{activity.name}' is {STATUS_ACTIONS[status]}.")
    return back_to(url_for("gemeente.edit", activity_id=activity_id))
