"""Glue between the web accounts and the referral domain: viewers, workplaces, demo, charts.

Where someone works lives in the ``users`` table: ``organisation`` for a coach (the
welzijnsorganisatie), ``practice`` for a GP. A gemeente account keeps its municipality in the
``organisation`` column (the municipality is its organisation); it then sees only that one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from markupsafe import Markup, escape
from sqlalchemy import Connection, Engine, func, select, update

from socialmap.referrals import demo as referral_demo
from socialmap.referrals.access import Viewer, ViewerRole, viewer_for_user
from socialmap.referrals.outcomes import ProviderResponse, provider_response
from socialmap.tables import referrals, users
from socialmap.vocabulary import load_vocabulary

from .accounts import AccountError, Role
from .auth import current_user
from .state import get_state


def today() -> date:
    """Today's date (one place, so the views agree)."""
    return date.today()


def viewer_of(conn: Connection, name: str) -> Viewer:
    """The referral viewer of a stored account (gemeente: municipality from ``organisation``)."""
    viewer = viewer_for_user(conn, name)
    if viewer.role is ViewerRole.GEMEENTE:
        return replace(viewer, municipality=viewer.organisation, organisation=None)
    return viewer


def current_viewer(conn: Connection) -> Viewer:
    """The viewer of the logged-in user (the views are behind ``role_required``)."""
    user = current_user()
    if user is None:  # pragma: no cover - guarded by role_required
        raise AccountError("niet ingelogd")
    return viewer_of(conn, user.name)


def coach_organisations(conn: Connection) -> list[str]:
    """The welzijnsorganisaties of the coach accounts, to choose from on a GP referral."""
    rows = conn.execute(select(users.c.organisation).distinct()
                        .where(users.c.role == Role.COACH.value,
                               users.c.organisation.is_not(None)))
    return sorted(r.organisation for r in rows if r.organisation.strip())


def usual_municipality(conn: Connection, practice: str) -> str:
    """The municipality most referrals of a practice were recorded in ("" if none yet)."""
    count = func.count(referrals.c.id)
    row = conn.execute(select(referrals.c.municipality, count)
                       .where(referrals.c.practice == practice)
                       .group_by(referrals.c.municipality)
                       .order_by(count.desc(), referrals.c.municipality).limit(1)).first()
    return "" if row is None else str(row.municipality)


def set_workplace(conn: Connection, name: str, *, organisation: str | None = None,
                  practice: str | None = None, municipality: str | None = None) -> None:
    """Record where an account works; each option fits one role only."""
    row = conn.execute(select(users.c.role).where(users.c.name == name)).first()
    if row is None:
        raise AccountError(f"er bestaat geen account met de naam '{name}'")
    role = Role(row.role)
    allowed = {Role.COACH: "organisation", Role.HUISARTS: "practice",
               Role.GEMEENTE: "municipality"}.get(role)
    given = {k: v for k, v in (("organisation", organisation), ("practice", practice),
                                ("municipality", municipality)) if v}
    wrong = [k for k in given if k != allowed]
    if wrong:
        raise AccountError(f"--{wrong[0]} past niet bij rol {role.value}"
                           + (f"; gebruik --{allowed}" if allowed else ""))
    values = {"practice": given["practice"]} if "practice" in given else {}
    if given.keys() & {"organisation", "municipality"}:
        values["organisation"] = given.get("organisation") or given["municipality"]
    if values:
        conn.execute(update(users).where(users.c.name == name).values(**values))


