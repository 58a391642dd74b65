"""The read-only HSDS 3.0 API under ``/hsds`` (thin: the pure functions do the work)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, request

from socialmap.hsds import api as hsds

from .state import get_state

bp = Blueprint("hsds", __name__, url_prefix="/hsds")
MAX_PARAM = 500


def _params() -> dict[str, str]:
    """The query parameters (first value each, length-capped)."""
    return {k: v[:MAX_PARAM] for k, v in request.args.items()}


def _with_conn(fn: Any, *args: Any) -> Any:
    with get_state().engine.connect() as conn:
        return fn(conn, *args)


@bp.get("/")
def root() -> Any:
    """What this API is (version and the OpenAPI it conforms to)."""
    return hsds.root()


@bp.get("/services")
def services() -> Any:
    """Services, paginated; search, taxonomy_term_id, modified_after, full."""
    return _with_conn(hsds.services, _params())


@bp.get("/services/<service_id>")
def service(service_id: str) -> Any:
    """One fully nested service."""
    return _with_conn(hsds.service, service_id[:MAX_PARAM])


@bp.get("/organizations")
def organizations() -> Any:
    """Organisations, paginated."""
    return _with_conn(hsds.organizations, _params())


@bp.get("/organizations/<org_id>")
def organization(org_id: str) -> Any:
    """One organisation with its services."""
    return _with_conn(hsds.organization, org_id[:MAX_PARAM])


@bp.get("/taxonomies")
def taxonomies() -> Any:
    """The taxonomies, paginated."""
    return hsds.taxonomies(_params())


@bp.get("/taxonomies/<taxonomy_id>")
def taxonomy(taxonomy_id: str) -> Any:
    """One taxonomy."""
    return hsds.taxonomy(taxonomy_id[:MAX_PARAM])


@bp.get("/taxonomy_terms")
def taxonomy_terms() -> Any:
    """The taxonomy terms, paginated."""
    return hsds.taxonomy_terms(_params())


@bp.get("/taxonomy_terms/<term_id>")
def taxonomy_term(term_id: str) -> Any:
    """One taxonomy term."""
    return hsds.taxonomy_term(term_id[:MAX_PARAM])


@bp.get("/service_at_locations")
def service_at_locations() -> Any:
    """Services at locations, paginated."""
    return _with_conn(hsds.service_at_locations, _params())


@bp.get("/service_at_locations/<sal_id>")
def service_at_location(sal_id: str) -> Any:
    """One service at a location."""
    return _with_conn(hsds.service_at_location, sal_id[:MAX_PARAM])
