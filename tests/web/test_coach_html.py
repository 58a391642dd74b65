"""The coach page's parts built in Python write exactly what the Jinja markup they replace wrote:
the spinnenweb fields, the filters and the result cards, for varied and hostile values."""

from __future__ import annotations

import random

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.datastructures import MultiDict

from matcher.answer import MatchResult
from web import coach_html
from web.coach_html import coach_filters_html, result_cards_html, spinnenweb_inputs_html

# The markup as the templates had it (partials/macros.html and coach/search.html).
SPINNENWEB_JINJA = """\
{% macro spinnenweb_inputs(form, errors) %}
  <fieldset class="spinnenweb-inputs">
    <legend>Spinnenweb (0 = slechtst denkbaar, 10 = best denkbaar)</legend>
    <div class="grid-3">
    {% for dim in vocab.dimensions.terms %}
      {% set name = 'score_' ~ dim.id %}
      <div class="field">
        <label for="veld-{{ name }}">{{ dim.label }}</label>
        <input id="veld-{{ name }}" name="{{ name }}" type="number" min="0" max="10" step="0.5" \
inputmode="decimal" value="{{ form.get(name, '') }}"{{ described_attrs(errors, name, \
'hint-' ~ name) }}>
        <p class="hint" id="hint-{{ name }}">{{ dim.extra.examples }}</p>
        {{ field_error_html(errors, name) }}
      </div>
    {% endfor %}
    </div>
  </fieldset>
{% endmacro %}
{{ spinnenweb_inputs(form, errors) }}"""

FILTERS_JINJA = """\
{% set described = described_attrs %}{% set field_error = field_error_html %}
{% macro field(name, label, attrs) %}      <div class="field">
        <label for="veld-{{ name }}">{{ label }}</label>
        <input id="veld-{{ name }}" name="{{ name }}" {{ attrs|safe }} \
value="{{ form.get(name, '') }}"{{ described(errors, name) }}>
        {{ field_error(errors, name) }}
      </div>{% endmacro %}
  <fieldset>
    <legend>Waar</legend>
    <div class="grid-2">
{{ field('postcode', 'Postcode', 'type="text" maxlength="7" autocomplete="off"') }}
      <div class="field">
        <label for="veld-max_km">Hoogstens zo ver weg</label>
        <select id="veld-max_km" name="max_km"{{ described(errors, 'max_km') }}>
          <option value="">Maakt niet uit</option>
          {% for d in distances %}<option value="{{ d }}"{% if form.get('max_km') == d|string %} \
selected{% endif %}>{{ d }} km</option>{% endfor %}
        </select>
        {{ field_error(errors, 'max_km') }}
      </div>
    </div>
  </fieldset>

  <fieldset>
    <legend>Voorwaarden</legend>
    <ul class="checks">
      <li><input type="checkbox" id="gratis" name="gratis" value="ja"{% if form.get('gratis') == \
'ja' %} checked{% endif %}> <label for="gratis">Alleen gratis</label></li>
      <li><input type="checkbox" id="rolstoel" name="rolstoel" value="ja"{% if \
form.get('rolstoel') == 'ja' %} checked{% endif %}> <label for="rolstoel">Rolstoeltoegankelijk\
</label></li>
      <li><input type="checkbox" id="online" name="online" value="nee"{% if form.get('online') \
== 'nee' %} checked{% endif %}> <label for="online">Geen online activiteiten</label></li>
    </ul>
    <div class="grid-3">
      <div class="field">
        <label for="veld-dag">Dag</label>
        <select id="veld-dag" name="dag">
          <option value="">Elke dag</option>
          {% for code, name in day_names.items() %}<option value="{{ code }}"{% if \
form.get('dag') == code %} selected{% endif %}>{{ name }}</option>{% endfor %}
        </select>
      </div>
      <div class="field">
        <label for="veld-taal">Taal (code, bijv. nl, en, ar)</label>
        <input id="veld-taal" name="taal" type="text" maxlength="2" value="{{ form.get('taal', '') \
}}">
      </div>
{{ field('leeftijd', 'Leeftijd', 'type="number" min="0" max="120"') }}
    </div>
  </fieldset>
"""

CARDS_JINJA = """\
{% for r in results %}
    <li class="result">
      <h3><a href="{{ url_for('activity.detail', activity_id=r.id) }}">{{ r.name }}</a></h3>
      <p class="meta">{{ r.organisation }}{% if r.distance_km is not none %} · \
{{ r.distance_km|km }}{% endif %}{% if r.online %} · online{% endif %} · {{ r.cost }}</p>
      <p>{% for d in r.dimensions %}<span class="tag">{{ dimension_labels[d] }}</span> \
{% endfor %}</p>
      {% if r.reasons %}<ul class="reasons">{% for reason in r.reasons %}<li>{{ reason }}</li>\
{% endfor %}</ul>{% endif %}
      <dl class="facts">
        <dt>Wanneer</dt><dd>{{ r.when or 'vraag het na' }}</dd>
        <dt>Aanmelden</dt><dd>{{ r.signup or 'zie de details' }}</dd>
      </dl>
      <form method="post" action="{{ add_url }}">
        <input type="hidden" name="csrf_token" value="{{ token }}">
        <input type="hidden" name="id" value="{{ r.id }}">
        <input type="hidden" name="terug" value="{{ back }}">
        {% if r.id in shortlist_ids %}<p class="muted">Staat op de lijst.</p>{% else %}<button \
type="submit" class="secondary">Op de lijst<span class="visually-hidden">: {{ r.name }}</span>\
</button>{% endif %}
      </form>
    </li>
{% endfor %}
"""

