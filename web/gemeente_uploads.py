"""Uploaded catalogue files waiting for confirmation, kept in the instance folder.

Each upload gets a random token and its own folder ``uploads/<token>/`` holding the file (under
a sanitised version of its own name, so the report names it) and ``upload.json`` with the
options of the dry run. Nothing is kept in the session. Uploads are removed after the import is
confirmed, and any upload older than :data:`MAX_AGE_SECONDS` is removed on the next request.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from flask import current_app
from werkzeug.datastructures import FileStorage
from werkzeug.utils import secure_filename

from socialmap.errors import NotFound

MAX_AGE_SECONDS = 3600
FOLDER = "uploads"
META = "upload.json"
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
#: Accepted file types: native spreadsheets and HSDS packages.
SUFFIXES = (".csv", ".txt", ".xlsx", ".zip")


@dataclass
class Upload:
    """One uploaded file and the options chosen for it."""

    token: str
    filename: str
    user: str
    created: float
    replace: bool = False
    skip_invalid: bool = False
    mapping: dict[str, list[str]] | None = field(default=None)

    @property
    def path(self) -> Path:
        """Where the uploaded file is stored."""
        return upload_root() / self.token / self.filename

    @property
    def spreadsheet(self) -> bool:
        """Whether the file is a spreadsheet (which can have a header mapping)."""
        return Path(self.filename).suffix.lower() != ".zip"


def upload_root() -> Path:
    """The folder with all pending uploads (created on first use, private)."""
    root = Path(current_app.instance_path) / FOLDER
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    return root


def purge_old(now: float | None = None) -> int:
    """Remove uploads older than an hour; returns how many were removed."""
    cutoff = (now or time.time()) - MAX_AGE_SECONDS
    removed = 0
    for folder in upload_root().iterdir():
        if folder.is_dir() and folder.stat().st_mtime < cutoff:
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed


def safe_name(original: str) -> str | None:
    """A safe file name keeping the original's name and suffix, or None for other types."""
    suffix = Path(original).suffix.lower()
    if suffix not in SUFFIXES:
        return None
    stem = secure_filename(Path(original).stem)[:80] or "upload"
    return f"{stem}{suffix}"


def save_upload(file: FileStorage, filename: str, *, user: str, replace: bool,
                skip_invalid: bool, mapping: dict[str, list[str]] | None) -> Upload:
    """Store an uploaded file under a new random token."""
    upload = Upload(secrets.token_urlsafe(32), filename, user, time.time(), replace,
                    skip_invalid, mapping)
    upload.path.parent.mkdir(mode=0o700)
    file.save(upload.path)
    save_meta(upload)
    return upload


def save_meta(upload: Upload) -> None:
    """Write the upload's options next to its file."""
    meta = upload_root() / upload.token / META
    meta.write_text(json.dumps(asdict(upload), ensure_ascii=False), encoding="utf-8")


def load_upload(token: str, user: str) -> Upload:
    """The pending upload of ``user`` with this token; raises :class:`NotFound` otherwise."""
    gone = NotFound("Deze upload bestaat niet (meer): uploads worden na een uur of na het "
                    "importeren verwijderd. Upload het bestand opnieuw.")
    if not TOKEN_RE.match(token):
        raise gone
    meta = upload_root() / token / META
    try:
        upload = Upload(**json.loads(meta.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        raise gone from None
    if upload.user != user or time.time() - upload.created > MAX_AGE_SECONDS \
            or not upload.path.is_file():
        raise gone
    return upload


def delete_upload(upload: Upload) -> None:
    """Remove an upload's folder."""
    shutil.rmtree(upload_root() / upload.token, ignore_errors=True)