def prepare_demo_referrals(engine: Engine, echo: Callable[[str], None]) -> None:
    """Store the demo referrals once and give the demo accounts matching workplaces."""
    with engine.begin() as conn:
        added = referral_demo.load_demo(conn, today=today())
        municipality = conn.execute(
            select(referrals.c.municipality)
            .where(referrals.c.reference.like(f"{referral_demo.DEMO_PREFIX}%")).limit(1)
        ).scalar()
        for name, options in (
            ("demo-coach", {"organisation": referral_demo.ORGANISATION}),
            ("demo-huisarts", {"practice": referral_demo.PRACTICES[0]}),
            ("demo-gemeente", {"municipality": municipality}),
        ):
            found = conn.execute(select(users.c.name).where(users.c.name == name)).first()
            if found is not None and all(options.values()):
                set_workplace(conn, name, **options)  # type: ignore[arg-type]
    if added:
        echo(f"Demo-verwijzingen geladen: {added} (gemeente {municipality}).")


def provider_response_for(activity_id: str) -> ProviderResponse | None:
    """The provider response line of an activity, for logged-in professionals only."""
    user = current_user()
    if user is None or user.role is Role.HUISARTS:
        return None
    with get_state().engine.connect() as conn:
        return provider_response(conn, activity_id)


def _score(value: float | None) -> str:
    return "-" if value is None else f"{value:g}".replace(".", ",")


def before_after_svg(intake: dict[str, float] | None, end: dict[str, float] | None) -> Markup:
    """One resident's spinnenweb at intake and at the end: a dot per score on a 0-10 line."""
    terms = load_vocabulary().dimensions.terms
    left, span, row_h, top = 200, 380, 30, 16
    height = top + row_h * len(terms) + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 {height}" '
             'role="img" aria-labelledby="voor-na-titel" class="before-after">',
             '<title id="voor-na-titel">Spinnenweb bij intake en aan het eind, zoals de '
             'inwoner het zelf ziet (0-10)</title>']
    for i, term in enumerate(terms):
        y = top + i * row_h + 10
        a, b = (intake or {}).get(term.id), (end or {}).get(term.id)
        parts.append(f'<text x="{left - 8}" y="{y + 4}" text-anchor="end" font-size="12" '
                     f'font-family="sans-serif">{escape(term.label)}</text>')
        parts.append(f'<line x1="{left}" y1="{y}" x2="{left + span}" y2="{y}" stroke="#ddd"/>')
        if a is not None and b is not None:
            parts.append(f'<line x1="{left + span * a / 10:.1f}" y1="{y}" '
                         f'x2="{left + span * b / 10:.1f}" y2="{y}" stroke="#888" '
                         'stroke-width="3"/>')
        for value, colour in ((a, "#e07a1f"), (b, "#1f6f8b")):
            if value is not None:
                parts.append(f'<circle cx="{left + span * value / 10:.1f}" cy="{y}" r="6" '
                             f'fill="{colour}"/>')
    legend_y = height - 8
    parts += [f'<text x="{left}" y="{legend_y}" font-size="11" font-family="sans-serif">0</text>',
              f'<text x="{left + span}" y="{legend_y}" font-size="11" text-anchor="end" '
              'font-family="sans-serif">10</text>',
              f'<circle cx="{left + 60}" cy="{legend_y - 4}" r="5" fill="#e07a1f"/>',
              f'<text x="{left + 70}" y="{legend_y}" font-size="11" '
              'font-family="sans-serif">intake</text>',
              f'<circle cx="{left + 140}" cy="{legend_y - 4}" r="5" fill="#1f6f8b"/>',
              f'<text x="{left + 150}" y="{legend_y}" font-size="11" '
              'font-family="sans-serif">eind</text>', "</svg>"]
    return Markup("".join(parts))


def before_after_rows(intake: dict[str, float] | None,
                      end: dict[str, float] | None) -> list[tuple[str, str, str, str]]:
    """The numbers beside the chart: dimension, intake, end, change."""
    rows = []
    for term in load_vocabulary().dimensions.terms:
        a, b = (intake or {}).get(term.id), (end or {}).get(term.id)
        change = "-" if a is None or b is None else (("+" if b > a else "") + _score(b - a))
        rows.append((term.label, _score(a), _score(b), change))
    return rows
