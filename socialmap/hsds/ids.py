"""Deterministic HSDS identifiers: every key of ours maps to the same UUID on every export.

HSDS requires UUIDs. A key that already is a UUID is used as it is (in canonical form); any other
key is mapped to a version 5 UUID in the fixed :data:`NAMESPACE` of the project. The mapping cannot
be inverted, so the package carries the key itself (see :mod:`socialmap.hsds.mapping`) and the API
finds records by comparing UUIDs (:func:`find_key`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

#: The fixed namespace of all Welzijnswijzer HSDS ids. Never change it: every exported id and
#: every link that other systems keep to our services depends on it.
NAMESPACE = uuid.UUID("6f1d2c3a-5b7e-5e2f-9a41-0c8d7e6b5a39")


def as_uuid(text: str) -> str | None:
    """The canonical form of ``text`` when it is a UUID, else None."""
    try:
        return str(uuid.UUID(text))
    except (ValueError, AttributeError, TypeError):
        return None


def derived(kind: str, key: str) -> str:
    """The UUID for ``key`` of the record ``kind``: ``key`` itself when it is a UUID, else uuid5."""
    return as_uuid(key) or str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def activity_uuid(key: str) -> str:
    """The HSDS service id of the activity with this key."""
    return derived("activity", key)


def organisation_uuid(key: str) -> str:
    """The HSDS organization id of the organisation with this key."""
    return derived("organisation", key)


def taxonomy_uuid(name: str) -> str:
    """The HSDS taxonomy id of one of our taxonomies."""
    return str(uuid.uuid5(NAMESPACE, f"taxonomy:{name}"))


def term_uuid(taxonomy: str, code: str) -> str:
    """The HSDS taxonomy_term id of the term ``code`` in the taxonomy named ``taxonomy``."""
    return str(uuid.uuid5(NAMESPACE, f"term:{taxonomy}:{code}"))


def child_uuid(parent: str, kind: str, number: int = 0) -> str:
    """The id of the ``number``-th record of ``kind`` that belongs to ``parent`` (a UUID)."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{parent}:{number}"))


def find_key(hsds_id: str, keys: Iterable[str], kind: str = "activity") -> str | None:
    """The key among ``keys`` whose HSDS id is ``hsds_id`` (reverse lookup), or None."""
    wanted = as_uuid(hsds_id)
    if wanted is None:
        return None
    return next((k for k in keys if derived(kind, k) == wanted), None)
