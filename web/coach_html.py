"""The coach page's busy parts as HTML built in Python: the spinnenweb fields, the filters and
the result cards.

The coach results page is the app's most requested page, and a Jinja template pays for every
``{{ }}`` and attribute look-up: the form's twenty fields cost as much as the twenty results. The
markup that depends only on the vocabulary and the fixed choices (labels, hints, options) is
joined once per process; a request only adds its own values, escaped with markupsafe. The output
is the same HTML the templates wrote before, byte for byte (``tests/web/test_coach_html.py``
renders both and compares them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from flask import Flask, request
from flask import url_for as flask_url_for
from markupsafe import Markup, escape

from socialmap.models import DAY_NAMES
from socialmap.vocabulary import load_vocabulary

from .forms import DISTANCES_KM
from .templating import described_attrs, field_error_html, km, url_for


class Form(Protocol):
    """What the fields read from the submitted form (a dict or a MultiDict)."""

    def get(self, key: str, default: Any = None, /) -> Any: ...


@dataclass(frozen=True)
class _ScoreField:
    """One spinnenweb field: its name and the fixed markup around the value and error."""

    name: str
    head: str  # up to and including ``value="``
    hint_id: str
    hint: str  # from the hint paragraph up to the error line's indentation
    plain_tail: str  # ``"`` + describedby + ``hint`` + empty error + closing, without an error


@lru_cache(maxsize=1)
def _score_fields() -> tuple[_ScoreField, ...]:
    """The six fields' fixed markup (the vocabulary is loaded once per process)."""
    fields = []
    for dim in load_vocabulary().dimensions.terms:
        name = f"score_{dim.id}"
        hint = (f'>\n        <p class="hint" id="hint-{escape(name)}">'
                f'{escape(dim.extra.get("examples", ""))}</p>\n        ')
        fields.append(_ScoreField(
            name=name,
            head=(f'      <div class="field">\n'
                  f'        <label for="veld-{escape(name)}">{escape(dim.label)}</label>\n'
                  f'        <input id="veld-{escape(name)}" name="{escape(name)}" type="number" '
                  f'min="0" max="10" step="0.5" inputmode="decimal" value="'),
            hint_id=f"hint-{name}",
            hint=hint,
            plain_tail=f'"{described_attrs({}, name, f"hint-{name}")}{hint}\n      </div>\n',
        ))
    return tuple(fields)


def spinnenweb_inputs_html(form: Form, errors: Mapping[str, str]) -> Markup:
    """The spinnenweb's six score fields (0-10) with hints and errors; ``spinnenweb_inputs``."""
    parts = ['  <fieldset class="spinnenweb-inputs">\n'
             '    <legend>Spinnenweb (0 = slechtst denkbaar, 10 = best denkbaar)</legend>\n'
             '    <div class="grid-3">\n']
    for f in _score_fields():
        parts += (f.head, escape(form.get(f.name, "")))
        if errors.get(f.name):
            parts += ('"', described_attrs(errors, f.name, f.hint_id), f.hint,
                      field_error_html(errors, f.name), "\n      </div>\n")
        else:
            parts.append(f.plain_tail)
    parts.append("    </div>\n  </fieldset>\n")
    return Markup("".join(parts))


def _options(choices: Iterable[tuple[str, str, str]], chosen: Any) -> str:
    """``<option>`` elements, the one whose value equals ``chosen`` (as text) ``selected``."""
    return "".join(f'<option value="{value}"{" selected" if chosen == raw else ""}>{label}'
                   "</option>" for raw, value, label in choices)


def _checked(form: Form, name: str, value: str) -> str:
    return " checked" if form.get(name) == value else ""


def _field_parts(form: Form, errors: Mapping[str, str], name: str) -> tuple[Markup, Markup,
                                                                          Markup]:
    """A field's escaped value, its aria attributes and its error line."""
    return (escape(form.get(name, "")), described_attrs(errors, name),
            field_error_html(errors, name))


Choice = tuple[str, str, str]


@lru_cache(maxsize=1)
def _choices() -> tuple[tuple[Choice, ...], tuple[Choice, ...]]:
    """The distance and day choices: (value, value escaped, label escaped), made once."""
    distances = tuple((str(d), str(escape(d)), f"{escape(d)} km") for d in DISTANCES_KM)
    days = tuple((code, str(escape(code)), str(escape(name))) for code, name in DAY_NAMES.items())
    return distances, days


