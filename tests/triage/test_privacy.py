"""Nothing of a triage request is stored or logged: no log records, no files, no sockets,
no database, and no object left in memory that holds the note."""

from __future__ import annotations

import gc
import logging
import sys

from click.testing import CliRunner

from triage import decide
from triage.cli import triage_command

MARKER = "Qwertina Zuidbroekhuis"


def _note(marker: str) -> str:
    address = "Dorpsstraat 12, 9711 AB Groningen"
    return f"Mw. {marker}, geb. 12-03-1951, {address}. Zit veel alleen, somber."


NOTE = _note(MARKER)
REQUEST = {"age": 73, "complaints": ["eenzaamheid"], "text": NOTE}

_watching: list[list[str]] = []


def _audit(event: str, args: tuple) -> None:
    if not _watching:
        return
    if (
        event == "open"
        and len(args) > 1
        and isinstance(args[1], str)
        and set(args[1]) & set("wax+")
    ):
        _watching[-1].append(f"open-for-write {args[0]}")
    elif event in ("socket.connect", "sqlite3.connect", "subprocess.Popen", "os.system"):
        _watching[-1].append(event)


sys.addaudithook(_audit)


def _holders(marker: str) -> list[str]:
    """Container objects still referencing a string with the marker (caches, globals)."""
    gc.collect()
    found = []
    for obj in gc.get_objects():
        if isinstance(obj, dict):
            values = list(obj.keys()) + list(obj.values())
        elif isinstance(obj, list | tuple | set | frozenset):
            values = list(obj)
        else:
            continue
        if any(isinstance(v, str) and marker in v for v in values):
            found.append(type(obj).__name__)
    return found


def test_decide_logs_writes_and_keeps_nothing(caplog, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    caplog.set_level(logging.DEBUG)
    marker = "".join(["Xyla", "quintus", " ", "Brommelsteyn"])  # built at run time: in no module
    events: list[str] = []
    _watching.append(events)
    try:
        answer = decide({"age": 73, "text": _note(marker)}).to_json()
    finally:
        _watching.pop()
    assert marker not in answer.split('"referral_text"')[1].split('"icpc"')[0]
    assert not caplog.records
    assert events == []
    assert list(tmp_path.iterdir()) == []
    del answer
    assert _holders(marker) == []


def test_cli_prints_only_the_decision(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    events: list[str] = []
    _watching.append(events)
    try:
        result = CliRunner().invoke(triage_command, input='{"text": "' + NOTE + '"}')
    finally:
        _watching.pop()
    assert result.exit_code == 0
    assert MARKER not in result.stderr
    assert events == []
    assert list(tmp_path.iterdir()) == []


def test_referral_text_has_no_name_address_or_birth_date():
    text = decide(dict(REQUEST)).referral_text or ""
    for private in (
        MARKER,
        "Zuidbroekhuis",
        "12-03-1951",
        "1951",
        "Dorpsstraat",
        "9711",
        "Groningen",
    ):
        assert private not in text
    assert "eenzaamheid" in text
