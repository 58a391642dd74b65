"""Commands ``welzijnswijzer match`` and ``welzijnswijzer model train|info`` (thin wrappers)."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import IO, Any

import click

from socialmap.cliutil import UserError, get_engine

from . import modelfile
from .errors import MatchError, ModelFileError, TrainingError
from .service import Matcher, load_index
from .training import describe, read_outcomes, train

EMPTY_CATALOGUE = (
    "Let op: de sociale kaart in deze database heeft geen actieve, ingedeelde activiteiten, dus "
    "er is niets te vinden. Importeer een catalogus (welzijnswijzer catalogue import BESTAND) of "
    "start eenmaal welzijnswijzer serve: een lege demo-database krijgt dan de demo-sociale kaart."
)


def _dump(answer: Any, indent: int | None) -> str:
    return json.dumps(answer.model_dump(mode="json"), ensure_ascii=False, indent=indent)


def _parse(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"{where}geen geldige JSON ({exc.msg}, kolom {exc.colno})") from None


def _answer(matcher: Matcher, raw: Any, where: str) -> Any:
    try:
        return matcher.match(raw)
    except MatchError as exc:
        raise UserError(f"{where}{exc.message}") from None


@click.command("match")
@click.argument("file", type=click.File("r", encoding="utf-8"), default="-")
@click.option("--jsonl", is_flag=True, help="Eén verzoek per regel, één antwoord per regel.")
def match_command(file: IO[str], jsonl: bool) -> None:
    """Zoek passende activiteiten op de sociale kaart (verzoek als JSON, FILE of -)."""
    matcher = Matcher(get_engine())
    if not len(matcher.index):
        click.echo(EMPTY_CATALOGUE, err=True)
    if not jsonl:
        click.echo(_dump(_answer(matcher, _parse(file.read(), ""), ""), indent=2))
        return
    for number, line in enumerate(file, start=1):
        if not line.strip():
            continue
        where = f"regel {number}: "
        click.echo(_dump(_answer(matcher, _parse(line, where), where), indent=None))


@click.group("model")
def model_group() -> None:
    """De lerende herordening van de matcher: trainen en bekijken."""


def _recorded_outcomes() -> str:
    """The outcomes recorded with referrals in the database, as outcomes CSV."""
    from socialmap.referrals.outcomes import outcomes_csv

    with get_engine().connect() as conn:
        return outcomes_csv(conn)


@model_group.command("train")
@click.option("--outcomes", "outcomes_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="CSV met uitkomsten; zonder: de uitkomsten van de "
              "verwijzingen in de database.")
@click.option("--seed", type=int, default=0, show_default=True, help="Toevalsgetal voor de split.")
def train_command(outcomes_path: Path | None, seed: int) -> None:
    """Train de herordening op vastgelegde uitkomsten (zie docs/matcher.md)."""
    if outcomes_path is not None and not outcomes_path.exists():
        raise UserError(f"--outcomes: bestand {outcomes_path} bestaat niet")
    source = outcomes_path if outcomes_path is not None else io.StringIO(_recorded_outcomes())
    where = "--outcomes" if outcomes_path is not None else "uitkomsten in de database"
    try:
        stored = train(load_index(get_engine()), read_outcomes(source), today=date.today(),
                       random_state=seed)
    except TrainingError as exc:
        raise UserError(f"{where}: {exc}") from None
    target = modelfile.save(stored)
    held = stored.meta["held_out"]
    click.echo(f"Model opgeslagen in {target} ({stored.meta['n_outcomes']} uitkomsten, "
               f"NDCG@10 op apart gehouden verzoeken: model {held['ndcg_at_10_model']}, "
               f"regels {held['ndcg_at_10_rules']}).")


@model_group.command("info")
def info_command() -> None:
    """Toon het getrainde model: omvang trainingsdata, datum, score op apart gehouden data."""
    try:
        meta = modelfile.read_meta()
    except ModelFileError as exc:
        raise click.ClickException(str(exc)) from None
    if meta is None:
        click.echo("Geen model getraind; de matcher gebruikt alleen regels.")
        return
    try:
        modelfile.check_meta(meta)
        status = "bruikbaar"
    except ModelFileError as exc:
        status = f"niet bruikbaar, de matcher gebruikt alleen regels: {exc}"
    click.echo(describe({**meta, "status": status}))
