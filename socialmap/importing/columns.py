"""Which source column feeds which native column: header aliases and the ``--mapping`` file.

A mapping file is JSON: ``{"their header": "native column" or ["native", "columns"]}``. A header
mapped to several columns feeds each of them (a combined address ``Hoofdstraat 1, 9711 AB
Groningen`` mapped to ``["adres", "postcode", "plaats"]`` is split into its parts; text mapped to
``dagen`` gives the week days named in it). Several headers mapped to one column are joined with a
space, in file order (``Straat`` + ``Huisnummer`` -> ``adres``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process, utils

import data

from ..errors import CatalogueError
from ..vocabulary import fold
from .fields import days_in_text
from .report import Problem

#: The native columns in contract order (the last two are optional extensions for round trips).
NATIVE_COLUMNS = (
    "id", "naam", "omschrijving", "organisatie", "dimensies", "doelgroepen", "adres", "postcode",
    "plaats", "gemeente", "lat", "lon", "online", "kosten", "kosten_toelichting", "wanneer",
    "aanmelden", "dagen", "leeftijd_min", "leeftijd_max", "rolstoeltoegankelijk", "talen",
    "contactpersoon", "telefoon", "email", "website", "laatst_gecontroleerd", "status",
    "voorgestelde_dimensies", "voorgestelde_doelgroepen",
)
REQUIRED_COLUMNS = ("naam", "omschrijving", "organisatie")
_POSTCODE_IN_TEXT = re.compile(r"\b([1-9][0-9]{3})\s?([A-Za-z]{2})\b")


@cache
def header_aliases() -> dict[str, str]:
    """Folded header -> native column, from ``data/socialmap/columns.yaml`` (validated)."""
    raw = yaml.safe_load(data.read_text("socialmap", "columns.yaml"))
    columns = raw.get("kolommen") if isinstance(raw, dict) else None
    if not isinstance(columns, dict) or set(columns) != set(NATIVE_COLUMNS):
        raise CatalogueError("columns.yaml: 'kolommen' moet precies de native kolommen noemen.")
    aliases: dict[str, str] = {}
    for column, names in columns.items():
        for name in [column, *(names or [])]:
            key = fold(str(name))
            if aliases.setdefault(key, column) != column:
                raise CatalogueError(f"columns.yaml: '{name}' hoort bij twee kolommen.")
    return aliases


def native_column(text: str) -> str | None:
    """The native column a header means (any case, spaces, known alias), or None."""
    return header_aliases().get(fold(text))


def _did_you_mean(text: str) -> str:
    best = process.extractOne(fold(text), NATIVE_COLUMNS, scorer=fuzz.ratio,
                              processor=utils.default_process)
    return f" Bedoelde u '{best[0]}'?" if best is not None and best[1] >= 70 else ""


def load_mapping(path: str | Path) -> dict[str, list[str]]:
    """Read and validate a mapping file; raises :class:`CatalogueError` naming every mistake."""
    name = Path(path).name
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise CatalogueError(f"Mappingbestand {name} bestaat niet.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CatalogueError(f"Mappingbestand {name} is geen geldige JSON: {exc}.") from None
    return parse_mapping(raw, name)


def parse_mapping(raw: object, name: str = "mapping") -> dict[str, list[str]]:
    """Validate a decoded mapping: an object of header -> column name or list of names."""
    if not isinstance(raw, dict) or not raw:
        raise CatalogueError(f"{name}: verwacht een JSON-object "
                             '{"hun kolomkop": "native kolom" of ["kolom", "kolom"]}.')
    mapping: dict[str, list[str]] = {}
    problems: list[str] = []
    for header, target in raw.items():
        targets = [target] if isinstance(target, str) else target
        if not isinstance(targets, list) or not targets or not all(
                isinstance(t, str) for t in targets):
            problems.append(f"'{header}': verwacht een kolomnaam of een lijst van kolomnamen")
            continue
        for t in targets:
            if t.strip() not in NATIVE_COLUMNS:
                problems.append(f"'{header}' -> '{t}': onbekende kolom.{_did_you_mean(t)}")
        mapping[str(header)] = [t.strip() for t in targets]
    if problems:
        raise CatalogueError(f"{name} bevat fouten: " + "; ".join(problems) + ".",
                             [{"field": "mapping", "message": p} for p in problems])
    return mapping


@dataclass
class ColumnPlan:
    """For each source column, the native columns it feeds; plus what could not be placed."""

    targets: list[list[str]]
    unmapped: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def columns(self) -> set[str]:
        """The native columns present after mapping."""
        return {c for t in self.targets for c in t}


def plan_columns(headers: list[str], mapping: dict[str, list[str]] | None = None) -> ColumnPlan:
    """Decide which native columns each header feeds; required columns must be present.

    Headers named in the mapping win: a header that is only an alias of a column the mapping
    already fills is ignored (and listed).
    """
    by_fold = {fold(k): v for k, v in (mapping or {}).items()}
    mapped = {c for k, v in by_fold.items() if k in {fold(h) for h in headers} for c in v}
    plan = ColumnPlan(targets=[])
    aliased: list[str] = []
    for header in headers:
        key, column = fold(header), native_column(header)
        if key in by_fold:
            plan.targets.append(by_fold.pop(key))
            continue
        plan.targets.append([column] if column is not None and column not in mapped else [])
        if column is not None and column not in mapped:
            aliased.append(column)
        elif header.strip():
            plan.unmapped.append(header.strip())
    for missing in by_fold:
        plan.warnings.append(Problem(f"kolom '{missing}' uit de mapping staat niet in het bestand"))
    _check_plan(headers, plan, aliased)
    return plan


def _check_plan(headers: list[str], plan: ColumnPlan, aliased: list[str]) -> None:
    fed = [c for t in plan.targets for c in t]
    for column in sorted({c for c in aliased if fed.count(c) > 1}):
        names = [h for h, t in zip(headers, plan.targets, strict=True) if column in t]
        plan.problems.append(Problem(
            f"meerdere kolommen betekenen '{column}': {', '.join(names)}; koppel er één met "
            "een mappingbestand", field=column))
    for column in REQUIRED_COLUMNS:
        if column not in plan.columns:
            plan.problems.append(Problem(
                f"verplichte kolom '{column}' ontbreekt (kolommen in het bestand: "
                f"{', '.join(h for h in headers if h.strip()) or 'geen'})", field=column))


def apply_plan(plan: ColumnPlan, cells: list[str]) -> dict[str, str]:
    """The native column values of one row (blank values are left out)."""
    values: dict[str, str] = {}
    for targets, cell in zip(plan.targets, cells, strict=False):
        cell = cell.strip()
        if not cell or not targets:
            continue
        parts = split_combined(cell, targets) if len(targets) > 1 else {targets[0]: cell}
        for column, value in parts.items():
            if value:
                values[column] = f"{values[column]} {value}" if column in values else value
    return values


def split_combined(cell: str, targets: list[str]) -> dict[str, str]:
    """Feed one cell to several columns, splitting an address and picking out week days."""
    out = {t: cell for t in targets}
    match = _POSTCODE_IN_TEXT.search(cell) if "postcode" in targets else None
    if match is not None:
        out["postcode"] = match.group(1) + match.group(2).upper()
        if "adres" in targets:
            out["adres"] = cell[:match.start()].strip(" ,")
        if "plaats" in targets:
            out["plaats"] = cell[match.end():].strip(" ,")
    if "dagen" in targets:
        out["dagen"] = ";".join(days_in_text(cell))
    return out
