"""The web upload: dry run first (nothing written), mapping step, confirm, replace, skip-invalid."""

from __future__ import annotations

import io
import json
import os
import re
import time
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from socialmap import store
from web.accounts import Role
from web.gemeente_uploads import upload_root
from web.state import get_state

from .conftest import csrf

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXPORT = EXAMPLES / "gemeente_export.csv"
CORRECTED = EXAMPLES / "gemeente_export_gecorrigeerd.csv"
MAPPING = EXAMPLES / "gemeente_export_mapping.json"


@pytest.fixture
def gemeente(login_as) -> FlaskClient:
    """A client logged in as a gemeente user (empty catalogue)."""
    return login_as(Role.GEMEENTE)


def count(app: Flask) -> int:
    with app.app_context(), get_state().engine.connect() as conn:
        return store.count_activities(conn)


def version(app: Flask) -> int:
    with app.app_context(), get_state().engine.connect() as conn:
        return store.catalogue_version(conn)


def upload(client: FlaskClient, path: Path, *, mapping: Path | None = None,
           **options: str):  # type: ignore[no-untyped-def]
    data: dict[str, object] = {"csrf_token": csrf(client), **options,
                               "bestand": (io.BytesIO(path.read_bytes()), path.name)}
    if mapping is not None:
        data["mapping"] = (io.BytesIO(mapping.read_bytes()), mapping.name)
    return client.post("/gemeente/importeren", data=data, content_type="multipart/form-data")


def token_of(response) -> str:  # type: ignore[no-untyped-def]
    match = re.search(r"/gemeente/importeren/([A-Za-z0-9_-]+)", response.headers["Location"])
    assert match is not None
    return match.group(1)


def confirm(client: FlaskClient, token: str, **options: str):  # type: ignore[no-untyped-def]
    return client.post(f"/gemeente/importeren/{token}/bevestigen",
                       data={"csrf_token": csrf(client), **options})


def test_dry_run_of_municipal_export_lists_every_bad_row_and_writes_nothing(
        app: Flask, gemeente: FlaskClient) -> None:
    response = upload(gemeente, EXPORT, mapping=MAPPING)
    assert response.status_code == 302
    page = gemeente.get(response.headers["Location"])
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Nog niet te importeren" in html and "niets gewijzigd" in html
    for row, column, value in (("8", "postcode", "97111A"), ("13", "kosten", "ongeveer vijf euro"),
                               ("19", "laatst_gecontroleerd", "31-02-2026")):
        assert re.search(rf'<th scope="row"[^>]*>{row}</th><td>{column}</td>', html), row
        assert value in html
    assert "9700 AA" in html  # a warning
    assert "Interne opmerking" in html  # unmapped header
    assert "Te classificeren" in html
    assert "/bevestigen" not in html  # no confirm button while rows are invalid
    assert count(app) == 0 and version(app) == 0


def test_corrected_file_imports_after_confirm_and_upload_is_removed(
        app: Flask, gemeente: FlaskClient) -> None:
    token = token_of(upload(gemeente, CORRECTED, mapping=MAPPING))
    html = gemeente.get(f"/gemeente/importeren/{token}").get_data(as_text=True)
    assert "De proefimport is gelukt" in html and "/bevestigen" in html
    assert count(app) == 0
    response = confirm(gemeente, token)
    assert response.status_code == 200
    assert "Geïmporteerd." in response.get_data(as_text=True)
    assert count(app) == 25
    with app.app_context():
        assert not (upload_root() / token).exists()
    assert gemeente.get(f"/gemeente/importeren/{token}").status_code == 404
    with app.app_context(), get_state().engine.connect() as conn:
        users = {e["user"] for e in store.list_audit(conn)}
    assert users == {"test-gemeente"}


def test_skip_invalid_imports_the_valid_rows(app: Flask, gemeente: FlaskClient) -> None:
    token = token_of(upload(gemeente, EXPORT, mapping=MAPPING, overslaan="ja"))
    html = gemeente.get(f"/gemeente/importeren/{token}").get_data(as_text=True)
    assert "Overgeslagen rijen (3)" in html and "/bevestigen" in html
    confirm(gemeente, token, overslaan="ja")
    assert count(app) == 22


def test_options_can_be_changed_after_the_dry_run(app: Flask, gemeente: FlaskClient) -> None:
    token = token_of(upload(gemeente, EXPORT, mapping=MAPPING))
    gemeente.post(f"/gemeente/importeren/{token}/opties",
                  data={"csrf_token": csrf(gemeente), "overslaan": "ja"})
    assert "/bevestigen" in gemeente.get(f"/gemeente/importeren/{token}").get_data(as_text=True)
    assert confirm(gemeente, token).status_code == 409  # options differ from the dry run
    assert count(app) == 0


