"""Reading the native catalogue spreadsheet: CSV (``,``/``;``; UTF-8, UTF-8 with BOM,
Windows-1252) or XLSX, into a :class:`ParseResult`.

File-level problems (empty, binary, too large, mixed encodings, missing required columns) become
``file_errors``; everything else is reported per row and field.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from ..errors import CatalogueError
from .build import build_row
from .columns import ColumnPlan, apply_plan, plan_columns
from .report import ParsedRow, ParseResult, Problem

#: Files larger than this are refused before they are read (bytes).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: More data rows than this are refused (a sociale kaart has hundreds to a few thousand).
MAX_ROWS = 50_000
_MAGIC = {
    b"PK\x03\x04": "een zip- of .xlsx-bestand",
    b"\xd0\xcf\x11\xe0": "een oud Excel-bestand (.xls)",
    b"%PDF": "een PDF-bestand",
}
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|"
                            rb"[\xf0-\xf4][\x80-\xbf]{3}")
_NOT_A_TABLE = ("Dit is geen tekstbestand of spreadsheet. Lever de sociale kaart aan als CSV "
                "(komma of puntkomma) of als Excel-bestand (.xlsx).")


@dataclass
class Table:
    """The raw cells of a spreadsheet: headers and data rows with their row numbers."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]
    format: str
    detail: str = ""
    warnings: list[Problem] = field(default_factory=list)


def check_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    """The file's size; raises :class:`CatalogueError` when it is missing, empty or too large."""
    if not path.exists():
        raise CatalogueError(f"{path.name}: bestand niet gevonden.")
    if not path.is_file():
        raise CatalogueError(f"{path.name}: is geen bestand.")
    size = path.stat().st_size
    if size == 0:
        raise CatalogueError(f"{path.name}: het bestand is leeg.")
    if size > max_bytes:
        raise CatalogueError(
            f"{path.name}: het bestand is te groot ({_mb(size)}; hooguit {_mb(max_bytes)}).")
    return size


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """Decode CSV bytes; returns the text and the encoding's name, or raises with the reason."""
    for magic, what in _MAGIC.items():
        if raw.startswith(magic):
            hint = " Sla het op als .xlsx of .csv." if "xls" in what else ""
            raise CatalogueError(f"{name}: dit is {what}, geen CSV.{hint}")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "UTF-16"
    if raw.startswith(b"\xef\xbb\xbf"):
        return _strict(raw[3:], "utf-8", name), "UTF-8 met BOM"
    if b"\x00" in raw[:65536]:
        raise CatalogueError(f"{name}: {_NOT_A_TABLE}")
    try:
        text, encoding = raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as exc:
        if _UTF8_SEQUENCE.search(raw):
            line = raw[:exc.start].count(b"\n") + 1
            raise CatalogueError(
                f"{name}: het bestand mengt tekencoderingen (deels UTF-8, deels Windows-1252; "
                f"eerste onleesbare teken op regel {line}). Open het in Excel en sla het opnieuw "
                "op als 'CSV UTF-8'.") from None
        text, encoding = _strict(raw, "cp1252", name), "Windows-1252"
    _check_printable(text, name)
    return text, encoding


