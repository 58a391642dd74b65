"""``import_catalogue``: all or nothing, every kind of bad input, upsert, replace, dry run."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import Engine

from socialmap.importing.run import import_catalogue
from socialmap.store import find_activity, list_audit

from .sheets import HEADERS, row, snapshot, write_sheet

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
DEMO = REPO / "data" / "demo" / "sociale_kaart_demo.csv"


@pytest.fixture
def seeded(engine: Engine, tmp_path: Path) -> Engine:
    """A catalogue holding two activities."""
    rows = [row(), row(id="koffie-1", naam="Koffieochtend", omschrijving="Koffie en een praatje",
                       postcode="9712 CP")]
    report = import_catalogue(engine, write_sheet(tmp_path / "seed.csv", rows))
    assert report.applied, report.to_text()
    return engine


def _bad(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


def _junk_csv(tmp_path: Path) -> Path:
    return _bad(tmp_path / "junk.csv", os.urandom(20 * 1024 * 1024))


def _junk_text(tmp_path: Path) -> Path:
    line = b"lorem;ipsum;dolor;sit;amet\n"
    return _bad(tmp_path / "junk.csv", line * (20 * 1024 * 1024 // len(line)))


def _mixed(tmp_path: Path) -> Path:
    good = "naam;omschrijving;organisatie;postcode\nCafé;Koffie;Buurthuis;9711\n".encode()
    return _bad(tmp_path / "mixed.csv", good + "Café 2;Thee;Buurthuis;9712\n".encode("cp1252"))


def _sheet(tmp_path: Path, **values: str) -> Path:
    return write_sheet(tmp_path / "bad.csv", [row(id="nieuw-1", **values)],
                       headers=[*HEADERS, "lat", "lon"])


def _broken_hsds(tmp_path: Path) -> Path:
    target = tmp_path / "pakket.zip"
    with zipfile.ZipFile(target, "w") as zf:
        zf.writestr("datapackage.json", json.dumps({"name": "x", "resources": [
            {"name": "service", "path": "services.csv"}]}))
        zf.writestr("services.csv", "id,organization_id,name,status\n"
                    "8b1b7c3e-3b1a-4c55-9d7e-0d8d0a1e2b3c,00000000-0000-4000-8000-000000000000,"
                    "Wandelen,active\n")
    return target


BAD_INPUTS = {
    "empty file": (lambda p: _bad(p / "leeg.csv", b""), "leeg"),
    "binary file": (lambda p: _bad(p / "foto.csv", bytes(range(256)) * 40),
                    "geen tekstbestand"),
    "20 MB of random junk": (_junk_csv, "geen tekstbestand"),
    "20 MB of text junk": (_junk_text, "verplichte kolom 'naam' ontbreekt"),
    "too large": (lambda p: _bad(p / "groot.csv", b"a" * (20 * 1024 * 1024 + 1)), "te groot"),
    "header only": (lambda p: _bad(p / "kop.csv", b"naam,omschrijving,organisatie\n"),
                    "alleen een kopregel"),
    "missing columns": (lambda p: write_sheet(p / "a.csv", [{"naam": "x", "plaats": "y"}]),
                        "verplichte kolom 'omschrijving' ontbreekt"),
    "unknown dimension": (lambda p: _sheet(p, dimensies="Sport en spel"),
                          "onbekende waarde 'Sport en spel'"),
    "malformed postcode": (lambda p: _sheet(p, postcode="97111A"), "geen geldige postcode"),
    "latitude out of range": (lambda p: _sheet(p, lat="91", lon="6,5"), "tussen -90 en 90"),
    "duplicated ids": (lambda p: write_sheet(p / "a.csv", [row(id="x"), row(id="x")]),
                       "komt ook voor in rij"),
    "mixed encodings": (_mixed, "mengt tekencoderingen"),
    "old excel": (lambda p: _bad(p / "oud.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 600),
                  "sla het op als .xlsx of .csv"),
    "missing file": (lambda p: p / "bestaat-niet.csv", "niet gevonden"),
    "hsds broken reference": (_broken_hsds, "bestaat niet in organizations.csv"),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
@pytest.mark.parametrize("replace", [False, True])
def test_bad_input_is_refused_and_the_catalogue_is_unchanged(
        seeded: Engine, tmp_path: Path, case: str, replace: bool) -> None:
    make, expected = BAD_INPUTS[case]
    before = snapshot(seeded)
    report = import_catalogue(seeded, make(tmp_path), replace=replace)
    assert not report.ok and not report.applied
    assert report.errors, report.to_text()
    assert expected in report.to_text()
    assert snapshot(seeded) == before


def test_row_error_report_names_every_bad_row_and_field(engine: Engine, tmp_path: Path) -> None:
    rows = [row(id="a"), row(id="b", postcode="97111A"), row(id="c", dimensies="Sport"),
            row(id="d", dagen="maandagg", status="weg")]
    report = import_catalogue(engine, write_sheet(tmp_path / "a.csv", rows))
    found = {(p.row, p.field) for p in report.errors}
    assert found == {(3, "postcode"), (4, "dimensies"), (5, "dagen"), (5, "status")}
    assert "rij 5:" in report.to_text()
    assert report.headline().startswith("a.csv: 3 rij(en) met fouten")


def test_skip_invalid_imports_valid_rows_and_lists_rejected(engine: Engine,
                                                            tmp_path: Path) -> None:
    rows = [row(id="a"), row(id="b", postcode="97111A")]
    report = import_catalogue(engine, write_sheet(tmp_path / "a.csv", rows), skip_invalid=True)
    assert report.ok and report.applied
    assert report.summary is not None and report.summary.created == ["a"]
    assert [r.row for r in report.parsed.invalid_rows] == [3]
    assert "Overgeslagen rijen (1)" in report.to_text()
    assert report.to_json()["rejected_rows"][0]["errors"][0]["field"] == "postcode"


def test_upsert_by_id_and_reimport_changes_nothing(seeded: Engine, tmp_path: Path) -> None:
    version, items = snapshot(seeded)
    rows = [row(), row(id="koffie-1", naam="Koffieochtend", omschrijving="Koffie en een praatje",
                       postcode="9712 CP")]
    report = import_catalogue(seeded, write_sheet(tmp_path / "again.csv", rows))
    assert report.summary is not None and sorted(report.summary.unchanged) == ["koffie-1",
                                                                               "wandel-1"]
    assert snapshot(seeded) == (version, items)
    report = import_catalogue(seeded, write_sheet(tmp_path / "b.csv", [row(kosten="2,50")]))
    assert report.summary is not None and report.summary.updated == ["wandel-1"]
    with seeded.connect() as conn:
        stored = find_activity(conn, "wandel-1")
        assert stored is not None and stored.version == 2 and find_activity(conn, "koffie-1")


def test_replace_swaps_the_catalogue(seeded: Engine, tmp_path: Path) -> None:
    report = import_catalogue(seeded, write_sheet(tmp_path / "new.csv", [row(id="n-1")]),
                              replace=True)
    assert report.summary is not None
    assert sorted(report.summary.removed) == ["koffie-1", "wandel-1"]
    assert [a.id for a in snapshot(seeded)[1]] == ["n-1"]


def test_replace_with_skip_invalid_keeps_entries_of_rejected_rows(seeded: Engine,
                                                                  tmp_path: Path) -> None:
    rows = [row(), row(id="koffie-1", postcode="97111A")]
    report = import_catalogue(seeded, write_sheet(tmp_path / "r.csv", rows), replace=True,
                              skip_invalid=True)
    assert report.kept == ["koffie-1"]
    assert [a.id for a in snapshot(seeded)[1]] == ["koffie-1", "wandel-1"]


def test_dry_run_reports_changes_but_writes_nothing(seeded: Engine, tmp_path: Path) -> None:
    before = snapshot(seeded)
    report = import_catalogue(seeded, write_sheet(tmp_path / "a.csv", [row(id="n-1")]),
                              dry_run=True, replace=True)
    assert report.ok and not report.applied
    assert report.summary is not None and report.summary.created == ["n-1"]
    assert "PROEFIMPORT" in report.to_text()
    assert snapshot(seeded) == before


def test_failure_during_write_rolls_back(seeded: Engine, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import socialmap.store as store

    before = snapshot(seeded)
    real = store.activity_to_row
    calls = {"n": 0}

    def failing(activity):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] > 1:
            raise RuntimeError("disk full")
        return real(activity)

    monkeypatch.setattr(store, "activity_to_row", failing)
    rows = [row(id="n-1"), row(id="n-2", naam="Iets anders")]
    with pytest.raises(RuntimeError):
        import_catalogue(seeded, write_sheet(tmp_path / "a.csv", rows), replace=True)
    assert snapshot(seeded) == before


def test_audit_names_the_user(engine: Engine, tmp_path: Path) -> None:
    import_catalogue(engine, write_sheet(tmp_path / "a.csv", [row()]), user="ans")
    with engine.connect() as conn:
        assert list_audit(conn)[0]["user"] == "ans"


def test_unclassified_rows_are_listed_and_kept_out_of_classified(engine: Engine,
                                                                  tmp_path: Path) -> None:
    rows = [row(dimensies="", naam="Koffieochtend", omschrijving="Ontmoeten bij de koffie")]
    report = import_catalogue(engine, write_sheet(tmp_path / "a.csv", rows))
    assert report.to_classify == ["wandel-1"]
    stored = snapshot(engine)[1][0]
    assert not stored.classified and stored.suggested_dimensions == ["meedoen"]
    assert "Te classificeren (1)" in report.to_text()


def test_duplicates_are_reported_but_do_not_block(seeded: Engine, tmp_path: Path) -> None:
    rows = [row(id="wandel-2", naam="Wandelgroep de Stappers", postcode="9711AC")]
    report = import_catalogue(seeded, write_sheet(tmp_path / "a.csv", rows))
    assert report.applied
    (dup,) = report.duplicates
    assert "wandel-1" in dup.message and "wandel-2" in dup.message


def test_mapping_file_errors_are_reported(engine: Engine, tmp_path: Path) -> None:
    mapping = tmp_path / "m.json"
    mapping.write_text('{"Activiteit": "titel"}', encoding="utf-8")
    report = import_catalogue(engine, write_sheet(tmp_path / "a.csv", [row()]), mapping=mapping)
    assert not report.ok and "onbekende kolom" in report.errors[0].message


def test_configurable_size_limit(engine: Engine, tmp_path: Path) -> None:
    report = import_catalogue(engine, write_sheet(tmp_path / "a.csv", [row()]), max_bytes=100)
    assert "te groot" in report.errors[0].message


@pytest.mark.skipif(not (EXAMPLES / "gemeente_export.csv").exists(), reason="no examples")
def test_municipal_example_shows_its_mistakes_then_imports(engine: Engine) -> None:
    mapping = EXAMPLES / "gemeente_export_mapping.json"
    report = import_catalogue(engine, EXAMPLES / "gemeente_export.csv", mapping=mapping)
    assert not report.ok
    assert {p.field for p in report.errors} == {"postcode", "kosten", "laatst_gecontroleerd"}
    assert report.parsed.unmapped_headers == ["Interne opmerking"]
    fixed = import_catalogue(engine, EXAMPLES / "gemeente_export_gecorrigeerd.csv",
                             mapping=mapping)
    assert fixed.applied, fixed.to_text()
    assert any(p.field == "postcode" and "postbus" in p.message for p in fixed.warnings)
    assert len(fixed.to_classify) == len(fixed.parsed.valid) == 25


@pytest.mark.skipif(not DEMO.exists(), reason="no demo catalogue")
def test_demo_catalogue_imports(engine: Engine) -> None:
    report = import_catalogue(engine, DEMO)
    assert report.applied, report.to_text()
    assert report.duplicates
