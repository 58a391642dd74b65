"""Server-side charts as SVG strings (no JavaScript), each with a data table beside it.

Charts draw presented :class:`~.indicators.Cell` values only, so suppressed numbers ("<5") are
never drawn as bars: they appear as "<5" in the chart and the table. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from socialmap.vocabulary import load_vocabulary

from .indicators import SUPPRESSED, Cell, Indicators, threshold

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 150, 20, 20, 40
COLOURS = ("#1f6f8b", "#e07a1f")
SUPPRESSED_TEXT = f"{SUPPRESSED} (te weinig gegevens)"


@dataclass(frozen=True)
class Chart:
    """One chart: the SVG and an HTML table with the same numbers."""

    title: str
    svg: str
    table: str

    def html(self) -> str:
        """The chart and its table in one ``<figure>``."""
        return (f'<figure class="chart">{self.svg}<figcaption>{escape(self.title)}</figcaption>'
                f"{self.table}</figure>")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "grafiek"


def _svg(title: str, desc: str, body: list[str], height: int = HEIGHT) -> str:
    cid = _slug(title)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
            f'width="{WIDTH}" height="{height}" role="img" '
            f'aria-labelledby="{cid}-title {cid}-desc">'
            f'<title id="{cid}-title">{escape(title)}</title>'
            f'<desc id="{cid}-desc">{escape(desc)}</desc>' + "".join(body) + "</svg>")


def _text(x: float, y: float, text: str, anchor: str = "start", size: int = 12) -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
            f'font-family="sans-serif">{escape(text)}</text>')


def data_table(caption: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain HTML table with a caption (the numbers beside a chart)."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "".join(
        "<tr>" + f'<th scope="row">{escape(r[0])}</th>'
        + "".join(f"<td>{escape(c)}</td>" for c in r[1:]) + "</tr>" for r in rows)
    return (f'<table class="chart-data"><caption>{escape(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def bar_chart(title: str, desc: str, items: Sequence[tuple[str, Cell]],
              maximum: float | None = None) -> Chart:
    """Horizontal bars, one per labelled cell; suppressed cells show '<5' without a bar."""
    row_h = 24
    height = TOP + BOTTOM + row_h * max(len(items), 1)
    top = max([c.value for _, c in items if c.value is not None] + [maximum or 0, 1])
    span = WIDTH - LEFT - RIGHT - 50
    body = []
    for i, (label, cell) in enumerate(items):
        y = TOP + i * row_h
        body.append(_text(LEFT - 6, y + 16, label, "end"))
        if cell.value is not None:
            w = span * cell.value / top
            body.append(f'<rect x="{LEFT}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" '
                        f'fill="{COLOURS[0]}"/>')
            body.append(_text(LEFT + w + 4, y + 16, cell.text))
        else:
            body.append(_text(LEFT + 4, y + 16, cell.text))
    if not items:
        body.append(_text(LEFT, TOP + 16, "Nog geen gegevens"))
    table = data_table(f"Cijfers: {title}", ["", "Waarde"],
                       [(label, c.text) for label, c in items])
    return Chart(title, _svg(title, desc, body, height), table)


def line_chart(title: str, desc: str, points: Sequence[tuple[str, Cell]]) -> Chart:
    """A trend line over labelled points; a suppressed point breaks the line."""
    plot_w, plot_h = WIDTH - 60 - RIGHT, HEIGHT - TOP - BOTTOM
    top = max([c.value for _, c in points if c.value is not None] + [1])
    step = plot_w / max(len(points) - 1, 1)
    body = [f'<line x1="60" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" '
            'stroke="#888"/>', _text(54, TOP + 10, f"{top:g}", "end"),
            _text(54, TOP + plot_h, "0", "end")]
    segment: list[str] = []
    for i, (label, cell) in enumerate(points):
        x = 60 + i * step
        if cell.value is None:
            body.append(_text(x, TOP + plot_h - 4, cell.text, "middle", 10))
            body.append(_polyline(segment))
            segment = []
        else:
            y = TOP + plot_h - plot_h * cell.value / top
            segment.append(f"{x:.1f},{y:.1f}")
            body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{COLOURS[0]}"/>')
        if len(points) <= 12 or i % 3 == 0:
            body.append(_text(x, TOP + plot_h + 16, label, "middle", 10))
    body.append(_polyline(segment))
    table = data_table(f"Cijfers: {title}", ["Maand", "Aantal"],
                       [(label, c.text) for label, c in points])
    return Chart(title, _svg(title, desc, body), table)


def _polyline(points: list[str]) -> str:
    if len(points) < 2:
        return ""
    return (f'<polyline points="{" ".join(points)}" fill="none" stroke="{COLOURS[0]}" '
            'stroke-width="2"/>')


def before_after_chart(title: str, desc: str,
                       rows: Sequence[tuple[str, Cell, Cell, Cell]]) -> Chart:
    """Intake and end score per dimension on the 0-10 scale (the resident's own view)."""
    row_h = 28
    height = TOP + BOTTOM + row_h * len(rows)
    span = WIDTH - LEFT - RIGHT - 60
    body = [_text(LEFT, height - 10, "0"), _text(LEFT + span, height - 10, "10", "end"),
            f'<circle cx="{LEFT + 40}" cy="{height - 14}" r="5" fill="{COLOURS[1]}"/>',
            _text(LEFT + 48, height - 10, "intake"),
            f'<circle cx="{LEFT + 110}" cy="{height - 14}" r="5" fill="{COLOURS[0]}"/>',
            _text(LEFT + 118, height - 10, "eind")]
    for i, (label, intake, end, change) in enumerate(rows):
        y = TOP + i * row_h + 14
        body.append(_text(LEFT - 6, y + 4, label, "end"))
        if intake.value is None or end.value is None:
            body.append(_text(LEFT + 4, y + 4, SUPPRESSED_TEXT))
            continue
        x1, x2 = LEFT + span * intake.value / 10, LEFT + span * end.value / 10
        body += [f'<line x1="{x1:.1f}" y1="{y}" x2="{x2:.1f}" y2="{y}" stroke="#888" '
                 'stroke-width="2"/>',
                 f'<circle cx="{x1:.1f}" cy="{y}" r="5" fill="{COLOURS[1]}"/>',
                 f'<circle cx="{x2:.1f}" cy="{y}" r="5" fill="{COLOURS[0]}"/>',
                 _text(max(x1, x2) + 10, y + 4, change.text)]
    table = data_table(f"Cijfers: {title}",
                       ["Dimensie", "Intake", "Eind", "Verandering", "Aantal"],
                       [(label, i.text, e.text, c.text, _n(c)) for label, i, e, c in rows])
    return Chart(title, _svg(title, desc, body, height), table)


def _n(cell: Cell) -> str:
    return SUPPRESSED if cell.n < threshold() else str(cell.n)


def dashboard_charts(ind: Indicators) -> list[Chart]:
    """The charts of the municipality dashboard: trend, spinnenweb, participation."""
    voc = load_vocabulary()
    participation = [(row.label.removeprefix("Neemt na ").removesuffix(" nog deel"), row.cell)
                     for row in ind.outcome if row.key.startswith("deelname_")]
    return [
        line_chart("Welzijnsrecepten per maand",
                   "Het aantal verwijzingen per maand; maanden met minder dan 5 tonen '<5'.",
                   ind.trend),
        before_after_chart(
            "Spinnenweb bij intake en aan het eind",
            "Gemiddelde score per dimensie (0-10) bij intake en aan het eind, zoals de "
            "inwoner het zelf ziet; het spinnenweb is een gespreksinstrument, geen meting.",
            [(voc.dimensions.label(d), a, b, c) for d, a, b, c in ind.spinnenweb]),
        bar_chart("Deelname aan de activiteit",
                  "Aandeel inwoners dat na 3, 6 en 9 maanden nog deelneemt aan een gekozen "
                  "activiteit.", participation, maximum=100),
    ]
