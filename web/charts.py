"""The spinnenweb (spider-web) chart, drawn as SVG on the server.

Only presentation attributes are used (no ``style``), so the strict CSP allows it inline.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape

from socialmap.vocabulary import load_vocabulary

SIZE = 360
CENTRE = SIZE / 2
RADIUS = 120
LABEL_RADIUS = RADIUS + 22


@dataclass(frozen=True)
class Axis:
    """One dimension's spoke: its label, score and the point where the score lies."""

    id: str
    label: str
    score: float | None
    x: float
    y: float


def _point(index: int, count: int, fraction: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return (round(CENTRE + RADIUS * fraction * math.cos(angle), 1),
            round(CENTRE + RADIUS * fraction * math.sin(angle), 1))


def axes(scores: dict[str, float]) -> list[Axis]:
    """The six spokes with the given scores (missing scores sit at the centre)."""
    terms = load_vocabulary().dimensions.terms
    result = []
    for i, term in enumerate(terms):
        score = scores.get(term.id)
        x, y = _point(i, len(terms), (score or 0) / 10)
        result.append(Axis(term.id, term.label, score, x, y))
    return result


def _label(index: int, count: int, text: str) -> str:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    x = CENTRE + LABEL_RADIUS * math.cos(angle)
    y = CENTRE + LABEL_RADIUS * math.sin(angle)
    anchor = "middle" if abs(math.cos(angle)) < 0.3 else ("start" if math.cos(angle) > 0 else "end")
    return (f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}" font-size="12" '
            f'fill="#1a1a1a">{escape(text)}</text>')


@lru_cache(maxsize=1)
def _grid() -> str:
    """The rings, spokes and labels: the same for every chart (drawn once per process)."""
    labels = [term.label for term in load_vocabulary().dimensions.terms]
    n = len(labels)
    parts = []
    for ring in (2, 4, 6, 8, 10):
        pts = " ".join(f"{x},{y}" for x, y in (_point(i, n, ring / 10) for i in range(n)))
        parts.append(f'<polygon points="{pts}" fill="none" stroke="#b8b8b8" stroke-width="1"/>')
    for i in range(n):
        x, y = _point(i, n, 1)
        parts.append(f'<line x1="{CENTRE}" y1="{CENTRE}" x2="{x}" y2="{y}" stroke="#b8b8b8"/>')
        parts.append(_label(i, n, labels[i]))
    return "".join(parts)


def spinnenweb_svg(scores: dict[str, float], title: str = "Spinnenweb",
                   text: str | None = None) -> Markup:
    """An accessible SVG of the scores (0-10 per dimension), with a title and description.

    ``text`` is the description when the caller already has it (``describe(scores)``).
    """
    spokes = axes(scores)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-60 0 {SIZE + 120} {SIZE}" '
        f'class="spinnenweb" role="img" aria-labelledby="sw-title sw-desc">',
        f'<title id="sw-title">{escape(title)}</title>',
        f'<desc id="sw-desc">{escape(describe(scores) if text is None else text)}</desc>',
        _grid(),
    ]
    if any(a.score is not None for a in spokes):
        pts = " ".join(f"{a.x},{a.y}" for a in spokes)
        parts.append(f'<polygon points="{pts}" fill="#1d5fa8" fill-opacity="0.25" '
                     'stroke="#1d5fa8" stroke-width="2"/>')
        for a in spokes:
            if a.score is not None:
                parts.append(f'<circle cx="{a.x}" cy="{a.y}" r="4" fill="#1d5fa8"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def describe(scores: dict[str, float]) -> str:
    """The scores in words (the chart's text alternative)."""
    spokes = axes(scores)
    given = [f"{a.label} {_fmt(a.score)}" for a in spokes if a.score is not None]
    if not given:
        return "Nog geen scores ingevuld."
    return "Scores van 0 tot 10: " + ", ".join(given) + "."


def _fmt(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:g}".replace(".", ",")
