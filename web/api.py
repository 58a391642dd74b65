"""The JSON API ``/api/v1`` (contract section 2): vocabulary, triage, match, activities.

Bodies of triage requests are never logged or stored.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

from flask import Blueprint, Response, abort, request

from socialmap import store
from socialmap.vocabulary import load_vocabulary

from . import domain
from .errors import error_response
from .state import get_state

bp = Blueprint("api", __name__, url_prefix="/api/v1")
MAX_JSON_DEPTH = 32


class BadJson(Exception):
    """The body is not a JSON object the API can read."""

    def __init__(self, message: str, detail: str) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is geen geldige JSON-waarde")


def _depth(value: Any, level: int = 0) -> int:
    if level > MAX_JSON_DEPTH:
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level + 1)
    return level


def _may_hold_surrogates(raw: bytes) -> bool:
    """Whether a body could decode to an unpaired surrogate (json.loads lets them through).

    In UTF-8 only a ``\\u`` escape or the lead byte 0xED can make one; most bodies have
    neither. Other encodings (UTF-16, UTF-32) are always checked.
    """
    if json.detect_encoding(raw) not in ("utf-8", "utf-8-sig"):
        return True
    return b"\\u" in raw or b"\xed" in raw


def json_body() -> dict[str, Any]:
    """The request body as a JSON object; raise BadJson with a Dutch reason otherwise."""
    if not request.is_json:
        raise BadJson("Verwacht een JSON-body met Content-Type: application/json.",
                      "Content-Type")
    raw = request.get_data(cache=False)
    try:
        value = json.loads(raw, parse_constant=_reject_constant)
        if _may_hold_surrogates(raw):
            json.dumps(value, ensure_ascii=False).encode()  # unpaired surrogates ("\ud800")
    except (ValueError, UnicodeError, RecursionError):
        raise BadJson("De body is geen geldige JSON.", "body") from None
    if not isinstance(value, dict):
        raise BadJson("De body moet een JSON-object zijn ({...}).", "body")
    # Nesting needs an opening bracket per level: only count levels when there are enough.
    if raw.count(b"[") + raw.count(b"{") > MAX_JSON_DEPTH and _depth(value) > MAX_JSON_DEPTH:
        raise BadJson("De JSON is te diep genest.", "body")
    return value


@bp.errorhandler(BadJson)
def _bad_json(exc: BadJson) -> Any:
    return error_response(400, exc.message, [{"field": exc.detail, "message": exc.message}])


@bp.get("/vocabulary")
def vocabulary() -> Any:
    """The fixed domain vocabulary."""
    return load_vocabulary().raw


@bp.post("/triage")
def triage() -> Any:
    """A triage decision (contract section 3); nothing is stored or logged."""
    decision = domain.decide(json_body())
    response = domain_json(decision)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/match")
def match() -> Response:
    """Ranked activities for one person (contract section 4), serialised by the answer model."""
    answer = domain.match_answer(json_body())
    return Response(answer.model_dump_json(), mimetype="application/json")


@bp.get("/activities/<activity_id>")
def activity(activity_id: str) -> Any:
    """One activity with all its fields."""
    if len(activity_id) > 200:
        abort(404)
    with get_state().engine.connect() as conn:
        found = store.get_activity(conn, activity_id)
    return found.model_dump(mode="json")


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3 description of this API."""
    text = files("web").joinpath("openapi_v1.json").read_text(encoding="utf-8")
    return Response(text, mimetype="application/json")


def domain_json(value: Any) -> Response:
    """A JSON response from a domain answer (a pydantic model or plain data)."""
    data = value.to_dict() if hasattr(value, "to_dict") else value
    return Response(json.dumps(data, ensure_ascii=False), mimetype="application/json")
