"""``welzijnswijzer triage``: one request in, one decision out (or one per line with --jsonl)."""

from __future__ import annotations

import json
import sys
from typing import IO

import click

from .engine import decide
from .errors import TriageError

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


def _parse(line: str) -> object:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise TriageError(
            f"Geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}): {exc.msg}",
            [{"field": "request", "message": "geen geldige JSON"}],
        ) from None


def _error_object(line_no: int, exc: TriageError) -> str:
    body = {"line": line_no, "error": exc.message, "details": exc.details}
    return json.dumps(body, ensure_ascii=False)


def _run_jsonl(stream: IO[str]) -> int:
    """Decide every non-empty line; a bad line prints an error object and the run exits 2."""
    failed = 0
    for line_no, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            click.echo(decide(_parse(line)).to_json())  # type: ignore[arg-type]
        except TriageError as exc:
            failed += 1
            click.echo(_error_object(line_no, exc))
            click.echo(f"regel {line_no}: {exc.one_line()}", err=True)
    if failed:
        click.echo(f"{failed} regel(s) ongeldig", err=True)
        return EXIT_BAD_INPUT
    return EXIT_OK


@click.command("triage")
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
@click.option(
    "--jsonl", is_flag=True, help="Eén verzoek per regel; één besluit per regel, zelfde volgorde."
)
def triage_command(source: IO[str], jsonl: bool) -> None:
    """Advies: past Welzijn op Recept, of is een andere route beter? Leest JSON (FILE of -)."""
    try:
        if jsonl:
            sys.exit(_run_jsonl(source))
        click.echo(decide(_parse(source.read())).to_json(indent=2))  # type: ignore[arg-type]
    except TriageError as exc:
        click.echo(exc.one_line(), err=True)
        sys.exit(EXIT_BAD_INPUT)
    except (OSError, UnicodeDecodeError) as exc:
        click.echo(f"Kan invoer niet lezen: {exc}", err=True)
        sys.exit(EXIT_BAD_INPUT if isinstance(exc, UnicodeDecodeError) else EXIT_FAILURE)
