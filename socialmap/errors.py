"""Errors of the catalogue domain. Messages are Dutch: they reach users as they are."""

from __future__ import annotations


class CatalogueError(Exception):
    """A catalogue operation failed because of its input; ``details`` name fields or rows."""

    def __init__(self, message: str, details: list[dict[str, object]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []


class NotFound(CatalogueError):
    """The requested record does not exist."""


class StaleEdit(CatalogueError):
    """An edit was based on an older version of the record than the one stored."""


class VocabularyError(CatalogueError):
    """An id or label is not part of the vocabulary."""
