"""Template globals and filters: the current user, vocabulary labels, Dutch formatting.

``url_for`` in templates remembers the links it built: a relative link depends only on the
endpoint, its values and the script root, and pages build the same few dozen links every time.
Only links whose values all go into the path (an activity's or a referral's id) are remembered:
a query string can carry what a user typed (a postcode, search words, the page to return to),
and nothing a user types is kept.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from flask import Flask, current_app, has_request_context, request
from flask import url_for as flask_url_for
from markupsafe import Markup, escape

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


#: Distinct links remembered per process (e.g. every activity's page and the fixed links).
URL_CACHE_SIZE = 8192


@lru_cache(maxsize=URL_CACHE_SIZE)
def _cached_url(script_root: str, endpoint: str,
                values: tuple[tuple[str, type, Hashable], ...]) -> str:
    arguments: dict[str, Any] = {name: value for name, _, value in values}
    return flask_url_for(endpoint, **arguments)


@lru_cache(maxsize=512)
def _path_arguments(url_map_id: int, endpoint: str) -> frozenset[str]:
    """The values every URL rule of ``endpoint`` puts into the path (none if it is unknown)."""
    try:
        rules = list(current_app.url_map.iter_rules(endpoint))
    except KeyError:
        return frozenset()
    return frozenset.intersection(*(frozenset(rule.arguments) for rule in rules))


def url_for(endpoint: str, **values: Any) -> str:
    """Flask's ``url_for``, remembered for relative links whose values all go into the path.

    Links with a query string, relative to the current blueprint (``.name``), external links,
    links with list values and links outside a request are built every time.
    """
    if (endpoint.startswith(".") or not has_request_context()
            or not values.keys() <= _path_arguments(id(current_app.url_map), endpoint)):
        return flask_url_for(endpoint, **values)
    try:
        key = tuple((name, type(value), value) for name, value in values.items())
        hash(key)  # typed: 1 is not True
    except TypeError:
        return flask_url_for(endpoint, **values)
    return _cached_url(request.script_root, endpoint, key)


def field_error_html(errors: Mapping[str, str], name: str) -> Markup:
    """A form field's error message (empty without one); ``field_error`` in the macros."""
    message = errors.get(name)
    if not message:
        return Markup("")
    return Markup(f'<p class="field-error" id="fout-{escape(name)}"><span class="visually-hidden">'
                  f"Fout: </span>{escape(message)}</p>")


def described_attrs(errors: Mapping[str, str], name: str, hint: str | None = None) -> Markup:
    """A field's ``aria-describedby`` (hint and error) and ``aria-invalid``; ``described``."""
    failed = bool(errors.get(name))
    ids = [i for i in (hint, f"fout-{name}" if failed else None) if i]
    attrs = Markup(f' aria-describedby="{escape(" ".join(ids))}"' if ids else "")
    return attrs + Markup(' aria-invalid="true"') if failed else attrs


def _labels(kind: str) -> dict[str, str]:
    vocab = load_vocabulary()
    terms = getattr(vocab, kind)
    return {t.id: t.label for t in terms.terms}


def init_templating(app: Flask) -> None:
    """Register globals and filters for the templates."""
    vocab = load_vocabulary()
    app.jinja_env.globals.update(
        url_for=url_for,
        field_error_html=field_error_html,
        described_attrs=described_attrs,
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
