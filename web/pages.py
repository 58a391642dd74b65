"""Pages for everyone: choosing a role and the accessibility statement."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("pages", __name__)


@bp.get("/")
def home() -> str:
    """The start page: choose what you come to do."""
    return render_template("pages/home.html")


@bp.get("/toegankelijkheid")
def accessibility() -> str:
    """The accessibility statement (toegankelijkheidsverklaring)."""
    return render_template("pages/accessibility.html")
