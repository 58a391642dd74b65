"""Security plumbing: CSRF synchronizer tokens, security headers and a small rate limiter.

The CSRF token is a random value kept in the signed session; every unsafe request outside the
JSON APIs must echo it (form field ``csrf_token`` or header ``X-CSRF-Token``).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import defaultdict, deque
from typing import Any

from flask import Flask, Response, abort, request, session
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from itsdangerous import URLSafeTimedSerializer

CSRF_SESSION_KEY = "_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
#: Paths that take JSON only and rely on no cookie: a cross-site form cannot post JSON to them.
CSRF_EXEMPT_PREFIXES = ("/api/", "/hsds/")

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
_LOWER_SECURITY_HEADERS = [(name.lower(), name, value) for name, value in SECURITY_HEADERS.items()]
#: Bodies werkzeug parses into ``request.form``; any other body leaves the form empty.
FORM_MIMETYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})


def csrf_token() -> str:
    """The session's CSRF token (created on first use)."""
    token = session.get(CSRF_SESSION_KEY)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        session[CSRF_SESSION_KEY] = token
    return token


def csrf_valid() -> bool:
    """Whether the current request carries the session's CSRF token."""
    expected = session.get(CSRF_SESSION_KEY)
    given = request.form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER) or ""
    return isinstance(expected, str) and hmac.compare_digest(expected, given)


def reject_nul() -> None:
    """Refuse (400) a NUL character in the path, query or form: database text cannot hold it."""
    fields = [request.path, *request.args.keys(), *request.args.values()]
    if request.method in UNSAFE_METHODS and request.mimetype in FORM_MIMETYPES and request.form:
        fields += [*request.form.keys(), *request.form.values()]
    if any("\x00" in value for value in fields):
        abort(400)


def check_csrf() -> None:
    """Refuse (400) an unsafe request without a valid CSRF token."""
    if request.method not in UNSAFE_METHODS or request.path.startswith(CSRF_EXEMPT_PREFIXES):
        return
    if not csrf_valid():
        abort(400, description="csrf")


def add_security_headers(response: Response) -> Response:
    """Set CSP, frame denial, no-sniff and referrer headers on every response.

    A header the view set itself is kept (one pass over the headers, not one per header).
    """
    present = {name.lower() for name in response.headers.keys()}
    response.headers.extend([(name, value) for lower, name, value in _LOWER_SECURITY_HEADERS
                             if lower not in present])
    if request.path.startswith(("/huisarts", "/inloggen", "/gemeente", "/coach")):
        response.headers["Cache-Control"] = "no-store"
    return response


class RateLimiter:
    """Counts events per key in a sliding window (in memory, per process, thread-safe)."""

    def __init__(self, limit: int, window_seconds: float) -> None:
        self.limit = limit
        self.window = window_seconds
        self._events: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _prune(self, key: str, now: float) -> deque[float]:
        events = self._events[key]
        while events and events[0] <= now - self.window:
            events.popleft()
        return events

    def blocked(self, *keys: str) -> bool:
        """Whether any of the keys has reached the limit."""
        now = time.monotonic()
        with self._lock:
            return any(len(self._prune(k, now)) >= self.limit for k in keys)

    def hit(self, *keys: str) -> None:
        """Record one event for each key."""
        now = time.monotonic()
        with self._lock:
            for key in keys:
                self._prune(key, now).append(now)

    def reset(self, *keys: str) -> None:
        """Forget the events of these keys (e.g. after a successful login)."""
        with self._lock:
            for key in keys:
                self._events.pop(key, None)


def client_ip() -> str:
    """The client's address (ProxyFix has applied X-Forwarded-For when configured)."""
    return request.remote_addr or "onbekend"


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions (same cookie, same checks), with less work per request.

    The signing serializer is made once per secret key instead of on every request, a request
    without a session cookie gets its empty session without one, and the HMAC uses OpenSSL's
    SHA-1 directly (Flask's default wraps it in a Python function, which makes ``hmac`` take its
    slow pure-Python path; the signatures are the same).
    """

    digest_method = staticmethod(hashlib.sha1)

    def __init__(self) -> None:
        self._serializer: tuple[Any, URLSafeTimedSerializer | None] = (None, None)

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        """The serializer for the app's current secret key (and fallbacks)."""
        keys = (app.secret_key, tuple(app.config.get("SECRET_KEY_FALLBACKS") or ()))
        made_for, serializer = self._serializer
        if made_for != keys:
            serializer = super().get_signing_serializer(app)
            self._serializer = (keys, serializer)
        return serializer

    def open_session(self, app: Flask, request: Any) -> SecureCookieSession | None:
        """The session from the cookie; an empty one at once when there is no cookie."""
        if app.secret_key and not request.cookies.get(self.get_cookie_name(app)):
            return self.session_class()
        return super().open_session(app, request)


def init_security(app: Flask) -> None:
    """Register the session interface, NUL refusal, CSRF checking, the security headers and the
    ``csrf_token`` global."""
    app.session_interface = SessionInterface()
    app.before_request(reject_nul)
    app.before_request(check_csrf)
    app.after_request(add_security_headers)
    app.jinja_env.globals["csrf_token"] = csrf_token
