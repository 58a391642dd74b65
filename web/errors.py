"""The one error handler: JSON ``{"error", "details"}`` for the APIs, Dutch HTML pages otherwise."""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from matcher.errors import MatchError
from socialmap.errors import CatalogueError, NotFound, StaleEdit
from triage.errors import TriageError

API_PREFIXES = ("/api/", "/hsds/")

#: Dutch title and explanation per status code (plain language).
MESSAGES: dict[int, tuple[str, str]] = {
    400: ("Verzoek niet begrepen", "Het verzoek kon niet worden verwerkt. Controleer wat u "
          "invulde en probeer het opnieuw."),
    401: ("Inloggen nodig", "Voor deze gegevens moet u inloggen."),
    403: ("Geen toegang", "U bent ingelogd, maar uw rol geeft geen toegang tot deze pagina."),
    404: ("Pagina niet gevonden", "Deze pagina of activiteit bestaat niet (meer)."),
    405: ("Niet toegestaan", "Deze pagina kan niet op deze manier worden gebruikt."),
    409: ("Conflict", "De gegevens zijn intussen door iemand anders gewijzigd."),
    413: ("Bestand te groot", "Het bestand of formulier is te groot. Probeer een kleiner "
          "bestand."),
    415: ("Verkeerd formaat", "Dit soort gegevens wordt hier niet geaccepteerd."),
    422: ("Gegevens niet geldig", "Een of meer velden zijn niet goed ingevuld."),
    429: ("Even wachten", "U heeft het te vaak geprobeerd. Wacht een kwartier en probeer het "
          "dan opnieuw."),
    500: ("Er ging iets mis", "Er ging bij ons iets mis. Probeer het later opnieuw; blijft het "
          "misgaan, meld het dan bij de beheerder."),
}
CSRF_MESSAGE = ("Formulier verlopen", "Het formulier is verlopen of niet compleet. Ga terug, "
                "laad de pagina opnieuw en probeer het nog eens.")


def wants_json() -> bool:
    """Whether the current request is for one of the JSON APIs."""
    return request.path.startswith(API_PREFIXES)


def error_response(status: int, message: str | None = None,
                   details: list[dict[str, Any]] | None = None) -> Any:
    """Render an error in the shape the caller expects (JSON or a Dutch page)."""
    title, explanation = MESSAGES.get(status, MESSAGES[500 if status >= 500 else 400])
    if wants_json():
        return {"error": message or title, "details": details or []}, status
    return render_template("error.html", status=status, title=title,
                           explanation=message or explanation, details=details or []), status


def _http(exc: HTTPException) -> Any:
    status = exc.code or 500
    if status == 400 and exc.description == "csrf":
        title, text = CSRF_MESSAGE
        if wants_json():
            return error_response(400, title)
        return render_template("error.html", status=400, title=title, explanation=text,
                               details=[]), 400
    response = error_response(status, _api_message(exc) if wants_json() else None)
    if status == 405 and exc.valid_methods:  # type: ignore[attr-defined]
        body, code = response
        return body, code, {"Allow": ", ".join(exc.valid_methods)}  # type: ignore[attr-defined]
    return response


def _api_message(exc: HTTPException) -> str:
    title = MESSAGES.get(exc.code or 500, (exc.name, ""))[0]
    return str(title)


def _domain(exc: TriageError | MatchError | CatalogueError) -> Any:
    status = 404 if isinstance(exc, NotFound) else 409 if isinstance(exc, StaleEdit) else 400
    return error_response(status, exc.message, list(exc.details))


def _unexpected(exc: Exception) -> Any:
    current_app.logger.exception("Unexpected error on %s %s", request.method, request.path)
    return error_response(500)


def init_errors(app: Flask) -> None:
    """Register the error handlers."""
    app.register_error_handler(HTTPException, _http)
    app.register_error_handler(TriageError, _domain)
    app.register_error_handler(MatchError, _domain)
    app.register_error_handler(CatalogueError, _domain)
    app.register_error_handler(InternalServerError, lambda e: _unexpected(e))
    app.register_error_handler(Exception, _unexpected)
