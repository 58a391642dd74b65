"""Writing and reading HSDS 3.0 tabular data packages (a folder or a ``.zip`` of CSV files).

The package holds a ``datapackage.json`` with the official descriptors of the tables written and
one CSV per table. Reading is strict: every schema problem, broken reference or invalid activity
is reported on the service row it belongs to (or as a file error), in Dutch; nothing is written
to the catalogue here. Keys that occur twice are reported by the import
(:func:`socialmap.importing.run.check_duplicate_ids`), which sees every row's ``key``.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import ValidationError

from ..importing.report import ParsedRow, ParseResult, Problem
from ..models import ActivityIn
from . import mapping
from .records import ROW, TABLE, Index, Issue, Record, Tables, where
from .tabular import check_tables, columns, datapackage, resources, text

#: Tables written on export, in the order of the official descriptor.
WRITTEN = ("organization", "organization_identifier", "service", "attribute",
           "service_at_location", "location", "phone", "contact", "address", "schedule",
           "language", "accessibility", "taxonomy_term", "cost_option", "taxonomy")
DESCRIPTOR = "datapackage.json"
MAX_MEMBER_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200

Opener = Callable[[str], bytes | None]


class PackageError(Exception):
    """The package cannot be read at all (message in Dutch)."""


# ----------------------------------------------------------------------------- writing

def package_tables(activities: Iterable[ActivityIn]) -> Tables:
    """All HSDS records of a catalogue, by table."""
    tables: Tables = {name: [] for name in WRITTEN}
    orgs: dict[str, Any] = {}
    for activity in activities:
        orgs.setdefault(activity.organisation.id, activity.organisation)
        for name, records in mapping.activity_tables(activity).items():
            tables[name] += records
    for org in orgs.values():
        tables["organization"].append(mapping.organization_row(org))
        tables["organization_identifier"] += mapping.organization_identifier_rows(org)
    tables["taxonomy"] = mapping.taxonomies()
    tables["taxonomy_term"] = mapping.taxonomy_terms()
    return tables


def _csv(table: str, records: list[Record]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    names = columns(table)
    writer.writerow(names)
    for record in records:
        writer.writerow([text(record.get(n)) for n in names])
    return out.getvalue().encode("utf-8")


def package_files(activities: Iterable[ActivityIn]) -> dict[str, bytes]:
    """The files of the package (``datapackage.json`` and one CSV per table) by name."""
    tables = package_tables(activities)
    meta = {k: v for k, v in datapackage().items() if k != "resources"}
    meta["resources"] = [r for r in datapackage()["resources"] if r["name"] in WRITTEN]
    files = {DESCRIPTOR: json.dumps(meta, ensure_ascii=False, indent=2).encode("utf-8")}
    for name in WRITTEN:
        files[resources()[name]["path"]] = _csv(name, tables[name])
    return files


def write_hsds_package(activities: Iterable[ActivityIn], path: str | Path) -> Path:
    """Write the catalogue as an HSDS tabular package: a folder, or a zip if ``path`` ends .zip."""
    target = Path(path)
    files = package_files(activities)
    if target.suffix.lower() == ".zip":
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, content in files.items():
                zf.writestr(name, content)
    else:
        target.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            (target / name).write_bytes(content)
    return target


# ----------------------------------------------------------------------------- opening

def _safe(name: str) -> bool:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return bool(parts) and not name.startswith(("/", "\\")) and ".." not in parts \
        and ":" not in parts[0]


def _zip_opener(path: Path) -> tuple[Opener, list[str]]:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise PackageError(f"{path.name} is geen leesbaar zip-bestand ({exc}).") from exc
    infos = zf.infolist()
    for info in infos:
        if not _safe(info.filename):
            raise PackageError(f"Onveilig pad in het zip-bestand: '{info.filename}' "
                               "(een pad buiten de map is niet toegestaan).")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_MEMBER_BYTES or (ratio > MAX_RATIO and info.file_size > 1 << 20):
            raise PackageError(f"'{info.filename}' in het zip-bestand is uitgepakt te groot "
                               f"({info.file_size} bytes); mogelijk een zip-bom.")
    if sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
        raise PackageError("Het zip-bestand is uitgepakt te groot; mogelijk een zip-bom.")
    names = [i.filename for i in infos if not i.is_dir()]

    def opener(name: str) -> bytes | None:
        if name not in names:
            return None
        with zf.open(name) as fh:
            return fh.read(MAX_MEMBER_BYTES + 1)
    return opener, names


def _folder_opener(folder: Path) -> tuple[Opener, list[str]]:
    names = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]

    def opener(name: str) -> bytes | None:
        file = folder / name
        return file.read_bytes() if name in names and file.is_file() else None
    return opener, names


def _open(path: Path) -> tuple[Opener, str]:
    """An opener for the package files and the folder (prefix) its descriptor is in."""
    if not path.exists():
        raise PackageError(f"{path} bestaat niet.")
    if path.is_file() and path.suffix.lower() == ".zip":
        opener, names = _zip_opener(path)
    elif path.is_dir():
        opener, names = _folder_opener(path)
    elif path.name == DESCRIPTOR:
        opener, names = _folder_opener(path.parent)
    else:
        raise PackageError(f"{path.name}: verwacht een map, een .zip of een datapackage.json.")
    for marker in (DESCRIPTOR, resources()["service"]["path"]):
        found = sorted((n for n in names if PurePosixPath(n).name == marker),
                       key=lambda n: n.count("/"))
        if found:
            return opener, str(PurePosixPath(found[0]).parent).removeprefix(".")
    raise PackageError("Geen HSDS-pakket gevonden: datapackage.json en services.csv ontbreken.")


# ----------------------------------------------------------------------------- reading

def _join(prefix: str, name: str) -> str:
    return f"{prefix}/{name}" if prefix else name


def _resource_paths(opener: Opener, prefix: str) -> tuple[dict[str, str], list[str]]:
    """Table name -> file path from the descriptor (or the official defaults), and warnings."""
    paths = {name: r["path"] for name, r in resources().items()}
    raw = opener(_join(prefix, DESCRIPTOR))
    if raw is None:
        return paths, []
    try:
        declared = json.loads(raw.decode("utf-8-sig")).get("resources", [])
        listed = {str(r["name"]): str(r.get("path") or paths.get(r["name"], "")) for r in declared}
    except (ValueError, AttributeError, KeyError, TypeError) as exc:
        raise PackageError(f"datapackage.json is geen geldige beschrijving ({exc}).") from exc
    warnings = [f"tabel '{n}' is geen HSDS-tabel en wordt niet gelezen" for n in listed
                if n not in paths]
    for name, file in listed.items():
        if name in paths:
            if not _safe(file):
                raise PackageError(f"Onveilig pad in datapackage.json: '{file}'.")
            paths[name] = file
    return paths, warnings


def _read_csv(table: str, file: str, raw: bytes) -> tuple[list[Record], list[str]]:
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PackageError(f"{file} is geen UTF-8-tekst ({exc}).") from exc
    reader = csv.DictReader(io.StringIO(content, newline=""))
    known = set(columns(table))
    unmapped = [f"{file}: {h}" for h in reader.fieldnames or [] if h not in known]
    records = []
    for number, row in enumerate(reader, start=2):
        record: Record = {k: (v or "").strip() for k, v in row.items() if k in known}
        records.append(record | {TABLE: file, ROW: number})
    return records, unmapped


def read_tables(path: str | Path) -> tuple[Tables, list[str], list[str]]:
    """The records of every HSDS table in a package, unmapped headers and warnings."""
    opener, prefix = _open(Path(path))
    paths, warnings = _resource_paths(opener, prefix)
    tables: Tables = {}
    unmapped: list[str] = []
    for name, file in paths.items():
        raw = opener(_join(prefix, file))
        if raw is not None:
            tables[name], extra = _read_csv(name, file, raw)
            unmapped += extra
    if "service" not in tables:
        raise PackageError(f"De tabel met diensten ({paths['service']}) ontbreekt in het pakket.")
    return tables, unmapped, warnings


def read_hsds_package(path: str | Path) -> ParseResult:
    """Read an HSDS tabular package (folder, .zip or datapackage.json) into activities."""
    result = ParseResult(source=str(path), format="hsds")
    try:
        tables, result.unmapped_headers, warnings = read_tables(path)
    except PackageError as exc:
        result.file_errors.append(Problem(str(exc)))
        return result
    result.warnings += [Problem(w) for w in warnings]
    index = Index(tables)
    rows = {id(s): ParsedRow(s[ROW], None, key=mapping.service_key(s, index))
            for s in tables["service"]}
    _route(check_tables(tables) + mapping.dangling_attributes(index), index, rows, result)
    for service in tables["service"]:
        parsed = rows[id(service)]
        if not parsed.errors:
            parsed.activity = _activity(service, index, parsed)
        result.rows.append(parsed)
    return result


def _route(issues: list[Issue], index: Index, rows: dict[int, ParsedRow],
           result: ParseResult) -> None:
    """Report each issue on the service rows it belongs to, else as a file error."""
    for record, field, message in issues:
        table = field.split(".")[0]
        value = text(record.get(field.split(".")[-1])) or None
        owners = mapping.owners(table, record, index)
        if table != "service":
            message = f"{message} ({where(record)})"
        if not owners:
            result.file_errors.append(Problem(f"{where(record)}: {message}", None, field, value))
        for owner in owners:
            rows[id(owner)].errors.append(Problem(message, owner[ROW], field, value))


def _activity(service: Record, index: Index, parsed: ParsedRow) -> ActivityIn | None:
    fields, issues = mapping.activity_from_hsds(service, index)
    for record, field, message in issues:
        parsed.errors.append(Problem(f"{message} ({where(record)})", parsed.row, field))
    if issues:
        return None
    if "location" not in fields and not fields.get("online"):
        parsed.warnings.append(Problem(
            "dienst zonder locatie: geïmporteerd als online of telefonische activiteit",
            parsed.row, "service_at_location"))
    try:
        return mapping.activity_from_fields(fields)
    except ValidationError as exc:
        for err in exc.errors():
            parsed.errors.append(Problem(dutch_message(err), parsed.row,
                                         mapping.error_field(err["loc"]), _input(err)))
        return None


def _input(err: Any) -> str | None:
    value = err.get("input")
    return None if value is None or isinstance(value, dict | list) else str(value)


_MESSAGES = {
    "missing": "ontbreekt", "string_too_short": "is leeg",
    "string_too_long": "is te lang (hoogstens {max_length} tekens)",
    "string_pattern_mismatch": "bevat tekens die niet zijn toegestaan",
    "greater_than_equal": "moet minstens {ge} zijn", "less_than_equal": "mag hoogstens {le} zijn",
    "int_from_float": "moet een geheel getal zijn", "int_parsing": "moet een geheel getal zijn",
    "decimal_max_places": "heeft te veel decimalen (hoogstens {decimal_places})",
    "decimal_max_digits": "is te groot", "string_type": "moet tekst zijn",
}


def dutch_message(err: Any) -> str:
    """A Dutch message for one pydantic validation error."""
    if err["type"] == "value_error":
        return str(err["msg"]).removeprefix("Value error, ")
    template = _MESSAGES.get(err["type"])
    if template is None:
        return f"ongeldige waarde ({err['msg']})"
    return template.format(**(err.get("ctx") or {}))
