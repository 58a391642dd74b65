"""The welzijnscoach pages: spinnenweb and filters, results, the shortlist and the handout."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from socialmap import store

from . import domain, shortlist
from .charts import describe, spinnenweb_svg
from .forms import DISTANCES_KM, match_form
from .state import get_state

bp = Blueprint("coach", __name__, url_prefix="/coach")
SHOWN = 20


@bp.get("")
def search() -> Any:
    """The search form; with ``zoeken`` in the query string also the results."""
    parsed = match_form(request.args, limit=SHOWN)
    scores = parsed.request.get("spinnenweb", {})
    answer = None
    if "zoeken" in request.args and parsed.ok:
        answer = domain.match_answer(parsed.request)
    status = 400 if "zoeken" in request.args and not parsed.ok else 200
    text = describe(scores)
    return render_template(
        # A plain dict: the page looks up some thirty fields, most of them absent, and a
        # MultiDict raises (and catches) a KeyError for each absent one.
        "coach/search.html", form=request.args.to_dict(), errors=parsed.errors,
        results=None if answer is None else answer.results,
        total=0 if answer is None else answer.total_candidates,
        chart=spinnenweb_svg(scores, text=text), chart_text=text,
        distances=DISTANCES_KM, shortlist_ids=shortlist.ids(),
    ), status


def _back() -> str:
    target = request.form.get("terug", "")
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("coach.handout")


@bp.post("/lijst")
def add_to_shortlist() -> BaseResponse:
    """Put an activity on the shortlist (kept in the session: ids only)."""
    activity_id = request.form.get("id", "")[:200]
    with get_state().engine.connect() as conn:
        activity = store.get_activity(conn, activity_id)
    if shortlist.add(activity.id):
        flash(f"'{activity.name}' staat op de lijst voor het welzijnsrecept.")
    else:
        flash(f"De lijst is vol (hoogstens {shortlist.MAX_ITEMS}). Haal eerst iets weg.")
    return redirect(_back())


@bp.post("/lijst/weg")
def remove_from_shortlist() -> BaseResponse:
    """Take an activity off the shortlist (or empty it with ``alles``)."""
    if request.form.get("alles"):
        shortlist.clear()
        flash("De lijst is leeg.")
    else:
        shortlist.remove(request.form.get("id", ""))
        flash("De activiteit is van de lijst gehaald.")
    return redirect(_back())


@bp.get("/recept")
def handout() -> str:
    """The shortlist as a one-page A4 welzijnsrecept for the resident (print stylesheet)."""
    with get_state().engine.connect() as conn:
        items = shortlist.activities(conn)
    return render_template("coach/handout.html", items=items, text=shortlist.plain_text(items),
                           where=shortlist.where_text, when=shortlist.when_text)


@bp.get("/recept.txt")
def handout_text() -> Response:
    """The shortlist as plain text (for e-mail or chat)."""
    with get_state().engine.connect() as conn:
        items = shortlist.activities(conn)
    return Response(shortlist.plain_text(items), mimetype="text/plain",
                    headers={"Content-Disposition": "inline; filename=welzijnsrecept.txt"})
