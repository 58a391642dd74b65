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
    key: str | None = None


@dataclass
class ParseResult:
    """Everything read from one source, before anything is written."""

    source: str
    format: str
    rows: list[ParsedRow] = field(default_factory=list)
    detail: str = ""
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
    kept: list[str] = field(default_factory=list)
    version_before: int | None = None
    version_after: int | None = None

    @property
    def ok(self) -> bool:
        """Whether the import can be (or was) carried out."""
        if self.parsed.file_errors:
            return False
        if self.parsed.invalid_rows and not self.skip_invalid:
            return False
        return True

    @property
    def errors(self) -> list[Problem]:
        """Every error: file-level first, then per row."""
        return [*self.parsed.file_errors, *(p for r in self.parsed.rows for p in r.errors)]

    @property
    def warnings(self) -> list[Problem]:
        """Every warning that is not a likely duplicate: file-level first, then per row."""
        return [*self.parsed.warnings, *(p for r in self.parsed.rows for p in r.warnings)]

    def headline(self) -> str:
        """One Dutch line: what happened, naming the first problem when it failed."""
        src = self.parsed.source
        if self.parsed.file_errors:
            return f"{src}: {self.parsed.file_errors[0].text()}"
        bad = self.parsed.invalid_rows
        if bad and not self.ok:
            return (f"{src}: {len(bad)} rij(en) met fouten, niets geïmporteerd "
                    f"(eerste: {bad[0].errors[0].text()})")
        verb = "zou importeren" if self.dry_run or not self.applied else "geïmporteerd"
        rejected = f", {len(bad)} rij(en) overgeslagen" if bad else ""
        return f"{src}: {len(self.parsed.valid)} activiteit(en) {verb}{rejected}"

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (for the web upload and ``--json``)."""
        from .render import report_json

        return report_json(self)

    def to_text(self) -> str:
        """The full report in plain Dutch, for the terminal."""
        from .render import report_text

        return report_text(self)
