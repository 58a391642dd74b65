"""Referral records in the web: the coach's list, record and section forms; the GP's feedback.

Thin views: parse the form (``referral_forms``), call the viewer-scoped domain functions
(``socialmap.referrals.access``) in one transaction, render. A record the viewer may not see
answers 404, so its existence is not revealed.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from sqlalchemy import Connection
from werkzeug.datastructures import MultiDict

from socialmap import store
from socialmap.errors import NotFound, StaleEdit
from socialmap.models import Status
from socialmap.referrals.access import (
    AccessDenied,
    Viewer,
    create_as,
    feedback_as,
    feedback_list_for_practice,
    get_as,
    list_for_viewer,
    update_as,
)
from socialmap.referrals.capacity import load_planning
from socialmap.referrals.errors import ReferralError
from socialmap.referrals.models import AgeBand, Referral
from socialmap.referrals.rules import contact_overdue
from socialmap.store import ActivityFilter

from .accounts import Role
from .auth import role_required
from .referral_forms import (
    NEW_ACTIVITY,
    SECTIONS,
    SectionForm,
    form_values,
    gp_prefill,
    parse_gp_referral,
    parse_section,
)
from .referral_support import (
    before_after_rows,
    before_after_svg,
    coach_organisations,
    current_viewer,
    provider_response_for,
    today,
    usual_municipality,
)
from .state import get_state

bp = Blueprint("referrals", __name__)
FEEDBACK_PAGE_SIZE = 20
SEARCH_LIMIT = 10


@bp.app_context_processor
def _template_helpers() -> dict[str, Any]:
    return {"provider_response_for": provider_response_for}


def _max_days() -> int:
    return int(load_planning().first_contact_max_days.value)


def _overdue(referral: Referral) -> bool:
    return contact_overdue(referral, today=today(), max_days=_max_days())


def _get(conn: Connection, viewer: Viewer, referral_id: int) -> Referral:
    try:
        return get_as(conn, viewer, referral_id)
    except (AccessDenied, NotFound):
        abort(404)


@bp.get("/coach/verwijzingen")
@role_required(Role.COACH)
def coach_list() -> Any:
    """Own and same-organisation referrals; first contacts past the agreed days first."""
    status = request.args.get("status", "open")
    with get_state().engine.connect() as conn:
        viewer = current_viewer(conn)
        try:
            rows = list_for_viewer(conn, viewer)
        except AccessDenied:
            abort(403)
    if status == "open":
        rows = [r for r in rows if r.end_date is None]
    elif status == "afgesloten":
        rows = [r for r in rows if r.end_date is not None]
    waiting = [r for r in rows if r.first_contact_date is None and _overdue(r)]
    rest = [r for r in rows if r not in waiting]
    return render_template("referrals/list.html", rows=waiting + rest, waiting=len(waiting),
                           overdue={r.id for r in rows if _overdue(r)}, status=status,
                           viewer=viewer, max_days=_max_days())


def _defaults(conn: Connection, viewer: Viewer) -> tuple[MultiDict[str, str], list[str]]:
    """A new form's defaults: today, the organisation's usual municipality, known practices."""
    known = list_for_viewer(conn, viewer)
    places = Counter(r.municipality for r in known)
    form = MultiDict({"verwijsdatum": today().isoformat(), "route": "welzijn_op_recept",
                      "gemeente": places.most_common(1)[0][0] if places else ""})
    return form, sorted({r.practice for r in known})


def _edit_page(section: str, form: MultiDict[str, str], errors: dict[str, str], *,
               referral: Referral | None, viewer: Viewer, practices: list[str] | None = None,
               message: str | None = None, status: int = 200,
               found: list[Any] | None = None) -> Any:
    return render_template(
        "referrals/edit.html", section=section, title=SECTIONS[section], form=form,
        errors=errors, referral=referral, viewer=viewer, practices=practices or [],
        age_bands=list(AgeBand), message=message, found=found,
        search=request.args.get("zoek", ""),
    ), status


def _create(viewer: Viewer, parsed: SectionForm) -> Referral | None:
    """Save a valid new referral as ``viewer``; None if invalid (the errors are on ``parsed``)."""
    if parsed.referral is None or parsed.errors:
        return None
    try:
        with get_state().engine.begin() as conn:
            return create_as(conn, viewer, parsed.referral, today=today())
    except ReferralError as exc:
        parsed.add_details(list(exc.details))
        return None


@bp.route("/coach/verwijzingen/nieuw", methods=["GET", "POST"])
@role_required(Role.COACH)
def new() -> Any:
    """Record a new referral on receipt: who, which complaints, when (no personal data)."""
    engine = get_state().engine
    with engine.connect() as conn:
        viewer = current_viewer(conn)
        if viewer.organisation is None:
            abort(403)
        defaults, practices = _defaults(conn, viewer)
    if request.method == "GET":
        return _edit_page("wie", defaults, {}, referral=None, viewer=viewer, practices=practices)
    parsed = parse_section("wie", request.form, {"organisation": viewer.organisation})
    created = _create(viewer, parsed)
    if created is not None:
        flash("De verwijzing is opgeslagen. Vul na het eerste gesprek de intake in.")
        return redirect(url_for("referrals.record", referral_id=created.id))
    return _edit_page("wie", request.form, parsed.errors, referral=None, viewer=viewer,
                      practices=practices, status=400)


@bp.get("/coach/verwijzingen/<int:referral_id>")
@role_required(Role.COACH)
def record(referral_id: int) -> Any:
    """The whole record in four parts, the spinnenweb before/after and the feedback text."""
    with get_state().engine.connect() as conn:
        viewer = current_viewer(conn)
        referral = _get(conn, viewer, referral_id)
        feedback = feedback_as(conn, viewer, referral_id, on=today())
        responses = {a.activity_id: provider_response_for(a.activity_id)
                     for a in referral.activities}
    return render_template(
        "referrals/record.html", r=referral, feedback=feedback, sections=SECTIONS,
        overdue=_overdue(referral), max_days=_max_days(), responses=responses,
        chart=before_after_svg(referral.intake_spinnenweb, referral.end_spinnenweb),
        chart_rows=before_after_rows(referral.intake_spinnenweb, referral.end_spinnenweb),
    )


def _resolve_activity(conn: Connection, text: str) -> tuple[str | None, str | None]:
    """An activity id from an id or an exact name, or an error when the name is ambiguous.

    Anything else is passed on as an id, so the domain refuses it as unknown.
    """
    text = text.strip()[:200]
    if not text or store.find_activity(conn, text) is not None:
        return text or None, None
    active = ActivityFilter(status=Status.ACTIEF, search=text)
    named = [a for a in store.list_activities(conn, active, limit=20)
             if a.name.casefold() == text.casefold()]
    if len(named) > 1:
        return None, (f"Activiteit: er zijn {len(named)} activiteiten met deze naam "
                      f"({', '.join(a.id for a in named)}); kies er een via Zoeken.")
    return (named[0].id if named else text), None


def _search(conn: Connection, section: str) -> list[Any] | None:
    query = request.args.get("zoek", "").strip()[:200]
    if section != "activiteiten" or not query:
        return None
    return store.list_activities(conn, ActivityFilter(status=Status.ACTIEF, search=query),
                                 limit=SEARCH_LIMIT)


def _version() -> int:
    raw = request.form.get("versie", "")
    if not raw.isdigit():
        abort(400)
    return int(raw)


@bp.route("/coach/verwijzingen/<int:referral_id>/<section>", methods=["GET", "POST"])
@role_required(Role.COACH)
def edit(referral_id: int, section: str) -> Any:
    """Edit one section; the form carries the version, a stale save shows the conflict."""
    if section not in SECTIONS:
        abort(404)
    engine = get_state().engine
    with engine.connect() as conn:
        viewer = current_viewer(conn)
        referral = _get(conn, viewer, referral_id)
        found = _search(conn, section)
        new_activity, ambiguous = _resolve_activity(
            conn, request.form.get("voeg_toe") or request.form.get(NEW_ACTIVITY, ""))
    if request.method == "GET":
        return _edit_page(section, form_values(section, referral), {}, referral=referral,
                          viewer=viewer, found=found)
    version = _version()
    base = referral.to_input().model_dump(mode="python")
    parsed = parse_section(section, request.form, base, new_activity=new_activity)
    if ambiguous:
        parsed.errors[NEW_ACTIVITY] = ambiguous
    message, status = None, 400
    if parsed.ok:
        try:
            with engine.begin() as conn:
                update_as(conn, viewer, referral_id, parsed.referral,  # type: ignore[arg-type]
                          expected_version=version, today=today())
        except StaleEdit as exc:
            message, status = exc.message, 409
        except AccessDenied:
            abort(404)
        except ReferralError as exc:
            parsed.add_details(list(exc.details))
        else:
            flash("De wijziging is opgeslagen.")
            return redirect(url_for("referrals.record", referral_id=referral_id))
    return _edit_page(section, request.form, parsed.errors,
                      referral=referral, viewer=viewer, message=message, status=status,
                      found=found)


def _gp_page(form: MultiDict[str, str], errors: dict[str, str], *, viewer: Viewer,
             organisations: list[str], status: int = 200) -> Any:
    return render_template("referrals/gp_new.html", form=form, errors=errors, viewer=viewer,
                           organisations=organisations, age_bands=list(AgeBand)), status


@bp.route("/huisarts/verwijzing/nieuw", methods=["GET", "POST"])
@role_required(Role.HUISARTS)
def gp_new() -> Any:
    """A GP records a referral from the triage answer, for its own practice (no personal data).

    The answer page passes only complaint ids, the route and the age band in the query string.
    """
    engine = get_state().engine
    with engine.connect() as conn:
        viewer = current_viewer(conn)
        if viewer.practice is None:
            return _gp_page(MultiDict(), {}, viewer=viewer, organisations=[], status=403)
        organisations = coach_organisations(conn)
        municipality = usual_municipality(conn, viewer.practice)
    if request.method == "GET":
        form = gp_prefill(request.args, referral_date=today().isoformat(),
                          municipality=municipality)
        return _gp_page(form, {}, viewer=viewer, organisations=organisations)
    parsed = parse_gp_referral(request.form, practice=viewer.practice)
    created = _create(viewer, parsed)
    if created is not None:
        return redirect(url_for("referrals.gp_created", organisatie=created.organisation))
    return _gp_page(request.form, parsed.errors, viewer=viewer, organisations=organisations,
                    status=400)


@bp.get("/huisarts/verwijzing/vastgelegd")
@role_required(Role.HUISARTS)
def gp_created() -> Any:
    """The confirmation after a GP recorded a referral (organisation name from the query)."""
    organisation = request.args.get("organisatie", "").strip()[:100]
    return render_template("referrals/gp_created.html", organisation=organisation)


@bp.get("/huisarts/terugkoppeling")
@role_required(Role.HUISARTS)
def gp_feedback() -> Any:
    """The feedback texts on the referrals of the GP's own practice only."""
    page = request.args.get("pagina", "1")
    page_no = max(1, min(int(page), 10_000)) if page.isdigit() else 1
    with get_state().engine.connect() as conn:
        viewer = current_viewer(conn)
        if viewer.practice is None:
            return render_template("referrals/feedback.html", items=[], viewer=viewer,
                                   page=1, pages=1, total=0), 403
        items = feedback_list_for_practice(conn, viewer, on=today())
    pages = max(1, -(-len(items) // FEEDBACK_PAGE_SIZE))
    shown = items[(page_no - 1) * FEEDBACK_PAGE_SIZE: page_no * FEEDBACK_PAGE_SIZE]
    return render_template("referrals/feedback.html", items=shown, viewer=viewer,
                           page=min(page_no, pages), pages=pages, total=len(items))
