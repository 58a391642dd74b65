"""Checks HSDS records against the official tabular schema (``data/hsds/datapackage.json``).

The checks follow the Frictionless Table Schema as HSDS uses it: required fields, types and
formats, enums, unique columns and primary keys, and foreign keys between the tables. Every
problem names the record and the field; messages are Dutch.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

import data

from .ids import as_uuid
from .records import Index, Issue, Record, Tables

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


@cache
def datapackage() -> dict[str, Any]:
    """The official HSDS 3.0 tabular data package descriptor."""
    return dict(json.loads(data.read_text("hsds", "datapackage.json")))


@cache
def resources() -> dict[str, dict[str, Any]]:
    """The table resources of HSDS by name (``service``, ``location``, ...)."""
    return {r["name"]: r for r in datapackage()["resources"]}


def columns(table: str) -> list[str]:
    """The column names of an HSDS table, in schema order."""
    return [f["name"] for f in resources()[table]["schema"]["fields"]]


def _is_number(v: str) -> bool:
    try:
        return Decimal(v).is_finite()
    except InvalidOperation:
        return False


def _parses(parse: Callable[[str], object]) -> Callable[[str], bool]:
    def check(v: str) -> bool:
        try:
            parse(v)
        except ValueError:
            return False
        return True
    return check


_CHECKS: dict[tuple[str, str], tuple[Callable[[str], bool], str]] = {
    ("string", "uuid"): (lambda v: as_uuid(v) is not None, "is geen UUID"),
    ("string", "email"): (lambda v: bool(_EMAIL.match(v)), "is geen geldig e-mailadres"),
    ("string", "uri"): (lambda v: bool(_URI.match(v)), "is geen geldige URL (https://...)"),
    ("number", ""): (_is_number, "is geen getal"),
    ("date", ""): (_parses(date.fromisoformat), "is geen datum (jjjj-mm-dd)"),
    ("datetime", ""): (_parses(lambda v: datetime.fromisoformat(v.replace("Z", "+00:00"))),
                       "is geen datum en tijd (jjjj-mm-ddTuu:mm:ssZ)"),
    ("time", ""): (_parses(time.fromisoformat), "is geen tijd (uu:mm)"),
}


def text(value: object) -> str:
    """A record value as the text a CSV cell holds ('' for empty)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def check_field(spec: dict[str, Any], value: object) -> str | None:
    """The Dutch problem with one cell of a field, or None when it is valid."""
    cell = text(value).strip()
    cons = spec.get("constraints", {})
    if not cell:
        return "is verplicht maar leeg" if cons.get("required") else None
    check = _CHECKS.get((spec["type"], spec.get("format", "")))
    if check and not check[0](cell):
        return check[1]
    if "enum" in cons and cell not in cons["enum"]:
        return f"moet een van deze waarden zijn: {', '.join(cons['enum'])}"
    return None


def check_tables(tables: Tables) -> list[Issue]:
    """All schema problems of the records: fields, unique columns and foreign keys."""
    issues: list[Issue] = []
    index = Index(tables)
    for table, records in tables.items():
        if table not in resources():
            continue
        schema = resources()[table]["schema"]
        for spec in schema["fields"]:
            issues += _check_column(table, spec, records)
        for fk in schema.get("foreignKeys", []):
            issues += _check_foreign_key(table, fk, records, index)
    return issues


def _check_column(table: str, spec: dict[str, Any], records: list[Record]) -> list[Issue]:
    name, issues, seen = spec["name"], [], set()
    unique = spec.get("constraints", {}).get("unique")
    for record in records:
        problem = check_field(spec, record.get(name))
        cell = text(record.get(name)).strip()
        if problem:
            issues.append((record, f"{table}.{name}", problem))
        elif unique and cell:
            if cell.lower() in seen:
                issues.append((record, f"{table}.{name}", "komt vaker voor, maar moet uniek zijn"))
            seen.add(cell.lower())
    return issues


def _check_foreign_key(table: str, fk: dict[str, Any], records: list[Record],
                       index: Index) -> list[Issue]:
    column, target = fk["fields"], fk["reference"]["resource"]
    target_column = fk["reference"]["fields"]
    file = resources()[target].get("path", target)
    return [
        (r, f"{table}.{column}", f"verwijst naar '{r[column]}', maar die bestaat niet in {file}")
        for r in records
        if text(r.get(column)).strip() and as_uuid(text(r[column]).strip())
        and not index.by(target, target_column, text(r[column]).strip())
    ]
