"""``welzijnswijzer catalogue ...`` through click's test runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from socialmap.cli import catalogue_group
from socialmap.cliutil import CliContext

from .sheets import row, write_sheet

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def run(db_url: str, engine: object):  # type: ignore[no-untyped-def]
    """Invoke a catalogue subcommand against the test database (engines disposed after)."""
    contexts: list[CliContext] = []

    def invoke(*args: str):  # type: ignore[no-untyped-def]
        contexts.append(CliContext(url=db_url))
        return CliRunner().invoke(catalogue_group, list(args), obj=contexts[-1])
    yield invoke
    for ctx in contexts:
        if ctx._engine is not None:
            ctx._engine.dispose()


def test_import_list_show(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [row(), row(id="k-1", naam="Koffieochtend", omschrijving="Koffie drinken",
                       dimensies="", postcode="9712CP")]
    result = run("import", str(write_sheet(tmp_path / "a.csv", rows)))
    assert result.exit_code == 0, result.output
    assert "GEÏMPORTEERD" in result.stdout and "2 nieuw" in result.stdout
    listed = run("list")
    assert "wandel-1" in listed.stdout and "te classificeren" in listed.stdout
    only = run("list", "--te-classificeren")
    assert "k-1" in only.stdout and "wandel-1" not in only.stdout
    assert "wandel-1" in run("list", "--gemeente", "Groningen", "--status", "actief").stdout
    shown = run("show", "wandel-1")
    assert "Wandelgroep De Stappers" in shown.stdout and "gratis" in shown.stdout
    data = json.loads(run("show", "k-1", "--json").stdout)
    assert data["suggested_dimensions"] == ["meedoen"]


def test_bad_input_exits_2_with_one_line(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_sheet(tmp_path / "a.csv", [row(), row(id="b", postcode="97111A")])
    result = run("import", str(path))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "a.csv" in result.stderr and "rij 3" in result.stderr and "postcode" in result.stderr
    assert "Fouten (1)" in result.stdout
    assert "Er is niets gewijzigd" not in run("list").stdout and "wandel-1" not in run(
        "list").stdout


def test_empty_file_exits_2(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "leeg.csv"
    path.write_bytes(b"")
    result = run("import", str(path))
    assert result.exit_code == 2 and "leeg" in result.stderr


def test_json_report_and_dry_run(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("import", str(write_sheet(tmp_path / "a.csv", [row()])), "--dry-run", "--json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["ok"] and not report["applied"] and report["summary"]["created"] == ["wandel-1"]
    assert "wandel-1" not in run("list").stdout


def test_size_limit_option(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("import", str(write_sheet(tmp_path / "a.csv", [row()])), "--max-mb", "0.0001")
    assert result.exit_code == 2 and "te groot" in result.stderr


def test_show_unknown_id(run) -> None:  # type: ignore[no-untyped-def]
    result = run("show", "bestaat-niet")
    assert result.exit_code == 2 and "bestaat niet" in result.stderr


def test_export_csv_and_hsds(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("import", str(write_sheet(tmp_path / "a.csv", [row()])))
    out = tmp_path / "out.csv"
    result = run("export", "--format", "csv", str(out))
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").startswith("id,naam,")
    package = tmp_path / "hsds"
    result = run("export", "--format", "hsds", str(package))
    assert result.exit_code == 0, result.output
    assert (package / "datapackage.json").exists()
    again = run("import", str(package / "datapackage.json"), "--dry-run")
    assert again.exit_code == 0, again.output
    assert "1 ongewijzigd" in again.stdout


def test_export_format_is_required(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("export", str(tmp_path / "x.csv")).exit_code == 2


@pytest.mark.skipif(not (EXAMPLES / "gemeente_export.csv").exists(), reason="no examples")
def test_readme_walkthrough(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    mapping = str(EXAMPLES / "gemeente_export_mapping.json")
    first = run("import", str(EXAMPLES / "gemeente_export.csv"), "--mapping", mapping)
    assert first.exit_code == 2
    assert "97111A" in first.stdout and "ongeveer vijf euro" in first.stdout
    fixed = run("import", str(EXAMPLES / "gemeente_export_gecorrigeerd.csv"), "--mapping",
                mapping)
    assert fixed.exit_code == 0, fixed.output
    assert "Te classificeren (25)" in fixed.stdout
    package = tmp_path / "hsds.zip"
    assert run("export", "--format", "hsds", str(package)).exit_code == 0
    assert package.stat().st_size > 0
