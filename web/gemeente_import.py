"""Uploading a catalogue: always a dry run first, then a confirmation that imports the same file.

Flow: upload (file, optional mapping JSON, options) -> optional header-mapping step -> dry-run
report (nothing written) -> confirm (the real import of the stored file, then it is deleted).
"""

from __future__ import annotations

import json
from typing import Any

from flask import Response, abort, flash, redirect, render_template, request, url_for
from rapidfuzz import fuzz, process, utils

from socialmap.errors import CatalogueError
from socialmap.importing.columns import NATIVE_COLUMNS, header_aliases, native_column, parse_mapping
from socialmap.importing.native import read_table
from socialmap.importing.run import import_catalogue
from socialmap.vocabulary import fold

from .accounts import Role
from .auth import role_required
from .gemeente import bp, user_name
from .gemeente_forms import LABELS
from .gemeente_uploads import (
    SUFFIXES,
    Upload,
    delete_upload,
    load_upload,
    purge_old,
    safe_name,
    save_meta,
    save_upload,
)
from .state import get_state

MAX_MAPPING_BYTES = 100_000
#: Fuzzy pre-selection of a column for an unknown header (the curator checks it).
PRESELECT_SCORE = 90
COLUMN_LABELS = {**LABELS, "voorgestelde_dimensies": "Voorgestelde dimensies",
                 "voorgestelde_doelgroepen": "Voorgestelde doelgroepen"}


def _max_bytes() -> int:
    return get_state().settings.max_upload_mb * 1024 * 1024


def _flag(name: str) -> bool:
    return request.form.get(name) == "ja"


def _read_mapping_file(errors: dict[str, str]) -> dict[str, list[str]] | None:
    file = request.files.get("mapping")
    if file is None or not file.filename:
        return None
    raw = file.read(MAX_MAPPING_BYTES + 1)
    try:
        if len(raw) > MAX_MAPPING_BYTES:
            raise CatalogueError("Het mappingbestand is te groot (hooguit 100 kB).")
        try:
            decoded = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CatalogueError(f"Het mappingbestand is geen geldige JSON: {exc}.") from None
        return parse_mapping(decoded, file.filename)
    except CatalogueError as exc:
        errors["mapping"] = exc.message
        return None


@bp.route("/importeren", methods=["GET", "POST"])
@role_required(Role.GEMEENTE)
def upload() -> Any:
    """The upload form; a valid upload is stored and goes to the mapping step or the dry run."""
    purge_old()
    if request.method == "GET":
        return _upload_form({})
    errors: dict[str, str] = {}
    file = request.files.get("bestand")
    filename = safe_name(file.filename or "") if file is not None else None
    if file is None or not file.filename:
        errors["bestand"] = "Kies het bestand met de sociale kaart."
    elif filename is None:
        errors["bestand"] = ("Dit soort bestand kan niet worden ingelezen. Kies een CSV-bestand, "
                             "een Excel-bestand (.xlsx) of een HSDS-pakket (.zip).")
    mapping = _read_mapping_file(errors)
    if errors or file is None or filename is None:
        return _upload_form(errors), 400
    saved = save_upload(file, filename, user=user_name(), replace=_flag("vervangen"),
                        skip_invalid=_flag("overslaan"), mapping=mapping)
    if _flag("koppelen") and saved.spreadsheet:
        return redirect(url_for("gemeente.mapping", token=saved.token))
    return redirect(url_for("gemeente.dry_run", token=saved.token))


def _upload_form(errors: dict[str, str]) -> str:
    return render_template(
        "gemeente/upload.html", errors=errors, form=request.form,
        max_mb=get_state().settings.max_upload_mb, suffixes=", ".join(SUFFIXES),
        summary={k: v for k, v in errors.items()})


def preselect(headers: list[str], given: dict[str, list[str]] | None) -> list[list[str]]:
    """Columns to pre-select per header: the mapping file's, else a known alias, else a close
    alias of a column no other header takes."""
    by_fold = {fold(k): v for k, v in (given or {}).items()}
    chosen = [by_fold[fold(h)] if fold(h) in by_fold else [c for c in [native_column(h)] if c]
              for h in headers]
    taken = {c for cs in chosen for c in cs}
    aliases = header_aliases()
    for i, header in enumerate(headers):
        if chosen[i] or fold(header) in by_fold:
            continue
        best = process.extractOne(fold(header), list(aliases), scorer=fuzz.token_set_ratio,
                                  processor=utils.default_process, score_cutoff=PRESELECT_SCORE)
        if best is not None and aliases[best[0]] not in taken:
            chosen[i] = [aliases[best[0]]]
            taken.add(aliases[best[0]])
    return chosen


