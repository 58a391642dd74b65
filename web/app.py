"""The application factory: ``create_app(test_config=None)``."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from socialmap.database import make_engine, migrate

from . import (
    activity,
    api,
    auth,
    coach,
    gemeente,
    hsds_api,
    huisarts,
    monitoring,
    pages,
    referrals,
)
from .coach_html import init_coach_html
from .errors import init_errors
from .security import RateLimiter, init_security
from .settings import Settings
from .state import AppState, init_state
from .templating import init_templating

log = logging.getLogger(__name__)


def _split_config(test_config: Mapping[str, Any] | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """Separate Settings fields (by name, any case) from plain Flask config keys."""
    settings: dict[str, Any] = {}
    flask: dict[str, Any] = {}
    for key, value in (test_config or {}).items():
        if key.lower() in Settings.model_fields:
            settings[key.lower()] = value
        else:
            flask[key] = value
    return settings, flask


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the web app; settings come from the environment, overridden by ``test_config``."""
    overrides, flask_config = _split_config(test_config)
    settings = Settings(**overrides)
    testing = bool(flask_config.get("TESTING"))
    app = Flask(__name__, instance_path=str(settings.resolved_instance_path().resolve()))
    app.config.from_mapping(
        SECRET_KEY=settings.resolved_secret_key(testing=testing),
        MAX_CONTENT_LENGTH=settings.max_upload_mb * 1024 * 1024,
        MAX_FORM_MEMORY_SIZE=settings.max_upload_mb * 1024 * 1024,
        PERMANENT_SESSION_LIFETIME=timedelta(hours=settings.session_hours),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.cookie_secure,
        SESSION_COOKIE_NAME="welzijnswijzer_sessie",
        JSON_SORT_KEYS=False,
    )
    app.config.from_mapping(flask_config)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    if settings.trusted_proxies:
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=settings.trusted_proxies, x_proto=settings.trusted_proxies)

    engine = make_engine(settings.resolved_database_url())
    if settings.migrate_on_start:
        migrate(engine)
    init_state(app, AppState(
        settings=settings,
        engine=engine,
        login_limiter=RateLimiter(settings.login_max_attempts, settings.login_window_seconds),
        report_limiter=RateLimiter(settings.report_max_per_hour, 3600),
    ))
    init_security(app)
    init_errors(app)
    init_templating(app)
    init_coach_html(app)
    app.before_request(auth.require_login_everywhere)
    for blueprint in (pages.bp, auth.bp, huisarts.bp, coach.bp, activity.bp, gemeente.bp,
                      api.bp, hsds_api.bp, referrals.bp, monitoring.bp):
        app.register_blueprint(blueprint)
    return app