def test_replace_removes_what_is_not_in_the_file(catalogue: Flask, gemeente: FlaskClient) -> None:
    before = count(catalogue)
    assert before > 0
    token = token_of(upload(gemeente, CORRECTED, mapping=MAPPING, vervangen="ja"))
    html = gemeente.get(f"/gemeente/importeren/{token}").get_data(as_text=True)
    assert f"Bij importeren worden {before} activiteiten verwijderd" in html
    assert count(catalogue) == before
    confirm(gemeente, token, vervangen="ja")
    assert count(catalogue) == 25


def test_mapping_step_preselects_and_uses_the_choice(app: Flask, gemeente: FlaskClient) -> None:
    token = token_of(upload(gemeente, CORRECTED, koppelen="ja"))
    page = gemeente.get(f"/gemeente/importeren/{token}/koppelen")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert re.search(r'<option value="naam" selected>', html)  # "Activiteit" is an alias
    headers = EXPORT.read_text(encoding="cp1252").splitlines()[0].split(";")
    choice = json.loads(MAPPING.read_text(encoding="utf-8"))
    data = {f"kolom-{i}": choice.get(h, "") for i, h in enumerate(headers)}
    response = gemeente.post(f"/gemeente/importeren/{token}/koppelen",
                             data={**data, "csrf_token": csrf(gemeente)})
    assert response.status_code == 302
    saved = gemeente.get(f"/gemeente/importeren/{token}/koppeling.json").get_json()
    assert saved == choice
    html = gemeente.get(f"/gemeente/importeren/{token}").get_data(as_text=True)
    assert "De proefimport is gelukt" in html and "Interne opmerking" not in html
    confirm(gemeente, token)
    with app.app_context(), get_state().engine.connect() as conn:
        assert store.get_activity(conn, "GRN-0101").name == "Wandelgroep Stadspark"


def test_bad_upload_is_400_with_field_errors(gemeente: FlaskClient) -> None:
    response = gemeente.post("/gemeente/importeren", data={
        "csrf_token": csrf(gemeente), "bestand": (io.BytesIO(b"%PDF"), "kaart.pdf"),
        "mapping": (io.BytesIO(b"{not json"), "m.json")}, content_type="multipart/form-data")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'id="fout-bestand"' in html and 'id="fout-mapping"' in html
    empty = gemeente.post("/gemeente/importeren", data={"csrf_token": csrf(gemeente)})
    assert empty.status_code == 400 and "Kies het bestand" in empty.get_data(as_text=True)


def test_upload_over_the_size_limit_is_refused(app: Flask, gemeente: FlaskClient) -> None:
    boundary = "grens"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n"
            f"{csrf(gemeente)}\r\n--{boundary}\r\nContent-Disposition: form-data; "
            f"name=\"bestand\"; filename=\"groot.csv\"\r\n\r\n").encode()
    body += b"x" * (11 * 1024 * 1024) + f"\r\n--{boundary}--\r\n".encode()
    response = gemeente.post("/gemeente/importeren", data=body,
                             content_type=f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 413


def test_another_user_cannot_use_the_upload(app: Flask, login_as) -> None:
    first = login_as(Role.GEMEENTE)
    token = token_of(upload(first, CORRECTED, mapping=MAPPING))
    other = login_as(Role.BEHEERDER)
    assert other.get(f"/gemeente/importeren/{token}").status_code == 404
    assert confirm(other, token).status_code == 404
    assert count(app) == 0


def test_uploads_older_than_an_hour_are_removed(app: Flask, gemeente: FlaskClient) -> None:
    token = token_of(upload(gemeente, CORRECTED))
    with app.app_context():
        folder = upload_root() / token
    old = time.time() - 3700
    os.utime(folder, (old, old))
    assert gemeente.get("/gemeente/importeren").status_code == 200
    assert not folder.exists()
    assert gemeente.get(f"/gemeente/importeren/{token}").status_code == 404


def test_hsds_export_zip_imports_again(catalogue: Flask, gemeente: FlaskClient,
                                       tmp_path: Path) -> None:
    body = gemeente.get("/gemeente/exporteren?formaat=hsds").data
    package = tmp_path / "sociale_kaart_hsds.zip"
    package.write_bytes(body)
    token = token_of(upload(gemeente, package))
    html = gemeente.get(f"/gemeente/importeren/{token}").get_data(as_text=True)
    assert "De proefimport is gelukt" in html
    assert re.search(r"<dt>Zou nieuw zijn</dt><dd>0</dd>", html)
    assert re.search(r"<dt>Zou wijzigen</dt><dd>0</dd>", html)