def _headers(upload: Upload) -> list[str]:
    try:
        return read_table(upload.path, _max_bytes()).headers
    except CatalogueError as exc:
        flash(exc.message)
        return []


@bp.route("/importeren/<token>/koppelen", methods=["GET", "POST"])
@role_required(Role.GEMEENTE)
def mapping(token: str) -> Any:
    """The header-mapping step: pick the native column for each of their headers."""
    purge_old()
    upload = load_upload(token, user_name())
    headers = _headers(upload) if upload.spreadsheet else []
    if not headers:
        return redirect(url_for("gemeente.dry_run", token=token))
    if request.method == "POST":
        upload.mapping = _mapping_from_form(headers)
        save_meta(upload)
        return redirect(url_for("gemeente.dry_run", token=token))
    rows = list(zip(range(len(headers)), headers, preselect(headers, upload.mapping),
                    strict=True))
    return render_template("gemeente/mapping.html", upload=upload, rows=rows,
                           columns=[(c, COLUMN_LABELS.get(c, c)) for c in NATIVE_COLUMNS])


def _mapping_from_form(headers: list[str]) -> dict[str, list[str]]:
    """The chosen columns per header; a header set to 'niet gebruiken' maps to nothing."""
    chosen: dict[str, list[str]] = {}
    for i, header in enumerate(headers):
        columns = [c for c in request.form.getlist(f"kolom-{i}") if c in NATIVE_COLUMNS]
        if header.strip():
            chosen[header] = columns
    used = {h: c for h, c in chosen.items() if c}
    if used:
        parse_mapping(used)
    return chosen


@bp.get("/importeren/<token>/koppeling.json")
@role_required(Role.GEMEENTE)
def mapping_json(token: str) -> Response:
    """The chosen mapping as a file, for next time (also usable with ``--mapping``)."""
    upload = load_upload(token, user_name())
    used = {h: c if len(c) > 1 else c[0] for h, c in (upload.mapping or {}).items() if c}
    body = json.dumps(used, ensure_ascii=False, indent=2) + "\n"
    response = Response(body, mimetype="application/json")
    response.headers["Content-Disposition"] = 'attachment; filename="koppeling.json"'
    return response


def _run(upload: Upload, *, dry_run: bool) -> dict[str, Any]:
    report = import_catalogue(
        get_state().engine, upload.path, dry_run=dry_run, replace=upload.replace,
        mapping=upload.mapping, skip_invalid=upload.skip_invalid, user=user_name(),
        max_bytes=_max_bytes())
    return report.to_json()


@bp.get("/importeren/<token>")
@role_required(Role.GEMEENTE)
def dry_run(token: str) -> str:
    """The dry-run report of a stored upload (nothing is written) with the confirm button."""
    purge_old()
    upload = load_upload(token, user_name())
    return render_template("gemeente/import_report.html", upload=upload,
                           report=_run(upload, dry_run=True), done=False)


@bp.post("/importeren/<token>/opties")
@role_required(Role.GEMEENTE)
def options(token: str) -> Any:
    """Change 'vervangen' and 'foute rijen overslaan', then check again."""
    upload = load_upload(token, user_name())
    upload.replace, upload.skip_invalid = _flag("vervangen"), _flag("overslaan")
    save_meta(upload)
    return redirect(url_for("gemeente.dry_run", token=token))


@bp.post("/importeren/<token>/bevestigen")
@role_required(Role.GEMEENTE)
def confirm(token: str) -> Any:
    """Import the stored file for real, with the options of the dry run; then delete it."""
    upload = load_upload(token, user_name())
    if (_flag("vervangen"), _flag("overslaan")) != (upload.replace, upload.skip_invalid):
        abort(409)
    report = _run(upload, dry_run=False)
    delete_upload(upload)
    if report["applied"]:
        flash("De import is uitgevoerd.")
    return render_template("gemeente/import_report.html", upload=upload, report=report,
                           done=True)
