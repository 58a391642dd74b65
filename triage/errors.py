"""Errors of the triage domain. Messages are Dutch: they reach users as they are."""

from __future__ import annotations


class TriageError(Exception):
    """A triage request or rules file is invalid; ``details`` name every bad field."""

    def __init__(self, message: str, details: list[dict[str, object]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []

    def one_line(self) -> str:
        """The message plus the first field, on one line (for the CLI's stderr)."""
        if not self.details:
            return self.message
        first = self.details[0]
        return f"{self.message} ({first.get('field')}: {first.get('message')})"


class RulesError(TriageError):
    """The rules or word-list file is invalid; raised when it is loaded."""

    @classmethod
    def at(cls, file_kind: str, where: str, message: str) -> RulesError:
        """The error for one place of a data file: "<file_kind>: <where>: <message>"."""
        return cls(f"{file_kind}: {where}: {message}", [{"field": where, "message": message}])
