"""Shared pieces of the command line: where the database is, and one-line errors."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import click
from sqlalchemy import Engine

from .database import default_url, make_engine, migrate

URL_ENV = "WELZIJNSWIJZER_DATABASE_URL"
INSTANCE_ENV = "WELZIJNSWIJZER_INSTANCE_PATH"


def instance_path() -> Path:
    """The instance folder: ``WELZIJNSWIJZER_INSTANCE_PATH`` or ``./instance``."""
    return Path(os.environ.get(INSTANCE_ENV) or Path.cwd() / "instance")


def database_url() -> str:
    """``WELZIJNSWIJZER_DATABASE_URL``, or the SQLite file in the instance folder."""
    return os.environ.get(URL_ENV) or default_url(instance_path())


@dataclass
class CliContext:
    """State shared by the subcommands of one invocation (the engine, made on first use)."""

    url: str | None = None
    _engine: Engine | None = field(default=None, repr=False)

    def engine(self) -> Engine:
        """The migrated database engine."""
        if self._engine is None:
            self._engine = make_engine(self.url or database_url())
            migrate(self._engine)
            ctx = click.get_current_context(silent=True)
            if ctx is not None:
                ctx.find_root().call_on_close(self._close)
        return self._engine

    def _close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def get_engine() -> Engine:
    """The engine of the current command invocation (migrated, ready to use)."""
    ctx = click.get_current_context()
    obj = ctx.find_object(CliContext)
    if obj is None:
        obj = ctx.ensure_object(CliContext)
    return obj.engine()


class UserError(click.ClickException):
    """A mistake in the user's input: one clear line on stderr, exit code 2."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        """Print the message alone (no usage text)."""
        click.echo(f"Fout: {self.format_message()}", err=True)
