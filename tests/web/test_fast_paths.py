"""The per-request shortcuts behave exactly like the slow paths they replace: remembered links,
the session interface, security headers, the JSON body checks and the form helpers."""

from __future__ import annotations

import json

import pytest
from flask import Flask, Response, render_template_string
from flask import url_for as flask_url_for
from flask.sessions import SecureCookieSessionInterface
from flask.testing import FlaskClient

from web import domain, templating
from web.security import SessionInterface
from web.templating import described_attrs, field_error_html, url_for

LINKS = [
    ("pages.home", {}),
    ("static", {"filename": "style.css"}),
    ("activity.detail", {"activity_id": "demo-0009"}),
    ("activity.detail", {"activity_id": "a b/ç?&"}),
    ("auth.login", {"next": "/coach?zoeken=1&x=2"}),
    ("gemeente.catalogue", {"zoek": "yoga", "pagina": 2}),
    ("gemeente.catalogue", {"pagina": 2, "zoek": "yoga"}),
    ("gemeente.catalogue", {"pagina": True}),
    ("gemeente.catalogue", {"pagina": 1}),
    ("gemeente.catalogue", {"pagina": 1.0}),
]


@pytest.mark.parametrize("root", ["", "/welzijn"])
def test_remembered_links_equal_flask_links(app: Flask, root: str) -> None:
    for _ in range(2):  # the second round is answered from the cache
        for endpoint, values in LINKS:
            with app.test_request_context("/coach", base_url=f"http://localhost{root}/"):
                assert url_for(endpoint, **values) == flask_url_for(endpoint, **values)
                assert url_for(endpoint, **values).startswith(root + "/")


def test_links_with_lists_or_options_are_built_every_time(app: Flask) -> None:
    with app.test_request_context("/coach"):
        assert url_for("gemeente.catalogue", dimensie=["a", "b"]) == \
            "/gemeente?dimensie=a&dimensie=b"
        assert url_for("pages.home", _external=True) == "http://localhost/"
        assert url_for("pages.home", _anchor="x") == "/#x"
    with app.app_context():  # outside a request: Flask's own rules (here an error, no cache)
        with pytest.raises(RuntimeError):
            url_for("pages.home")


def test_links_with_a_query_string_are_not_remembered(app: Flask) -> None:
    """A query string can carry what a user typed (the page to return to, search words)."""
    templating._cached_url.cache_clear()
    with app.test_request_context("/coach"):
        url_for("activity.detail", activity_id="demo-0009")
        remembered = templating._cached_url.cache_info().currsize
        for endpoint, values in [("auth.login", {"next": "/coach?zoeken=1&postcode=9711AB"}),
                                 ("coach.search", {"postcode": "9711AB", "zoek": "rouw"}),
                                 ("activity.detail", {"activity_id": "x", "terug": "/coach"})]:
            assert url_for(endpoint, **values) == flask_url_for(endpoint, **values)
        assert templating._cached_url.cache_info().currsize == remembered
        assert url_for("activity.detail", activity_id="demo-0010") == "/activiteit/demo-0010"
        assert templating._cached_url.cache_info().currsize == remembered + 1


def test_templates_use_the_remembered_links(app: Flask) -> None:
    with app.test_request_context("/"):
        html = render_template_string("{{ url_for('activity.detail', activity_id='x y') }}")
    assert html == "/activiteit/x%20y"


def test_field_helpers_escape_and_describe() -> None:
    errors = {"a": "Fout <x> & \"y\""}
    assert field_error_html(errors, "b") == ""
    assert field_error_html(errors, "a") == (
        '<p class="field-error" id="fout-a"><span class="visually-hidden">Fout: </span>'
        "Fout &lt;x&gt; &amp; &#34;y&#34;</p>")
    assert described_attrs(errors, "a", "hint-a") == \
        ' aria-describedby="hint-a fout-a" aria-invalid="true"'
    assert described_attrs(errors, "a") == ' aria-describedby="fout-a" aria-invalid="true"'
    assert described_attrs(errors, "b", "hint-b") == ' aria-describedby="hint-b"'
    assert described_attrs(errors, "b") == ""