def coach_filters_html(form: Form, errors: Mapping[str, str]) -> Markup:
    """The coach form's 'Waar' and 'Voorwaarden' fieldsets; ``coach_filters``."""
    distances, days = _choices()
    postcode, postcode_attrs, postcode_error = _field_parts(form, errors, "postcode")
    age, age_attrs, age_error = _field_parts(form, errors, "leeftijd")
    return Markup(
        '  <fieldset>\n    <legend>Waar</legend>\n    <div class="grid-2">\n'
        '      <div class="field">\n        <label for="veld-postcode">Postcode</label>\n'
        '        <input id="veld-postcode" name="postcode" type="text" maxlength="7" '
        f'autocomplete="off" value="{postcode}"{postcode_attrs}>\n'
        f'        {postcode_error}\n      </div>\n'
        '      <div class="field">\n'
        '        <label for="veld-max_km">Hoogstens zo ver weg</label>\n'
        f'        <select id="veld-max_km" name="max_km"{described_attrs(errors, "max_km")}>\n'
        '          <option value="">Maakt niet uit</option>\n'
        f'{_options(distances, form.get("max_km"))}        </select>\n'
        f'        {field_error_html(errors, "max_km")}\n      </div>\n'
        '    </div>\n  </fieldset>\n\n'
        '  <fieldset>\n    <legend>Voorwaarden</legend>\n    <ul class="checks">\n'
        '      <li><input type="checkbox" id="gratis" name="gratis" value="ja"'
        f'{_checked(form, "gratis", "ja")}> <label for="gratis">Alleen gratis</label></li>\n'
        '      <li><input type="checkbox" id="rolstoel" name="rolstoel" value="ja"'
        f'{_checked(form, "rolstoel", "ja")}> <label for="rolstoel">Rolstoeltoegankelijk'
        '</label></li>\n'
        '      <li><input type="checkbox" id="online" name="online" value="nee"'
        f'{_checked(form, "online", "nee")}> <label for="online">Geen online activiteiten'
        '</label></li>\n'
        '    </ul>\n    <div class="grid-3">\n'
        '      <div class="field">\n        <label for="veld-dag">Dag</label>\n'
        '        <select id="veld-dag" name="dag">\n          <option value="">Elke dag</option>\n'
        f'{_options(days, form.get("dag"))}        </select>\n      </div>\n'
        '      <div class="field">\n'
        '        <label for="veld-taal">Taal (code, bijv. nl, en, ar)</label>\n'
        '        <input id="veld-taal" name="taal" type="text" maxlength="2" '
        f'value="{escape(form.get("taal", ""))}">\n      </div>\n'
        '      <div class="field">\n        <label for="veld-leeftijd">Leeftijd</label>\n'
        '        <input id="veld-leeftijd" name="leeftijd" type="number" min="0" max="120" '
        f'value="{age}"{age_attrs}>\n        {age_error}\n      </div>\n'
        '    </div>\n  </fieldset>\n'
    )


class Result(Protocol):
    """The fields of a match result that a card shows."""

    id: str
    name: str
    organisation: str
    distance_km: float | None
    online: bool
    cost: str
    dimensions: list[str]
    reasons: list[str]
    when: str | None
    signup: str | None


#: Catalogue texts (names, organisations, times, ...) remembered escaped, per process.
TEXT_CACHE_SIZE = 8192


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _text(value: str) -> str:
    """A catalogue text escaped for HTML (remembered: the same texts come back on every page)."""
    return str(escape(value))


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _activity_link(script_root: str, activity_id: str) -> str:
    """The escaped link to an activity's page (depends only on the id and the script root)."""
    return str(escape(flask_url_for("activity.detail", activity_id=activity_id)))


def _card(r: Result, labels: Mapping[str, str], script_root: str, form_head: str,
          back_field: str, on_list: bool) -> str:
    """One result: name, facts, reasons and its 'Op de lijst' form."""
    name = _text(r.name)
    distance = "" if r.distance_km is None else f" · {_text(km(r.distance_km))}"
    tags = "".join([f'<span class="tag">{labels.get(d, "")}</span> ' for d in r.dimensions])
    # Reasons are escaped each time, not remembered: one of them quotes the coach's search words.
    reasons = ("" if not r.reasons else '<ul class="reasons">'
               + "".join([f"<li>{escape(reason)}</li>" for reason in r.reasons]) + "</ul>")
    button = ('<p class="muted">Staat op de lijst.</p>' if on_list else
              '<button type="submit" class="secondary">Op de lijst<span class="visually-hidden">'
              f": {name}</span></button>")
    return (
        '    <li class="result">\n'
        f'      <h3><a href="{_activity_link(script_root, r.id)}">{name}</a></h3>\n'
        f'      <p class="meta">{_text(r.organisation)}{distance}'
        f'{" · online" if r.online else ""} · {_text(r.cost)}</p>\n'
        f"      <p>{tags}</p>\n"
        f'{reasons}      <dl class="facts">\n'
        f"        <dt>Wanneer</dt><dd>{_text(r.when or 'vraag het na')}</dd>\n"
        f"        <dt>Aanmelden</dt><dd>{_text(r.signup or 'zie de details')}</dd>\n"
        "      </dl>\n"
        f'{form_head}        <input type="hidden" name="id" value="{_text(r.id)}">\n'
        f"{back_field}{button}      </form>\n"
        "    </li>\n"
    )


def result_cards_html(results: Sequence[Result], *, shortlist_ids: Sequence[str],
                      token: str, back: str) -> Markup:
    """The ``<li>`` of each result, each with a form that puts it on the shortlist.

    ``token`` is the CSRF token and ``back`` the page to return to (both the same for every
    result); ``result_cards`` in the templates.
    """
    labels = _dimension_labels()
    # The form's target, token and way back are the same for every result: escaped once.
    action = escape(url_for("coach.add_to_shortlist"))
    form_head = (f'      <form method="post" action="{action}">\n'
                 f'        <input type="hidden" name="csrf_token" value="{escape(token)}">\n')
    back_field = f'        <input type="hidden" name="terug" value="{escape(back)}">\n'
    on_list = set(shortlist_ids)
    root = request.script_root
    return Markup("".join([_card(r, labels, root, form_head, back_field, r.id in on_list)
                           for r in results]))


@lru_cache(maxsize=1)
def _dimension_labels() -> dict[str, str]:
    """The dimensions' labels by id, escaped."""
    return {t.id: str(escape(t.label)) for t in load_vocabulary().dimensions.terms}


def init_coach_html(app: Flask) -> None:
    """Register the template globals ``spinnenweb_inputs_html``, ``coach_filters`` and
    ``result_cards``."""
    app.jinja_env.globals.update(spinnenweb_inputs_html=spinnenweb_inputs_html,
                                 coach_filters=coach_filters_html,
                                 result_cards=result_cards_html)
