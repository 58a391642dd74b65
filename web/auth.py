"""Logging in and out, the current user, and the one role decorator."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from werkzeug.wrappers import Response

from . import accounts
from .accounts import Role, User
from .security import client_ip
from .state import get_state

bp = Blueprint("auth", __name__)
F = TypeVar("F", bound=Callable[..., Any])

#: Endpoints that stay open when the deployment requires login for everything.
OPEN_ENDPOINTS = frozenset({"auth.login", "auth.logout", "pages.accessibility", "static"})


def current_user() -> User | None:
    """The logged-in user of this request, or None."""
    if "user" not in g:
        data = session.get("user")
        g.user = None
        if isinstance(data, dict):
            try:
                g.user = User(int(data["id"]), str(data["name"]), Role(data["role"]))
            except (KeyError, ValueError, TypeError):
                session.pop("user", None)
    return g.user


def _login_redirect() -> Response:
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))


def role_required(*roles: Role) -> Callable[[F], F]:
    """Allow a view only to logged-in users with one of ``roles`` (beheerder always).

    Anonymous users go to the login page; a wrong role gets 403.
    """
    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            user = current_user()
            if user is None:
                if request.path.startswith(("/api/", "/hsds/")):
                    abort(401)
                return _login_redirect()
            if user.role is not Role.BEHEERDER and user.role not in roles:
                abort(403)
            return view(*args, **kwargs)
        return wrapped  # type: ignore[return-value]
    return decorator


def require_login_everywhere() -> Response | None:
    """When configured, send anonymous visitors of any page or API to the login."""
    if not get_state().settings.require_login or current_user() is not None:
        return None
    if request.endpoint in OPEN_ENDPOINTS or request.endpoint is None:
        return None
    if request.path.startswith(("/api/", "/hsds/")):
        abort(401)
    return _login_redirect()


def _safe_next(target: str | None) -> str:
    """Only local paths are followed after login (no open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return url_for("pages.home")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or "\\" in target:
        return url_for("pages.home")
    return target


@bp.route("/inloggen", methods=["GET", "POST"])
def login() -> Any:
    """Show the login form; check name and password with throttling."""
    if request.method == "GET":
        return render_template("auth/login.html", next=request.args.get("next", ""))
    name = request.form.get("naam", "").strip()[:100]
    password = request.form.get("wachtwoord", "")[:1000]
    limiter = get_state().login_limiter
    keys = (f"ip:{client_ip()}", f"name:{name.lower()}")
    if limiter.blocked(*keys):
        abort(429)
    with get_state().engine.connect() as conn:
        user = accounts.authenticate(conn, name, password)
    if user is None:
        limiter.hit(*keys)
        current_app.logger.info("Failed login for a user name from %s", client_ip())
        return render_template(
            "auth/login.html", next=request.form.get("next", ""), naam=name,
            error="Naam of wachtwoord klopt niet.",
        ), 400
    limiter.reset(keys[1])
    shortlist = session.get("shortlist")
    session.clear()
    if shortlist:
        session["shortlist"] = shortlist
    session.permanent = True
    session["user"] = {"id": user.id, "name": user.name, "role": user.role.value}
    flash(f"U bent ingelogd als {user.name} ({user.role.label}).")
    return redirect(_safe_next(request.form.get("next")))


@bp.route("/uitloggen", methods=["POST"])
def logout() -> Response:
    """Log out (POST, with CSRF) and forget the whole session."""
    session.clear()
    flash("U bent uitgelogd.")
    return redirect(url_for("pages.home"))
