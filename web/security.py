"""Security plumbing: CSRF synchronizer tokens, security headers and a small rate limiter.

The CSRF token is a random value kept in the signed session; every unsafe request outside the
JSON APIs must echo it (form field ``csrf_token`` or header ``X-CSRF-Token``).
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import defaultdict, deque

from flask import Flask, Response, abort, request, session

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
    if request.method in UNSAFE_METHODS and request.form:
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
    """Set CSP, frame denial, no-sniff and referrer headers on every response."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
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


def init_security(app: Flask) -> None:
    """Register NUL refusal, CSRF checking, the security headers and the ``csrf_token`` global."""
    app.before_request(reject_nul)
    app.before_request(check_csrf)
    app.after_request(add_security_headers)
    app.jinja_env.globals["csrf_token"] = csrf_token
