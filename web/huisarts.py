"""The GP page: "Past Welzijn op Recept?" One form, one answer; nothing is stored or logged."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request

from matcher.errors import MatchError
from triage.errors import TriageError

from . import domain
from .forms import triage_form
from .highlight import note_segments
from .referral_forms import age_band_for

bp = Blueprint("huisarts", __name__, url_prefix="/huisarts")
TEASER_SIZE = 3


@bp.get("")
def form() -> str:
    """The empty GP form."""
    return render_template("huisarts/page.html", form=request.form, errors={}, decision=None)


@bp.post("")
def answer() -> tuple[str, int] | str:
    """Decide on the submitted form and show the advice next to the (kept) form."""
    parsed = triage_form(request.form)
    if not parsed.ok:
        return render_template("huisarts/page.html", form=request.form, errors=parsed.errors,
                               decision=None), 400
    try:
        decision = domain.decide(parsed.request)
    except TriageError as exc:
        errors = {str(d.get("field")): str(d.get("message")) for d in exc.details}
        return render_template("huisarts/page.html", form=request.form, errors=errors,
                               summary_message=exc.message, decision=None), 400
    note = parsed.extra["note"]
    return render_template(
        "huisarts/page.html", form=request.form, errors={}, decision=decision,
        segments=note_segments(note, decision, parsed.extra["struck"]),
        teaser=_teaser(decision, parsed.request, parsed.extra["postcode"]),
        postcode=parsed.extra["postcode"], age_band=age_band_for(parsed.request.get("age")),
    )


def _teaser(decision: Any, triage_request: dict[str, Any], postcode: str | None) -> list[Any]:
    """A few activities near the patient's postcode that fit the complaints."""
    if not postcode or not decision.fits_wor:
        return []
    body: dict[str, Any] = {"postcode": postcode, "complaints": decision.complaints,
                            "limit": TEASER_SIZE}
    if triage_request.get("age") is not None:
        body["age"] = triage_request["age"]
    if triage_request.get("spinnenweb"):
        body["spinnenweb"] = triage_request["spinnenweb"]
    try:
        return list(domain.match(body)["results"])
    except MatchError:
        return []