def _strict(raw: bytes, encoding: str, name: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise CatalogueError(f"{name}: {_NOT_A_TABLE}") from None


def _check_printable(text: str, name: str) -> None:
    sample = text[:65536]
    control = sum(1 for c in sample if ord(c) < 32 and c not in "\t\r\n")
    if control > max(2, len(sample) // 200):
        raise CatalogueError(f"{name}: {_NOT_A_TABLE}")


def sniff_delimiter(text: str) -> str:
    """``;``, ``,`` or tab: whichever occurs most in the header line (outside quotes)."""
    header = re.sub(r'"[^"]*"', "", text.lstrip().split("\n", 1)[0])
    counts = {d: header.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv_table(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Table:
    """Read a CSV file's cells; raises :class:`CatalogueError` for file-level problems."""
    check_file(path, max_bytes)
    text, encoding = decode(path.read_bytes(), path.name)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[list[str]] = []
    try:
        for record in reader:
            records.append(record)
            if len(records) > MAX_ROWS + 50:
                break
    except csv.Error as exc:
        raise CatalogueError(f"{path.name}, rij {len(records) + 1}: het bestand is geen "
                             f"leesbare CSV ({exc}).") from None
    names = {";": "puntkomma", ",": "komma", "\t": "tab"}
    return _table(records, "csv", f"{encoding}, scheidingsteken {names[delimiter]}", path.name)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx_table(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Table:
    """Read the first worksheet of an .xlsx file; raises :class:`CatalogueError` if unreadable."""
    import warnings
    import zipfile

    from openpyxl import load_workbook

    check_file(path, max_bytes)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise CatalogueError(f"{path.name}: geen leesbaar Excel-bestand (.xlsx): {exc}.") from None
    try:
        sheet = book.worksheets[0]
        records = []
        for values in sheet.iter_rows(values_only=True):
            records.append([_cell(v) for v in values])
            if len(records) > MAX_ROWS + 50:
                break
    finally:
        book.close()
    return _table(records, "xlsx", f"werkblad '{sheet.title}'", path.name)


def _table(records: list[list[str]], fmt: str, detail: str, name: str) -> Table:
    start = next((i for i, r in enumerate(records) if any(c.strip() for c in r)), None)
    if start is None:
        raise CatalogueError(f"{name}: het bestand bevat geen kopregel en geen gegevens.")
    headers = [h.strip().lstrip("\ufeff") for h in records[start]]
    rows = [(start + 2 + i, r) for i, r in enumerate(records[start + 1:])
            if any(c.strip() for c in r)]
    if not rows:
        raise CatalogueError(f"{name}: het bestand bevat alleen een kopregel, geen activiteiten.")
    return Table(headers, rows, fmt, detail)


def read_table(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Table:
    """Read a native CSV or XLSX file by its extension."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return read_xlsx_table(path, max_bytes)
    if suffix in (".xls", ".ods", ".numbers"):
        raise CatalogueError(f"{path.name}: dit formaat kan niet worden ingelezen; sla het op als "
                             ".xlsx of .csv.")
    return read_csv_table(path, max_bytes)


def read_native(path: str | Path, *, mapping: dict[str, list[str]] | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES, today: date | None = None) -> ParseResult:
    """Parse a native spreadsheet into rows; problems are reported, never raised."""
    path = Path(path)
    result = ParseResult(source=path.name, format="csv")
    try:
        table = read_table(path, max_bytes)
    except CatalogueError as exc:
        result.file_errors.append(Problem(exc.message))
        return result
    result.format, result.detail = table.format, table.detail
    plan = plan_columns(table.headers, mapping)
    result.unmapped_headers = plan.unmapped
    result.warnings.extend(plan.warnings)
    if plan.problems:
        result.file_errors.extend(plan.problems)
        return result
    if len(table.rows) > MAX_ROWS:
        result.file_errors.append(Problem(f"{path.name}: meer dan {MAX_ROWS:,} rijen; splits "
                                          "het bestand.".replace(",", ".")))
        return result
    for number, cells in table.rows:
        result.rows.append(_row(number, cells, len(table.headers), plan, today))
    return result


def _row(number: int, cells: list[str], width: int, plan: ColumnPlan,
         today: date | None) -> ParsedRow:
    extra = [c for c in cells[width:] if c.strip()]
    if extra:
        return ParsedRow(number, None, [Problem(
            f"de rij heeft {len(cells)} cellen maar er zijn {width} kolommen; staat er een "
            "scheidingsteken in een waarde zonder aanhalingstekens (bijvoorbeeld 2,50)?", number,
            value=extra[0])])
    return build_row(number, apply_plan(plan, cells), today=today)
