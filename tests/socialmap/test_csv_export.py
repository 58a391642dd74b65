"""Native CSV export: round trip through the importer, formula injection, Excel flavour."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import Engine

from socialmap.exporting import export_catalogue
from socialmap.exporting.csv_export import activity_row, csv_text
from socialmap.importing.columns import NATIVE_COLUMNS
from socialmap.importing.run import import_catalogue
from socialmap.models import ActivityIn

from .sheets import HEADERS, row, snapshot, write_sheet

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo" / "sociale_kaart_demo.csv"

RICH = [
    row(),
    row(id="online-1", naam="=HYPERLINK(\"http://evil\")", omschrijving="+31 bellen", online="ja",
        postcode="", adres="", plaats="", kosten="€ 2,50", dagen="ma-vr",
        laatst_gecontroleerd="", status="gepauzeerd"),
    row(id="postbus-1", naam="@SUM(A1)", omschrijving="-2 korting", postcode="9700 AA",
        dimensies="", doelgroepen="", kosten="", telefoon="-", talen="nl;ar",
        leeftijd_min="18", leeftijd_max="65", rolstoeltoegankelijk="nee"),
]
RICH_HEADERS = [*HEADERS, "telefoon", "talen", "leeftijd_min", "leeftijd_max",
                "rolstoeltoegankelijk", "lat", "lon"]


def _content(engine: Engine) -> list[dict[str, object]]:
    keep = set(ActivityIn.model_fields)
    return [a.model_dump(include=keep) for a in snapshot(engine)[1]]


@pytest.mark.parametrize("excel", [False, True])
def test_round_trip_gives_the_same_catalogue(engine: Engine, db_url: str, tmp_path: Path,
                                             excel: bool) -> None:
    source = write_sheet(tmp_path / "in.csv", RICH, headers=RICH_HEADERS)
    assert import_catalogue(engine, source).applied
    before = _content(engine)
    out = tmp_path / "out.csv"
    assert export_catalogue(engine, "csv", out, excel=excel) == 3
    report = import_catalogue(engine, out, replace=True)
    assert report.summary is not None and len(report.summary.unchanged) == 3, report.to_text()
    assert _content(engine) == before


def test_round_trip_into_an_empty_database(engine: Engine, tmp_path: Path) -> None:
    source = write_sheet(tmp_path / "in.csv", RICH, headers=RICH_HEADERS)
    import_catalogue(engine, source)
    before = _content(engine)
    out = tmp_path / "out.csv"
    export_catalogue(engine, "csv", out)
    import_catalogue(engine, write_sheet(tmp_path / "other.csv", [row(id="z")]), replace=True)
    assert import_catalogue(engine, out, replace=True).applied
    assert _content(engine) == before


@pytest.mark.skipif(not DEMO.exists(), reason="no demo catalogue")
def test_demo_round_trip(engine: Engine, tmp_path: Path) -> None:
    assert import_catalogue(engine, DEMO).applied
    before = _content(engine)
    out = tmp_path / "demo.csv"
    export_catalogue(engine, "csv", out, excel=True)
    report = import_catalogue(engine, out, replace=True)
    assert report.summary is not None and not report.summary.updated
    assert _content(engine) == before


def test_formula_cells_are_neutralised(engine: Engine, tmp_path: Path) -> None:
    import_catalogue(engine, write_sheet(tmp_path / "in.csv", RICH, headers=RICH_HEADERS))
    out = tmp_path / "out.csv"
    export_catalogue(engine, "csv", out)
    cells = [c for r in csv.reader(io.StringIO(out.read_text(encoding="utf-8"))) for c in r]
    assert "'=HYPERLINK(\"http://evil\")" in cells and "'@SUM(A1)" in cells
    assert "'+31 bellen" in cells and "'-2 korting" in cells and "'-" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


def test_header_and_excel_flavour(engine: Engine, tmp_path: Path) -> None:
    import_catalogue(engine, write_sheet(tmp_path / "in.csv", [row(kosten="2,50")]))
    out = tmp_path / "out.csv"
    export_catalogue(engine, "csv", out, excel=True)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header, first = raw.decode("utf-8-sig").splitlines()[:2]
    assert header.split(";") == list(NATIVE_COLUMNS)
    assert ";2,50;" in first and ";03-04-2024;" in first


def test_csv_text_and_row() -> None:
    activity = ActivityIn.model_validate({
        "id": "a", "name": "A", "description": "B", "organisation": {"id": "o", "name": "O"},
        "online": True, "cost": {"amount_eur": "0"}})
    assert activity_row(activity)["kosten"] == "gratis"
    text = csv_text([activity])
    assert next(csv.DictReader(io.StringIO(text)))["online"] == "ja"


def test_unknown_format_is_refused(engine: Engine, tmp_path: Path) -> None:
    from socialmap.errors import CatalogueError

    with pytest.raises(CatalogueError, match="Onbekend exportformaat"):
        export_catalogue(engine, "pdf", tmp_path / "x")
