"""HSDS 3.0 tabular packages: the export validates against the official schemas and round-trips."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from socialmap.hsds import read_hsds_package, schemas, write_hsds_package
from socialmap.hsds.ids import activity_uuid
from socialmap.hsds.package import package_files, read_tables
from socialmap.hsds.tabular import check_tables, resources
from socialmap.models import Activity, ActivityIn


def sample_catalogue() -> list[Activity]:
    """A varied catalogue: every field, online, paused, inactive, UUID keys, unclassified."""
    org = {"id": "org-welzijn", "name": "Welzijn Stad"}
    return [
        Activity(
            id="wandel-1", name="Wandelgroep", description="Samen wandelen in het park.",
            organisation=org, dimensions=["meedoen", "lichaamsfuncties"],
            complaints=["eenzaamheid", "zingeving"],
            location={"address": "Hoofdstraat 1", "postcode": "9711AB", "city": "Groningen",
                      "municipality": "Groningen", "lat": 53.2194, "lon": 6.5665},
            cost={"amount_eur": Decimal("2.50"), "note": "per keer, koffie inbegrepen"},
            schedule={"when": "dinsdag en donderdag 10:00-12:00", "days": ["di", "do"]},
            signup="Bel of mail ons, of loop binnen.", age_min=18, age_max=99, wheelchair="ja",
            languages=["nl", "en"],
            contact={"person": "Ans de Vries", "phone": "050-1234567",
                     "email": "ans@welzijn.example", "website": "https://welzijn.example/wandel"},
            last_verified=date(2024, 5, 1), status="actief", version=3,
            last_modified=datetime(2024, 6, 1, 12, 30, tzinfo=UTC)),
        Activity(
            id="6F1D2C3A-5B7E-4E2F-9A41-0C8D7E6B5A39", name="Online schrijfcursus",
            description="Schrijven over wat je bezighoudt.",
            organisation={"id": "c0ffee00-0000-4000-8000-000000000001", "name": "Schrijfhuis"},
            online=True, suggested_dimensions=["zingeving"], suggested_complaints=["eenzaamheid"],
            languages=[], status="inactief", wheelchair="nee", cost={"note": "op aanvraag"}),
        Activity(
            id="c0ffee00-0000-4000-8000-0000000000aa", name="Koffie-ochtend",
            description="Elke week koffie.", organisation=org, dimensions=["meedoen"],
            location={"postcode": "9711"}, online=True, cost={"amount_eur": Decimal("0")},
            status="gepauzeerd", schedule={"days": ["ma"]}),
        Activity(
            id="tuin.2", name="Moestuin", description="Samen tuinieren.", organisation=org,
            dimensions=["dagelijks_functioneren"], location={"lat": 53.1, "lon": 6.5},
            schedule={"when": "in overleg"}, contact={"phone": "06-12345678"}),
    ]


def plain(activity: ActivityIn) -> ActivityIn:
    """The activity without bookkeeping (what an import yields)."""
    return ActivityIn.model_validate(activity.model_dump(include=set(ActivityIn.model_fields)))


def typed(table: str, record: dict[str, Any]) -> dict[str, Any]:
    """A CSV row as a JSON object: empty cells left out, numbers as numbers."""
    fields = {f["name"]: f for f in resources()[table]["schema"]["fields"]}
    return {k: (float(v) if fields[k]["type"] == "number" else v)
            for k, v in record.items() if not k.startswith("_") and v != ""}


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    return write_hsds_package(sample_catalogue(), tmp_path / "hsds")


def test_export_validates_against_tabular_schema(exported: Path) -> None:
    tables, unmapped, warnings = read_tables(exported)
    assert check_tables(tables) == []
    assert unmapped == [] and warnings == []
    assert len(tables["service"]) == 4


def test_export_rows_validate_against_json_schemas(exported: Path) -> None:
    tables, _, _ = read_tables(exported)
    checked = 0
    for table, records in tables.items():
        for record in records:
            assert schemas.errors(typed(table, record), f"{table}.json") == [], (table, record)
            checked += 1
    assert checked > 40


def test_descriptor_and_headers_follow_official_datapackage(exported: Path) -> None:
    descriptor = json.loads((exported / "datapackage.json").read_text("utf-8"))
    official = {r["name"]: r for r in schemas.load("datapackage.json")["resources"]}
    assert descriptor["profile"] == "tabular-data-package"
    for resource in descriptor["resources"]:
        assert resource == official[resource["name"]]
        with (exported / resource["path"]).open(encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        assert header == [f["name"] for f in resource["schema"]["fields"]]


def test_export_is_deterministic() -> None:
    assert package_files(sample_catalogue()) == package_files(sample_catalogue())


@pytest.mark.parametrize("target", ["folder", "zip", "descriptor"])
def test_round_trip_gives_the_same_catalogue(tmp_path: Path, target: str) -> None:
    path = write_hsds_package(sample_catalogue(),
                              tmp_path / ("hsds.zip" if target == "zip" else "hsds"))
    if target == "descriptor":
        path = path / "datapackage.json"
    result = read_hsds_package(path)
    assert result.file_errors == [] and result.invalid_rows == []
    assert result.format == "hsds"
    assert result.valid == [plain(a) for a in sample_catalogue()]


def test_keys_travel_with_the_package(exported: Path) -> None:
    services = {r["name"]: r["id"] for r in read_tables(exported)[0]["service"]}
    assert services["Wandelgroep"] == activity_uuid("wandel-1")
    assert services["Koffie-ochtend"] == "c0ffee00-0000-4000-8000-0000000000aa"
    keys = [a.id for a in read_hsds_package(exported).valid]
    assert keys == ["wandel-1", "6F1D2C3A-5B7E-4E2F-9A41-0C8D7E6B5A39",
                    "c0ffee00-0000-4000-8000-0000000000aa", "tuin.2"]


def test_status_mapping_in_export(exported: Path) -> None:
    status = {r["name"]: r["status"] for r in read_tables(exported)[0]["service"]}
    assert status == {"Wandelgroep": "active", "Online schrijfcursus": "inactive",
                      "Koffie-ochtend": "temporarily closed", "Moestuin": "active"}


def test_zip_in_a_subfolder_is_found(tmp_path: Path) -> None:
    files = package_files(sample_catalogue())
    path = tmp_path / "nested.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, content in files.items():
            zf.writestr(f"export-2024/{name}", content)
    assert len(read_hsds_package(path).valid) == 4


def _foreign_package(tmp_path: Path, extra_services: str = "") -> Path:
    """A minimal package as another system writes it: UUID ids, no keys, no dimensions."""
    folder = tmp_path / "foreign"
    folder.mkdir()
    (folder / "organizations.csv").write_text(
        "id,name,description\n"
        "11111111-1111-4111-8111-111111111111,Buurthuis De Linde,Buurthuis\n", "utf-8")
    (folder / "services.csv").write_text(
        "id,organization_id,name,description,status\n"
        "22222222-2222-4222-8222-222222222222,11111111-1111-4111-8111-111111111111,"
        "Taalcafe,Nederlands oefenen,active\n" + extra_services, "utf-8")
    return folder


def test_foreign_package_without_descriptor_keys_or_dimensions(tmp_path: Path) -> None:
    result = read_hsds_package(_foreign_package(tmp_path))
    assert result.file_errors == [] and result.invalid_rows == []
    activity = result.valid[0]
    assert activity.id == "22222222-2222-4222-8222-222222222222"
    assert activity.organisation.id == "11111111-1111-4111-8111-111111111111"
    assert not activity.classified and activity.online
    assert "online" in result.rows[0].warnings[0].message


def test_utf8_bom_and_unknown_columns(tmp_path: Path) -> None:
    folder = _foreign_package(tmp_path)
    text = (folder / "services.csv").read_text("utf-8").replace("status", "status,kleur", 1)
    text = text.replace("active\n", "active,rood\n")
    (folder / "services.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = read_hsds_package(folder)
    assert len(result.valid) == 1
    assert result.unmapped_headers == ["services.csv: kleur"]


def test_csv_values_are_quoted_safely(tmp_path: Path) -> None:
    activity = sample_catalogue()[0].model_copy(
        update={"description": 'Regel 1,\n"Regel 2"; met komma\'s'})
    path = write_hsds_package([activity], tmp_path / "p")
    assert read_hsds_package(path).valid[0].description == activity.description
    assert next(csv.reader(io.StringIO((path / "services.csv").read_text("utf-8"))))[0] == "id"
