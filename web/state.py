"""Per-app state: settings, the database engine, rate limiters and the matcher."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app
from sqlalchemy import Engine

from .security import RateLimiter
from .settings import Settings

EXTENSION_KEY = "welzijnswijzer"


@dataclass
class AppState:
    """Everything a view needs besides the request, made once per app in ``create_app``."""

    settings: Settings
    engine: Engine
    login_limiter: RateLimiter
    report_limiter: RateLimiter


def init_state(app: Flask, state: AppState) -> None:
    """Attach the state to the app."""
    app.extensions[EXTENSION_KEY] = state


def get_state() -> AppState:
    """The state of the current app."""
    return current_app.extensions[EXTENSION_KEY]  # type: ignore[no-any-return]
