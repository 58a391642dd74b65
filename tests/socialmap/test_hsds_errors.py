"""Bad HSDS packages: every broken reference or bad value is reported on its row, in Dutch."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from socialmap.hsds import read_hsds_package, write_hsds_package
from socialmap.hsds.package import MAX_MEMBER_BYTES
from socialmap.importing.report import ImportReport, ParseResult
from tests.socialmap.test_hsds_package import sample_catalogue

MISSING = "99999999-9999-4999-8999-999999999999"
Row = dict[str, str]


def edit(folder: Path, file: str, change: Callable[[list[Row]], list[Row]]) -> None:
    """Rewrite one CSV of the package through ``change``."""
    with (folder / file).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header, rows = list(reader.fieldnames or []), list(reader)
    out = io.StringIO()
    writer = csv.DictWriter(out, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(change(rows))
    (folder / file).write_text(out.getvalue(), "utf-8")


def first(column: str, value: str) -> Callable[[list[Row]], list[Row]]:
    def change(rows: list[Row]) -> list[Row]:
        rows[0][column] = value
        return rows
    return change


@pytest.fixture
def package(tmp_path: Path) -> Path:
    return write_hsds_package(sample_catalogue(), tmp_path / "hsds")


def errors(result: ParseResult) -> list[tuple[int | None, str | None, str]]:
    return [(p.row, p.field, p.text()) for r in result.invalid_rows for p in r.errors] + \
        [(p.row, p.field, p.text()) for p in result.file_errors]


def rejected(result: ParseResult) -> bool:
    """Whether ``catalogue import`` (without --skip-invalid) would refuse the whole package."""
    return not ImportReport(parsed=result).ok


@pytest.mark.parametrize(("file", "column", "value", "field", "words"), [
    ("service_at_location.csv", "location_id", MISSING, "service_at_location.location_id",
     "bestaat niet in locations.csv"),
    ("attributes.csv", "taxonomy_term_id", MISSING, "attribute.taxonomy_term_id",
     "bestaat niet in taxonomy_terms.csv"),
    ("services.csv", "organization_id", MISSING, "service.organization_id",
     "bestaat niet in organizations.csv"),
    ("services.csv", "status", "open", "service.status", "moet een van deze waarden zijn"),
    ("services.csv", "name", "", "service.name", "is verplicht maar leeg"),
    ("services.csv", "minimum_age", "achttien", "service.minimum_age", "is geen getal"),
    ("services.csv", "assured_date", "01-05-2024", "service.assured_date", "is geen datum"),
    ("locations.csv", "latitude", "53,2", "location.latitude", "is geen getal"),
    ("addresses.csv", "postal_code", "postbus", "address.postal_code", "postcode"),
    ("cost_options.csv", "amount", "-3", "cost_option.amount", "moet minstens 0 zijn"),
    ("taxonomy_terms.csv", "code", "lichaam", "attribute.taxonomy_term_id",
     "onbekende spinnenweb-dimensie: lichaam"),
])
def test_bad_value_or_reference_rejects_its_service_row(
        package: Path, file: str, column: str, value: str, field: str, words: str) -> None:
    if file == "taxonomy_terms.csv":
        edit(package, file, lambda rows: [r | {column: value} if r[column] == "lichaamsfuncties"
                                          else r
                                          for r in rows])
    else:
        edit(package, file, first(column, value))
    result = read_hsds_package(package)
    assert rejected(result)
    found = errors(result)
    assert any(f == field and words in text for _, f, text in found), found
    assert all(row == 2 for row, _, _ in found), found  # the first service, header = row 1
    assert len(result.valid) == 3  # the other services are fine (for --skip-invalid)


def test_error_in_related_table_names_its_file_and_row(package: Path) -> None:
    edit(package, "service_at_location.csv", first("location_id", MISSING))
    (problem,) = read_hsds_package(package).invalid_rows[0].errors
    assert problem.text() == (
        f"rij 2, service_at_location.location_id: verwijst naar '{MISSING}', maar die bestaat "
        f"niet in locations.csv (service_at_location.csv rij 2) (waarde: \"{MISSING}\")")


def test_attribute_of_unknown_service_is_a_file_error(package: Path) -> None:
    edit(package, "attributes.csv", first("link_id", MISSING))
    result = read_hsds_package(package)
    assert rejected(result)
    assert "bestaat niet in services.csv" in result.file_errors[0].message
    assert result.file_errors[0].field == "attribute.link_id"


def test_orphan_cost_option_is_a_file_error(package: Path) -> None:
    edit(package, "cost_options.csv", first("service_id", MISSING))
    result = read_hsds_package(package)
    assert [p.field for p in result.file_errors] == ["cost_option.service_id"]
    assert "cost_options.csv rij 2" in result.file_errors[0].message


def test_duplicate_ids_and_keys(package: Path) -> None:
    edit(package, "services.csv", lambda rows: rows + [dict(rows[0])])
    result = read_hsds_package(package)
    assert rejected(result)
    assert any(p.field == "service.id" and "uniek" in p.message
               for r in result.invalid_rows for p in r.errors)


def test_invalid_activity_is_reported_in_dutch(package: Path) -> None:
    edit(package, "services.csv", first("minimum_age", "150"))
    (row,) = read_hsds_package(package).invalid_rows
    assert [(p.field, p.message) for p in row.errors] == [
        ("service.minimum_age", "mag hoogstens 120 zijn")]


def test_missing_services_table(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "organizations.csv").write_text("id,name,description\n", "utf-8")
    result = read_hsds_package(tmp_path / "p")
    assert rejected(result) and "services.csv" in result.file_errors[0].message


def test_not_a_package(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("hallo", "utf-8")
    assert "verwacht een map" in read_hsds_package(tmp_path / "x.txt").file_errors[0].message
    assert "bestaat niet" in read_hsds_package(tmp_path / "nope").file_errors[0].message
    (tmp_path / "bad.zip").write_bytes(b"not a zip")
    assert "zip" in read_hsds_package(tmp_path / "bad.zip").file_errors[0].message


@pytest.mark.parametrize("name", ["../services.csv", "/etc/services.csv", "a/../../b.csv",
                                  "C:/x/services.csv"])
def test_zip_path_traversal_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("datapackage.json", "{}")
        zf.writestr(name, "id\n")
    (problem,) = read_hsds_package(path).file_errors
    assert problem.message.startswith("Onveilig pad in het zip-bestand")


def test_descriptor_path_traversal_is_refused(package: Path) -> None:
    (package / "datapackage.json").write_text(
        '{"resources": [{"name": "service", "path": "../../secret.csv"}]}', "utf-8")
    (problem,) = read_hsds_package(package).file_errors
    assert problem.message == "Onveilig pad in datapackage.json: '../../secret.csv'."


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("services.csv", b"0" * (MAX_MEMBER_BYTES + 1))
    (problem,) = read_hsds_package(path).file_errors
    assert "zip-bom" in problem.message


def test_broken_descriptor(package: Path) -> None:
    (package / "datapackage.json").write_text("{niet: json", "utf-8")
    assert "datapackage.json" in read_hsds_package(package).file_errors[0].message


def test_not_utf8(package: Path) -> None:
    (package / "services.csv").write_bytes("id,naam\n1,caf\xe9\n".encode("latin-1"))
    assert "UTF-8" in read_hsds_package(package).file_errors[0].message
