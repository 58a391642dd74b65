"""Errors of the referral records. Messages are Dutch: they reach users as they are."""

from __future__ import annotations

from socialmap.errors import CatalogueError


class ReferralError(CatalogueError):
    """A referral operation failed because of its input; ``details`` name the fields."""


class AccessDenied(ReferralError):
    """The viewer may not see or change this record (or any single record)."""