def test_macros_module_exports_the_field_helpers(app: Flask) -> None:
    source = ('{% from "partials/macros.html" import field_error, described %}'
              '<input{{ described(errors, "p", "h") }}>{{ field_error(errors, "p") }}')
    with app.test_request_context("/"):
        html = render_template_string(source, errors={"p": "Vul <iets> in."})
    assert html == ('<input aria-describedby="h fout-p" aria-invalid="true"><p class="field-error" '
                    'id="fout-p"><span class="visually-hidden">Fout: </span>Vul &lt;iets&gt; in.'
                    "</p>")


def test_session_cookies_are_flasks_own(app: Flask) -> None:
    ours, stock = SessionInterface(), SecureCookieSessionInterface()
    data = {"_csrf": "token", "user": {"id": 1, "name": "a", "role": "coach"}}
    signed = ours.get_signing_serializer(app).dumps(data)  # type: ignore[union-attr]
    assert stock.get_signing_serializer(app).loads(signed) == data  # type: ignore[union-attr]
    signed = stock.get_signing_serializer(app).dumps(data)  # type: ignore[union-attr]
    assert ours.get_signing_serializer(app).loads(signed) == data  # type: ignore[union-attr]
    app.secret_key = "another-secret-" + "y" * 40  # a new key gets a new serializer
    with pytest.raises(Exception, match="Signature"):
        ours.get_signing_serializer(app).loads(signed)  # type: ignore[union-attr]


def test_tampered_or_missing_cookie_gives_an_empty_session(app: Flask,
                                                           client: FlaskClient) -> None:
    assert isinstance(app.session_interface, SessionInterface)
    client.set_cookie("welzijnswijzer_sessie", "eyJfY3NyZiI6Inh4In0.bad.signature")
    response = client.get("/coach")
    assert response.status_code == 200
    with client.session_transaction() as session:
        assert "_csrf" not in session


def test_api_call_without_cookie_sets_none(catalogue: Flask) -> None:
    client = catalogue.test_client(use_cookies=False)
    response = client.post("/api/v1/match", json={"postcode": "9721 DM", "limit": 3})
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    assert "Cookie" not in response.headers.get("Vary", "")


def test_match_api_answers_the_models_json(catalogue: Flask) -> None:
    body = {"postcode": "9721 DM", "spinnenweb": {"meedoen": 3}, "limit": 5}
    response = catalogue.test_client().post("/api/v1/match", json=body)
    assert response.mimetype == "application/json"
    with catalogue.app_context():
        expected = domain.match(body)
    assert json.loads(response.get_data(as_text=True)) == expected


def test_view_security_header_is_kept(app: Flask) -> None:
    app.add_url_rule("/eigen-kop", "own_header", lambda: Response(
        "x", headers={"X-Frame-Options": "SAMEORIGIN"}))
    headers = app.test_client().get("/eigen-kop").headers
    assert headers.getlist("X-Frame-Options") == ["SAMEORIGIN"]
    assert headers.getlist("X-Content-Type-Options") == ["nosniff"]


@pytest.mark.parametrize("raw", [
    b'{"query": "\\ud800"}',                                      # escaped lone surrogate
    '{"query": "\ud800"}'.encode("utf-8", "surrogatepass"),      # encoded lone surrogate
    '{"query": "\ud800"}'.encode("utf-16", "surrogatepass"),     # another encoding
])
def test_unpaired_surrogates_are_refused(catalogue: Flask, raw: bytes) -> None:
    response = catalogue.test_client().post("/api/v1/match", data=raw,
                                            content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["details"][0]["field"] == "body"


def test_paired_escapes_and_hangul_are_accepted(catalogue: Flask) -> None:
    for query in ("\\ud83d\\ude00", "한국"):  # an escaped pair; UTF-8 lead byte 0xED
        raw = ('{"postcode": "9721 DM", "query": "' + query + '"}').encode()
        response = catalogue.test_client().post("/api/v1/match", data=raw,
                                                content_type="application/json")
        assert response.status_code == 200, response.get_data(as_text=True)


def test_nesting_depth_is_still_limited(catalogue: Flask) -> None:
    client = catalogue.test_client()
    deep = '{"query": ' + "[" * 40 + "]" * 40 + "}"
    response = client.post("/api/v1/match", data=deep, content_type="application/json")
    assert response.status_code == 400 and "te diep" in response.get_json()["error"]
    brackets = json.dumps({"postcode": "9721 DM", "query": "[[[{{{" * 10})
    response = client.post("/api/v1/match", data=brackets, content_type="application/json")
    assert response.status_code == 200
