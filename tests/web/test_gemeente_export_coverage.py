"""CSV and HSDS downloads, and the coverage heat-map against the database."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from socialmap import store
from socialmap.database import make_engine, migrate
from socialmap.importing.columns import NATIVE_COLUMNS
from socialmap.importing.run import import_catalogue
from socialmap.models import Activity, Status
from socialmap.vocabulary import load_vocabulary
from web.accounts import Role
from web.gemeente_coverage import count_coverage, heat_class, municipality_of
from web.state import get_state


@pytest.fixture
def gemeente(catalogue: Flask, login_as) -> FlaskClient:
    """A client logged in as a gemeente user, on the demo catalogue."""
    return login_as(Role.GEMEENTE)


def everything(app: Flask) -> list[Activity]:
    with app.app_context(), get_state().engine.connect() as conn:
        return store.list_activities(conn)


def test_csv_download_has_the_native_columns_and_every_activity(
        catalogue: Flask, gemeente: FlaskClient) -> None:
    response = gemeente.get("/gemeente/exporteren?formaat=csv")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert tuple(rows[0]) == NATIVE_COLUMNS
    assert len(rows) - 1 == len(everything(catalogue))


def test_excel_download_is_semicolon_separated_with_bom(gemeente: FlaskClient) -> None:
    body = gemeente.get("/gemeente/exporteren?formaat=excel").get_data(as_text=True)
    assert body.startswith("\ufeffid;naam;")


def test_hsds_zip_download_imports_again(catalogue: Flask, gemeente: FlaskClient,
                                         tmp_path: Path) -> None:
    response = gemeente.get("/gemeente/exporteren?formaat=hsds")
    assert response.mimetype == "application/zip"
    assert ".zip" in response.headers["Content-Disposition"]
    package = tmp_path / "hsds.zip"
    package.write_bytes(response.data)
    assert "datapackage.json" in zipfile.ZipFile(package).namelist()
    engine = make_engine(f"sqlite:///{tmp_path / 'copy.db'}")
    migrate(engine)
    try:
        report = import_catalogue(engine, package, user="test")
        assert report.applied, report.to_text()
        with engine.connect() as conn:
            copied = {a.id: a for a in store.list_activities(conn)}
    finally:
        engine.dispose()
    original = everything(catalogue)
    assert set(copied) == {a.id for a in original}
    assert all(copied[a.id].dimensions == a.dimensions for a in original)


def test_coverage_counts_match_the_database(catalogue: Flask) -> None:
    activities = everything(catalogue)
    cov = count_coverage(activities)
    expected: Counter[tuple[str, str]] = Counter()
    for a in activities:
        if a.status is Status.ACTIEF and not a.online and a.location is not None:
            for d in a.dimensions:
                expected[(municipality_of(a) or "", d)] += 1
    assert cov.rows
    for row in cov.rows:
        for d in load_vocabulary().dimensions.ids:
            assert row.dimensions.get(d, 0) == expected[(row.key, d)], (row.key, d)
    online = [a for a in activities
              if a.status is Status.ACTIEF and (a.online or a.location is None)]
    assert online, "the demo catalogue has online activities"
    assert cov.online.total == len(online)


def test_inactive_activities_do_not_count(catalogue: Flask) -> None:
    activities = everything(catalogue)
    target = next(a for a in activities if a.location is not None and a.dimensions)
    before = count_coverage(activities)
    paused = [a.model_copy(update={"status": Status.GEPAUZEERD}) if a.id == target.id else a
              for a in activities]
    after = count_coverage(paused)
    key = municipality_of(target)
    row_before = next(r for r in before.rows if r.key == key)
    row_after = next(r for r in after.rows if r.key == key)
    assert row_after.total == row_before.total - 1


def _table(html: str, table_id: str) -> list[list[str]]:
    match = re.search(rf'<table[^>]*id="{table_id}".*?</table>', html, re.S)
    assert match is not None
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", match.group(0), re.S)
    return [[re.sub(r"<[^>]+>", "", c).strip()
             for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r, re.S)] for r in rows]


def test_heat_map_shows_numbers_marks_gaps_and_is_accessible(catalogue: Flask,
                                                            gemeente: FlaskClient) -> None:
    response = gemeente.get("/gemeente/dekking")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<caption" in html and 'scope="col"' in html and 'scope="row"' in html
    assert "Legenda" in html and "gat" in html
    cov = count_coverage(everything(catalogue))
    table = _table(html, "dekking-dimensies")
    ids = load_vocabulary().dimensions.ids
    for row in cov.rows:
        cells = next(r for r in table if r[0] == row.label)
        assert cells[1] == str(row.total)
        for i, d in enumerate(ids):
            n = row.dimensions.get(d, 0)
            assert cells[2 + i] == (f"{n} (gat)" if n == 0 else str(n)), (row.key, d)
    assert 'class="heat heat-0"' in html


def test_heat_map_per_pc4_area_of_one_municipality(catalogue: Flask,
                                                   gemeente: FlaskClient) -> None:
    activities = everything(catalogue)
    name = Counter(m for a in activities if (m := municipality_of(a))).most_common(1)[0][0]
    html = gemeente.get(f"/gemeente/dekking?gemeente={name}").get_data(as_text=True)
    assert f"Dekking van de sociale kaart: {name}" in html
    table = _table(html, "dekking-dimensies")
    active_here = [a for a in activities if a.status is Status.ACTIEF
                   and not a.online and a.location is not None
                   and municipality_of(a) == name]
    assert sum(int(r[1]) for r in table[1:-1]) == len(active_here)
    assert any(r[1] == "0" for r in table[1:-1])  # areas without any activity are shown


@pytest.mark.parametrize(("count", "css"), [(0, "heat-0"), (1, "heat-1"), (2, "heat-1"),
                                            (3, "heat-2"), (5, "heat-2"), (6, "heat-3")])
def test_heat_classes(count: int, css: str) -> None:
    assert heat_class(count) == css
