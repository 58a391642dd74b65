"""Downloading the sociale kaart: native CSV (plain or for Dutch Excel) or an HSDS 3.0 zip."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from typing import Any

from flask import Response, render_template, request

from socialmap.exporting.csv_export import csv_text
from socialmap.hsds.package import package_files
from socialmap.store import iter_activities

from .accounts import Role
from .auth import role_required
from .gemeente import bp
from .state import get_state

FORMATS = ("csv", "excel", "hsds")


def _download(body: bytes, filename: str, mimetype: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def hsds_zip(activities: list[Any]) -> bytes:
    """The HSDS tabular data package of ``activities`` as the bytes of a .zip file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in package_files(activities).items():
            zf.writestr(name, content)
    return buffer.getvalue()


@bp.get("/exporteren")
@role_required(Role.GEMEENTE)
def export() -> Any:
    """The export page; with ``?formaat=csv|excel|hsds`` the download itself."""
    fmt = request.args.get("formaat", "")
    if fmt not in FORMATS:
        return render_template("gemeente/export.html")
    with get_state().engine.connect() as conn:
        activities = list(iter_activities(conn))
    stamp = date.today().isoformat()
    if fmt == "hsds":
        return _download(hsds_zip(activities), f"sociale_kaart_hsds_{stamp}.zip",
                         "application/zip")
    text = csv_text(activities, excel=fmt == "excel")
    suffix = "_excel" if fmt == "excel" else ""
    return _download(text.encode("utf-8"), f"sociale_kaart{suffix}_{stamp}.csv",
                     "text/csv; charset=utf-8")
