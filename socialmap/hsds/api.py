"""The read-only HSDS 3.0 API as pure functions: query parameters in, JSON-ready dicts out.

The web layer only parses the request, calls these functions and renders the answer; bad
parameters raise :class:`CatalogueError` naming the parameter (HTTP 400), unknown ids
:class:`NotFound` (HTTP 404). Inactive (``inactief``) activities are not published: the API shows
what residents can join now or again soon (``gepauzeerd`` is ``temporarily closed``).
Lists follow the ``Page`` object of ``openapi.json``; page numbers start at 1.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Connection

from ..errors import CatalogueError, NotFound
from ..models import Activity, Organisation, Status
from ..store import ActivityFilter, list_activities
from . import mapping
from .ids import activity_uuid, as_uuid, organisation_uuid

T = TypeVar("T")
Params = Mapping[str, str]
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500
HSDS_VERSION = "3.0"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"


def _bad(param: str, message: str) -> CatalogueError:
    return CatalogueError(f"Ongeldige parameter '{param}': {message}.",
                          [{"field": param, "message": message}])


def _int(params: Params, name: str, default: int, maximum: int | None = None) -> int:
    raw = params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(str(raw))
    except ValueError:
        raise _bad(name, "verwacht een geheel getal") from None
    if value < 1 or (maximum is not None and value > maximum):
        raise _bad(name, f"moet tussen 1 en {maximum or 'oneindig'} liggen")
    return value


def _bool(params: Params, name: str, default: bool) -> bool:
    raw = str(params.get(name) or "").strip().lower()
    if not raw:
        return default
    if raw not in ("true", "false", "1", "0"):
        raise _bad(name, "verwacht true of false")
    return raw in ("true", "1")


def _uuid(params: Params, name: str) -> str | None:
    raw = params.get(name)
    if not raw:
        return None
    value = as_uuid(str(raw))
    if value is None:
        raise _bad(name, "verwacht een UUID")
    return value


def _datetime(params: Params, name: str) -> datetime | None:
    raw = params.get(name)
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(str(raw).replace("Z", "+00:00").replace(" ", "+"))
    except ValueError:
        raise _bad(name, "verwacht een datum of datum-tijd (2024-05-01T00:00:00Z)") from None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _check_format(params: Params) -> None:
    if str(params.get("format") or "json").lower() != "json":
        raise _bad("format", "alleen json wordt ondersteund")


def paging(params: Params) -> tuple[int, int]:
    """The (page, per_page) asked for; defaults 1 and 50, at most 500 per page."""
    return (_int(params, "page", 1),
            _int(params, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE))


def page(items: list[T], page_number: int, per_page: int,
         render: Callable[[T], dict[str, Any]] | None = None) -> dict[str, Any]:
    """One page of ``items`` as the openapi ``Page`` object, rendering only what is shown."""
    total = len(items)
    shown = items[(page_number - 1) * per_page: page_number * per_page]
    total_pages = math.ceil(total / per_page)
    return {"total_items": total, "total_pages": total_pages, "page_number": page_number,
            "size": len(shown), "first_page": page_number == 1,
            "last_page": page_number >= total_pages, "empty": not shown,
            "contents": [render(i) if render else i for i in shown]}


def root() -> dict[str, Any]:
    """``GET /``: what this API is."""
    return {"version": HSDS_VERSION, "openapi_url": OPENAPI_URL}


# ----------------------------------------------------------------------------- services

def published(conn: Connection, search: str | None = None,
              modified_after: datetime | None = None) -> list[Activity]:
    """The activities the API shows: all but inactive ones, optionally searched and recent."""
    found = list_activities(conn, ActivityFilter(search=search or None))
    return [a for a in found if a.status is not Status.INACTIEF and (
        modified_after is None or (a.last_modified is not None
                                   and _utc(a.last_modified) >= modified_after))]


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _has_term(activity: Activity, term_id: str) -> bool:
    return any(a["taxonomy_term_id"] == term_id for a in mapping.attribute_rows(activity))


def _has_taxonomy(activity: Activity, taxonomy_id: str) -> bool:
    terms = {t["id"]: t["taxonomy_id"] for t in mapping.taxonomy_terms()}
    return any(terms.get(a["taxonomy_term_id"]) == taxonomy_id
               for a in mapping.attribute_rows(activity))


def services(conn: Connection, params: Params) -> dict[str, Any]:
    """``GET /services``: search, taxonomy_term_id, taxonomy_id, organization_id,
    modified_after, full, page, per_page."""
    _check_format(params)
    number, per_page = paging(params)
    full = _bool(params, "full", False)
    term, taxonomy = _uuid(params, "taxonomy_term_id"), _uuid(params, "taxonomy_id")
    org = _uuid(params, "organization_id")
    found = [a for a in published(conn, params.get("search"), _datetime(params, "modified_after"))
             if (term is None or _has_term(a, term))
             and (taxonomy is None or _has_taxonomy(a, taxonomy))
             and (org is None or organisation_uuid(a.organisation.id) == org)]
    return page(found, number, per_page, lambda a: mapping.activity_to_service(a, full=full))


def _find(conn: Connection, service_id: str) -> Activity:
    wanted = as_uuid(service_id)
    found = next((a for a in published(conn) if activity_uuid(a.id) == wanted), None)
    if found is None:
        raise NotFound(f"Dienst '{service_id}' bestaat niet.", [{"field": "id",
                                                                  "message": "onbekend"}])
    return found


def service(conn: Connection, service_id: str) -> dict[str, Any]:
    """``GET /services/{id}``: one fully nested service."""
    return mapping.activity_to_service(_find(conn, service_id), full=True)


# ----------------------------------------------------------------------------- organizations

def _organisations(activities: list[Activity]) -> dict[str, tuple[Organisation, list[Activity]]]:
    orgs: dict[str, tuple[Organisation, list[Activity]]] = {}
    for activity in activities:
        oid = organisation_uuid(activity.organisation.id)
        orgs.setdefault(oid, (activity.organisation, []))[1].append(activity)
    return dict(sorted(orgs.items(), key=lambda kv: (kv[1][0].name, kv[0])))


def _org_object(org: Organisation, activities: list[Activity], full: bool) -> dict[str, Any]:
    found = [mapping.activity_to_service(a, full=True) for a in activities] if full else None
    return mapping.organization_to_hsds(org, full=full, services=found)


def organizations(conn: Connection, params: Params) -> dict[str, Any]:
    """``GET /organizations``: organisations with published services; search, full, paging."""
    _check_format(params)
    number, per_page = paging(params)
    full = _bool(params, "full", False)
    search = str(params.get("search") or "").strip().lower()
    orgs = [v for v in _organisations(published(conn)).values()
            if not search or search in v[0].name.lower()]
    return page(orgs, number, per_page, lambda v: _org_object(v[0], v[1], full))


def organization(conn: Connection, org_id: str) -> dict[str, Any]:
    """``GET /organizations/{id}``: one organisation with its services, fully nested."""
    found = _organisations(published(conn)).get(as_uuid(org_id) or "")
    if found is None:
        raise NotFound(f"Organisatie '{org_id}' bestaat niet.",
                       [{"field": "id", "message": "onbekend"}])
    return _org_object(found[0], found[1], True)


# ----------------------------------------------------------------------------- taxonomies

def taxonomies(params: Params) -> dict[str, Any]:
    """``GET /taxonomies``: the three taxonomies of Welzijnswijzer."""
    _check_format(params)
    number, per_page = paging(params)
    return page([mapping.clean(t) for t in mapping.taxonomies()], number, per_page)


def taxonomy(taxonomy_id: str) -> dict[str, Any]:
    """``GET /taxonomies/{id}``."""
    found = [mapping.clean(t) for t in mapping.taxonomies() if t["id"] == as_uuid(taxonomy_id)]
    if not found:
        raise NotFound(f"Taxonomie '{taxonomy_id}' bestaat niet.",
                       [{"field": "id", "message": "onbekend"}])
    return found[0]


def taxonomy_terms(params: Params) -> dict[str, Any]:
    """``GET /taxonomy_terms``: all terms, optionally of one ``taxonomy_id`` or matching
    ``search``."""
    _check_format(params)
    number, per_page = paging(params)
    taxonomy_id = _uuid(params, "taxonomy_id")
    search = str(params.get("search") or "").strip().lower()
    terms = [mapping.term_object(t["id"]) for t in mapping.taxonomy_terms()
             if (taxonomy_id is None or t["taxonomy_id"] == taxonomy_id)
             and (not search or search in f"{t['code']} {t['name']}".lower())]
    return page(terms, number, per_page)


def taxonomy_term(term_id: str) -> dict[str, Any]:
    """``GET /taxonomy_terms/{id}``."""
    if mapping.term_for_id(as_uuid(term_id) or "") is None:
        raise NotFound(f"Term '{term_id}' bestaat niet.", [{"field": "id", "message": "onbekend"}])
    return mapping.term_object(as_uuid(term_id) or "")


# ----------------------------------------------------------------------------- service_at_location

def _sals(conn: Connection, params: Params) -> list[tuple[Activity, dict[str, Any]]]:
    found = published(conn, params.get("search"), _datetime(params, "modified_after"))
    return [(a, sal) for a in found for sal in mapping.service_at_location(a, with_service=True)]


def service_at_locations(conn: Connection, params: Params) -> dict[str, Any]:
    """``GET /service_at_locations``: each service at each of its locations; search,
    taxonomy_term_id, modified_after, paging."""
    _check_format(params)
    number, per_page = paging(params)
    term = _uuid(params, "taxonomy_term_id")
    sals = [s for a, s in _sals(conn, params) if term is None or _has_term(a, term)]
    return page(sals, number, per_page)


def service_at_location(conn: Connection, sal_id: str) -> dict[str, Any]:
    """``GET /service_at_locations/{id}``."""
    found = [s for _, s in _sals(conn, {}) if s["id"] == as_uuid(sal_id)]
    if not found:
        raise NotFound(f"Dienst op locatie '{sal_id}' bestaat niet.",
                       [{"field": "id", "message": "onbekend"}])
    return found[0]
