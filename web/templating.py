"""Template globals and filters: the current user, vocabulary labels, Dutch formatting."""

from __future__ import annotations

from datetime import date, datetime

from flask import Flask

from socialmap.models import DAY_NAMES
from socialmap.vocabulary import load_vocabulary

from .accounts import Role
from .auth import current_user


def dutch_date(value: date | datetime | None) -> str:
    """``3 maart 2025`` (or 'onbekend')."""
    if value is None:
        return "onbekend"
    months = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december")
    return f"{value.day} {months[value.month - 1]} {value.year}"


def km(value: float | None) -> str:
    """``1,2 km`` (or an empty string when unknown)."""
    if value is None:
        return ""
    return f"{value:.1f} km".replace(".", ",")


def _labels(kind: str) -> dict[str, str]:
    vocab = load_vocabulary()
    terms = getattr(vocab, kind)
    return {t.id: t.label for t in terms.terms}


def init_templating(app: Flask) -> None:
    """Register globals and filters for the templates."""
    vocab = load_vocabulary()
    app.jinja_env.globals.update(
        current_user=current_user,
        Role=Role,
        vocab=vocab,
        dimension_labels=_labels("dimensions"),
        complaint_labels=_labels("complaints"),
        signal_labels=_labels("signals"),
        route_labels=_labels("routes"),
        day_names=DAY_NAMES,
    )
    app.jinja_env.filters.update(dutch_date=dutch_date, km=km)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
