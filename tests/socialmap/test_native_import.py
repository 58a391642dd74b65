"""Reading native spreadsheets: encodings, delimiters, headers, mapping, per-field problems."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from socialmap.errors import CatalogueError
from socialmap.importing.build import generated_id, slugify
from socialmap.importing.columns import load_mapping, parse_mapping, plan_columns
from socialmap.importing.native import read_native, sniff_delimiter

from .sheets import row, write_sheet

TODAY = date(2025, 6, 1)


def _read(path: Path, **kw: object) -> object:
    return read_native(path, today=TODAY, **kw)  # type: ignore[arg-type]


def test_reads_a_valid_row(tmp_path: Path) -> None:
    result = read_native(write_sheet(tmp_path / "a.csv", [row()]), today=TODAY)
    assert not result.file_errors and not result.invalid_rows
    (a,) = result.valid
    assert a.id == "wandel-1"
    assert a.dimensions == ["lichaamsfuncties", "meedoen"]
    assert a.complaints == ["eenzaamheid"]
    assert a.cost.is_free
    assert a.schedule.days == ["di", "do"]
    assert a.last_verified == date(2024, 4, 3)
    assert a.location is not None and a.location.postcode == "9711AB"
    assert a.location.has_coordinates and a.location.municipality == "Groningen"
    assert a.organisation.id == "buurtwerk-noord"


@pytest.mark.parametrize(("delimiter", "encoding", "detail"), [
    (",", "utf-8", "UTF-8, scheidingsteken komma"),
    (";", "utf-8-sig", "UTF-8 met BOM, scheidingsteken puntkomma"),
    (";", "cp1252", "Windows-1252, scheidingsteken puntkomma"),
    ("\t", "utf-16", "UTF-16, scheidingsteken tab"),
])
def test_encodings_and_delimiters(tmp_path: Path, delimiter: str, encoding: str,
                                  detail: str) -> None:
    rows = [row(naam="Café Ontmoeting", kosten="€ 2,50")]
    path = write_sheet(tmp_path / "a.csv", rows, delimiter=delimiter, encoding=encoding)
    result = read_native(path, today=TODAY)
    assert result.detail == detail
    (a,) = result.valid
    assert a.name == "Café Ontmoeting"
    assert a.cost.amount_eur == Decimal("2.50")


def test_sniff_ignores_delimiters_in_quotes() -> None:
    assert sniff_delimiter('"a,b,c";naam;omschrijving\n') == ";"
    assert sniff_delimiter("naam\n") == ","


def test_headers_any_case_spaces_and_aliases(tmp_path: Path) -> None:
    rows = [{" NAAM ": "Koffie", "Beschrijving": "Koffie drinken", "Aanbieder": "Buurthuis",
             "Woonplaats": "Groningen", "Postcode": "9712cp", "E-mail": "info@example.nl",
             "Website": "www.example.nl"}]
    (a,) = read_native(write_sheet(tmp_path / "a.csv", rows), today=TODAY).valid
    assert (a.name, a.description, a.organisation.name) == ("Koffie", "Koffie drinken",
                                                            "Buurthuis")
    assert a.contact.email == "info@example.nl"
    assert a.contact.website == "https://www.example.nl"


def test_missing_required_columns_is_a_file_error(tmp_path: Path) -> None:
    result = _read(write_sheet(tmp_path / "a.csv", [{"naam": "x", "postcode": "9711"}]))
    messages = [p.message for p in result.file_errors]
    assert any("'omschrijving' ontbreekt" in m for m in messages)
    assert any("'organisatie' ontbreekt" in m for m in messages)


def test_unmapped_headers_are_listed(tmp_path: Path) -> None:
    rows = [{**row(), "Interne code": "A1", "Opmerking": "zie mail"}]
    result = _read(write_sheet(tmp_path / "a.csv", rows))
    assert result.unmapped_headers == ["Interne code", "Opmerking"]
    assert len(result.valid) == 1


@pytest.mark.parametrize(("field", "value", "column", "message"), [
    ("postcode", "97111A", "postcode", "geen geldige postcode"),
    ("dimensies", "Sport", "dimensies", "onbekende waarde 'Sport'"),
    ("doelgroepen", "ouderen", "doelgroepen", "onbekende waarde 'ouderen'"),
    ("online", "soms", "online", "ja of nee"),
    ("dagen", "maandagg", "dagen", "onbekende dag"),
    ("laatst_gecontroleerd", "31-02-2024", "laatst_gecontroleerd", "bestaat niet"),
    ("status", "weg", "status", "actief, gepauzeerd of inactief"),
    ("naam", "", "naam", "verplicht"),
    ("id", "met spatie", "id", "zonder spaties"),
])
def test_field_errors_name_row_and_column(tmp_path: Path, field: str, value: str, column: str,
                                          message: str) -> None:
    result = _read(write_sheet(tmp_path / "a.csv", [row(), row(**{"id": "b", field: value})]))
    (bad,) = result.invalid_rows
    assert bad.row == 3
    assert any(p.field == column and message in p.message for p in bad.errors), bad.errors


def test_all_problems_of_a_row_are_reported(tmp_path: Path) -> None:
    result = _read(write_sheet(tmp_path / "a.csv", [row(postcode="97111A", dimensies="Sport",
                                                        email="geen-mail")],
                               headers=[*row(), "email"]))
    fields = {p.field for p in result.invalid_rows[0].errors}
    assert {"postcode", "dimensies"} <= fields


def test_model_errors_are_translated(tmp_path: Path) -> None:
    rows = [row(email="geen-mail", leeftijd_min="70", leeftijd_max="18")]
    result = _read(write_sheet(tmp_path / "a.csv", rows, headers=[*row(), "email",
                                                                 "leeftijd_min",
                                                                 "leeftijd_max"]))
    errors = {p.field: p.message for p in result.invalid_rows[0].errors}
    assert errors["email"] == "geen geldig e-mailadres"
    assert "leeftijd_min is groter" in errors["leeftijd_min"]


def test_latitude_out_of_range(tmp_path: Path) -> None:
    rows = [row(lat="153,2", lon="6,5")]
    result = _read(write_sheet(tmp_path / "a.csv", rows, headers=[*row(), "lat", "lon"]))
    (p,) = result.invalid_rows[0].errors
    assert (p.field, p.value) == ("lat", "153,2")
    assert "tussen -90 en 90" in p.message


def test_swapped_coordinates(tmp_path: Path) -> None:
    rows = [row(lat="6,56", lon="53,22")]
    result = _read(write_sheet(tmp_path / "a.csv", rows, headers=[*row(), "lat", "lon"]))
    assert "verwisseld" in result.invalid_rows[0].errors[0].message


def test_decimal_comma_coordinates_are_kept(tmp_path: Path) -> None:
    rows = [row(lat="53,2194", lon="6,5665")]
    (a,) = _read(write_sheet(tmp_path / "a.csv", rows, headers=[*row(), "lat", "lon"],
                             delimiter=";")).valid
    assert a.location is not None and (a.location.lat, a.location.lon) == (53.2194, 6.5665)


def test_unknown_pc4_is_a_warning_and_kept_without_coordinates(tmp_path: Path) -> None:
    result = _read(write_sheet(tmp_path / "a.csv", [row(postcode="1000 AA")]))
    (a,) = result.valid
    assert a.location is not None and a.location.postcode == "1000AA"
    assert not a.location.has_coordinates
    (w,) = result.rows[0].warnings
    assert w.field == "postcode" and "postbus" in w.message


def test_typo_in_dimension_is_corrected_and_reported(tmp_path: Path) -> None:
    result = _read(write_sheet(tmp_path / "a.csv", [row(dimensies="Lichaamsfunkties")]))
    assert result.valid[0].dimensions == ["lichaamsfuncties"]
    assert "tikfout" in result.rows[0].warnings[0].message


def test_online_activity_needs_no_place(tmp_path: Path) -> None:
    rows = [row(online="ja", postcode="", adres="", plaats="")]
    (a,) = _read(write_sheet(tmp_path / "a.csv", rows)).valid
    assert a.online and a.location is None


def test_place_needs_a_postcode(tmp_path: Path) -> None:
    result = _read(write_sheet(tmp_path / "a.csv", [row(postcode="")]))
    assert result.invalid_rows[0].errors[0].field == "postcode"


def test_unreadable_cost_is_an_error(tmp_path: Path) -> None:
    result = _read(write_sheet(tmp_path / "a.csv", [row(kosten="ongeveer vijf euro")]))
    (p,) = result.invalid_rows[0].errors
    assert p.field == "kosten" and "kosten_toelichting" in p.message


def test_words_after_an_amount_become_the_note(tmp_path: Path) -> None:
    (a,) = _read(write_sheet(tmp_path / "a.csv", [row(kosten="€ 3 per keer")])).valid
    assert a.cost.amount_eur == Decimal("3.00") and a.cost.note == "per keer"


def test_generated_id_is_stable(tmp_path: Path) -> None:
    rows = [row(id="")]
    first = _read(write_sheet(tmp_path / "a.csv", rows)).valid[0].id
    second = _read(write_sheet(tmp_path / "b.csv", rows, delimiter=";")).valid[0].id
    assert first == second == generated_id("Buurtwerk Noord", "Wandelgroep De Stappers",
                                           "9711AB")
    assert first.startswith("buurtwerk-noord-wandelgroep-de-stappers-")


def test_slugify() -> None:
    assert slugify("Stichting Wélzijn & Co ") == "stichting-welzijn-co"
    assert slugify("!!!") == "x"


def test_unclassified_rows_get_suggestions(tmp_path: Path) -> None:
    rows = [row(naam="Koffieochtend", omschrijving="Ontmoeten bij de koffie", dimensies="",
                doelgroepen="")]
    (a,) = _read(write_sheet(tmp_path / "a.csv", rows)).valid
    assert not a.classified
    assert a.suggested_dimensions[0] == "meedoen"
    assert "eenzaamheid" in a.suggested_complaints


def test_shifted_row_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("naam,omschrijving,organisatie,postcode,kosten\n"
                    "Koffie,Koffie drinken,Buurthuis,9711,2,50\n", encoding="utf-8")
    result = _read(path)
    assert "scheidingsteken" in result.invalid_rows[0].errors[0].message


def test_blank_rows_are_skipped_and_rows_numbered_as_in_excel(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("\n" + "naam;omschrijving;organisatie;postcode\n;;;\n"
                    "Koffie;Koffie drinken;Buurthuis;97111\n", encoding="utf-8")
    result = _read(path)
    assert [r.row for r in result.rows] == [4]


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    for r in rows:
        sheet.append(r)
    book.save(path)
    return path


def test_xlsx_with_typed_cells(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "a.xlsx", [
        ["Naam", "Omschrijving", "Organisatie", "Postcode", "Kosten", "Laatst gecontroleerd",
         "Online", "Leeftijd_min"],
        ["Koffie", "Koffie drinken", "Buurthuis", 9711, 2.5, date(2024, 4, 3), False, 18.0],
    ])
    result = read_native(path, today=TODAY)
    assert result.format == "xlsx"
    (a,) = result.valid
    assert a.cost.amount_eur == Decimal("2.50")
    assert a.last_verified == date(2024, 4, 3)
    assert a.location is not None and a.location.postcode == "9711"
    assert a.age_min == 18


def test_old_xls_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "a.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    assert "sla het op als .xlsx of .csv" in _read(path).file_errors[0].message


def test_broken_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"PK\x03\x04 niet echt een zip")
    assert "geen leesbaar Excel-bestand" in _read(path).file_errors[0].message


def test_mapping_renames_splits_and_joins(tmp_path: Path) -> None:
    rows = [{"Activiteit": "Koffie", "Info": "Koffie drinken", "Stichting": "Buurthuis",
             "Locatie": "Noorderplantsoen 1, 9711 AB Groningen", "Straat": "x",
             "Tijdstip": "dinsdag 10:00-12:00", "Opmerking": "A1"}]
    mapping = {"Activiteit": "naam", "info": "omschrijving", "Stichting": "organisatie",
               "Locatie": ["adres", "postcode", "plaats"], "Tijdstip": ["wanneer", "dagen"],
               "Niet aanwezig": "telefoon"}
    result = read_native(write_sheet(tmp_path / "a.csv", rows), mapping=parse_mapping(mapping),
                         today=TODAY)
    (a,) = result.valid
    assert a.location is not None
    assert (a.location.address, a.location.postcode, a.location.city) == (
        "Noorderplantsoen 1", "9711AB", "Groningen")
    assert a.schedule.when == "dinsdag 10:00-12:00" and a.schedule.days == ["di"]
    assert result.unmapped_headers == ["Straat", "Opmerking"]
    assert "'niet aanwezig'" in result.warnings[0].message


def test_mapping_joins_several_headers_into_one_column() -> None:
    plan = plan_columns(["Straat", "Huisnummer", "naam", "omschrijving", "organisatie"],
                        {"Straat": ["adres"], "Huisnummer": ["adres"]})
    assert not plan.problems


def test_two_aliases_for_one_column_is_an_error() -> None:
    plan = plan_columns(["naam", "Titel", "omschrijving", "organisatie"])
    assert "meerdere kolommen betekenen 'naam'" in plan.problems[0].message


@pytest.mark.parametrize(("content", "message"), [
    ("[1, 2]", "JSON-object"),
    ('{"a": "nam"}', "Bedoelde u 'naam'"),
    ('{"a": 3}', "kolomnaam of een lijst"),
    ('{"a": []}', "kolomnaam of een lijst"),
    ("{niet json", "geen geldige JSON"),
])
def test_mapping_file_is_validated(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "m.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CatalogueError, match=message):
        load_mapping(path)


def test_mapping_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"Activiteit": "naam", "Adres": ["adres", "postcode"]}))
    assert load_mapping(path) == {"Activiteit": ["naam"], "Adres": ["adres", "postcode"]}
