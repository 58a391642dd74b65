"""What an import found: parsed rows, errors and warnings per row and field, in plain Dutch."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..models import ActivityIn
from ..store import WriteSummary


@dataclass(frozen=True)
class Problem:
    """One error or warning; ``row`` is the spreadsheet row number (header = row 1)."""

    message: str
    row: int | None = None
    field: str | None = None
    value: str | None = None

    def text(self) -> str:
        """Dutch one-liner: 'rij 7, postcode: ... (waarde: "97111A")'."""
        where = ", ".join(p for p in (
            f"rij {self.row}" if self.row is not None else None,
            self.field,
        ) if p)
        value = f' (waarde: "{self.value}")' if self.value not in (None, "") else ""
        return f"{where}: {self.message}{value}" if where else f"{self.message}{value}"

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"row": self.row, "field": self.field, "message": self.message,
                "value": self.value}


@dataclass
class ParsedRow:
    """One source row: the activity when valid, else the errors that reject it."""

    row: int
    activity: ActivityIn | None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


@dataclass
class ParseResult:
    """Everything read from one source, before anything is written."""

    source: str
    format: str
    rows: list[ParsedRow] = field(default_factory=list)
    file_errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    unmapped_headers: list[str] = field(default_factory=list)

    @property
    def valid(self) -> list[ActivityIn]:
        """The activities of all valid rows."""
        return [r.activity for r in self.rows if r.activity is not None and not r.errors]

    @property
    def invalid_rows(self) -> list[ParsedRow]:
        """Rows with at least one error."""
        return [r for r in self.rows if r.errors]


@dataclass
class ImportReport:
    """The outcome of ``catalogue import``: what was read, rejected, written, and why."""

    parsed: ParseResult
    dry_run: bool = False
    replace: bool = False
    skip_invalid: bool = False
    applied: bool = False
    summary: WriteSummary | None = None
    duplicates: list[Problem] = field(default_factory=list)
    to_classify: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the import can be (or was) carried out."""
        if self.parsed.file_errors:
            return False
        if self.parsed.invalid_rows and not self.skip_invalid:
            return False
        return True