HOSTILE = ["", "0", "7,5", "10", "-1", "abc", '"><script>alert(1)</script>', "a&b'c", "ë ☃",
           "ja", "nee", "ma", "zo", "5", "25", "9711 AB", " 5", "5.0", "\u00a0"]
FIELDS = ["postcode", "max_km", "gratis", "rolstoel", "online", "dag", "taal", "leeftijd",
          "score_lichaamsfuncties", "score_mentaal_welbevinden", "score_zingeving",
          "score_kwaliteit_van_leven", "score_meedoen", "score_dagelijks_functioneren"]


def _forms(count: int, seed: int) -> list[tuple[dict[str, str] | MultiDict[str, str],
                                                dict[str, str]]]:
    rng = random.Random(seed)
    out: list[tuple[dict[str, str] | MultiDict[str, str], dict[str, str]]] = []
    for n in range(count):
        form = {f: rng.choice(HOSTILE) for f in FIELDS if rng.random() < 0.6}
        errors = {f: rng.choice(["Vul een getal in.", "Fout <b> & 'x'"]) for f in FIELDS
                  if rng.random() < 0.2}
        out.append((MultiDict(form) if n % 2 else form, errors))
    return out


def _jinja(app: Flask, source: str, **context: object) -> str:
    """The markup rendered (a mark at the end keeps the last newline, as inside a page)."""
    made = app.jinja_env.from_string(source + "|end").render(**context)
    assert made.endswith("|end")
    return made.removesuffix("|end")


@pytest.mark.parametrize(("form", "errors"), _forms(40, seed=5))
def test_form_fields_equal_the_jinja_markup(app: Flask, form: dict[str, str],
                                            errors: dict[str, str]) -> None:
    with app.test_request_context("/coach"):
        assert str(spinnenweb_inputs_html(form, errors)) == \
            _jinja(app, SPINNENWEB_JINJA, form=form, errors=errors)
        assert str(coach_filters_html(form, errors)) == _jinja(
            app, FILTERS_JINJA, form=form, errors=errors, distances=(1, 2, 5, 10, 25, 50))


def _result(rng: random.Random, n: int) -> MatchResult:
    texts = ["Koor <De Stem>", "Wandelen & praten", 'Zeg "ja"', "Café 't Hoekje", "x" * 300, ""]
    return MatchResult(
        id=rng.choice([f"demo-{n:04d}", f"a b/ç?&{n}", f"id'\"{n}"]), name=rng.choice(texts),
        organisation=rng.choice(texts), distance_km=rng.choice([None, 0.0, 0.3, 12.25, 999.9]),
        dimensions=rng.sample(["zingeving", "meedoen", "lichaamsfuncties", "onbekend"],
                              rng.randint(0, 3)),
        complaints=[], cost=rng.choice(["gratis", "€ 2,50 <per keer>"]), score=0.5,
        reasons=rng.sample(texts, rng.randint(0, 3)), components={}, online=rng.random() < 0.3,
        municipality=None, when=rng.choice([None, "", "maandag 19:00-20:30 <even weken>"]),
        signup=rng.choice([None, "Bel 050-1234567 & vraag naar Jan"]),
    )


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("root", ["", "/welzijn"])
def test_result_cards_equal_the_jinja_markup(app: Flask, seed: int, root: str) -> None:
    rng = random.Random(seed)
    results = [_result(rng, n) for n in range(rng.randint(0, 20))]
    listed = [r.id for r in results if rng.random() < 0.3]
    token, back = "tok<&>\"'", "/coach?zoeken=1&postcode=9711+AB&zoek=<x>"
    with app.test_request_context("/coach", base_url=f"http://localhost{root}/"):
        made = result_cards_html(results, shortlist_ids=listed, token=token, back=back)
        expected = _jinja(app, CARDS_JINJA, results=results, shortlist_ids=listed, token=token,
                          back=back, add_url="/".join([root, "coach/lijst"]))
    assert str(made) == expected
    assert str(made).count(f'<a href="{root}/activiteit/') == len(results)


def test_results_page_mints_a_token_only_with_a_form(catalogue: Flask,
                                                     client: FlaskClient) -> None:
    none = client.get("/coach?zoeken=1&taal=zz")
    assert "Geen activiteiten gevonden" in none.get_data(as_text=True)
    assert "Set-Cookie" not in none.headers
    found = client.get("/coach?zoeken=1&postcode=9711+AB")
    html = found.get_data(as_text=True)
    assert 'name="csrf_token"' in html and "Set-Cookie" in found.headers


def test_search_words_are_not_remembered(catalogue: Flask, client: FlaskClient) -> None:
    """The reason that quotes the coach's search words is escaped per page, never cached."""
    words = "wandelen"
    page = client.get(f"/coach?zoeken=1&postcode=9711+AB&zoek={words}").get_data(as_text=True)
    assert f"Past bij je zoekvraag &#34;{words}&#34;" in page
    assert coach_html._text.cache_info().currsize > 0  # catalogue texts are remembered
    before = coach_html._text.cache_info()
    coach_html._text(f'Past bij je zoekvraag "{words}"')  # a hit if the page had cached it
    assert coach_html._text.cache_info().hits == before.hits, "search words outlive the page"
    coach_html._text.cache_clear()
