"""Errors of the matcher. Messages are Dutch: they reach coaches and scripts as they are."""

from __future__ import annotations


class MatchError(Exception):
    """A match request is invalid; ``details`` name each bad field (web layer: HTTP 400)."""

    def __init__(self, message: str, details: list[dict[str, str]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []


class ConfigError(Exception):
    """A matcher data file (weights, synonyms) is invalid; raised when it is loaded."""


class ModelFileError(Exception):
    """A stored re-ranker does not fit the current code or cannot be read."""


class TrainingError(Exception):
    """The re-ranker cannot be trained from the given outcomes (e.g. too few)."""
